"""The event admin's choosers, object views and bulk actions keep to the person's scope."""

import pytest
from django.urls import reverse

from calendar_app.models import Event
from tests.factories import make_network, make_network_admin, make_user

from .helpers import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_event():
    return make_event(
        title="Vieraan verkoston salainen kokous",
        network=make_network(),
        level=Event.Level.NETWORK,
        visibility=Event.Visibility.NETWORK,
    )


@pytest.fixture
def network_admin():
    return make_network_admin(make_network())


def test_the_event_chooser_does_not_list_another_networks_event(client, network_admin, other_event):
    client.force_login(network_admin)

    for url in (
        "/admin/snippets/choose/calendar_app/event/",
        "/admin/snippets/choose/calendar_app/event/results/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert other_event.title not in response.content.decode()


def test_choosing_another_networks_event_by_id_answers_404(client, network_admin, other_event):
    client.force_login(network_admin)

    response = client.get(f"/admin/snippets/choose/calendar_app/event/chosen/{other_event.pk}/")

    assert response.status_code == 404
    assert other_event.title not in response.content.decode()


def test_the_bulk_delete_confirmation_does_not_name_another_networks_event(
    client, network_admin, other_event
):
    client.force_login(network_admin)

    response = client.get(f"/admin/bulk/calendar_app/event/delete/?id={other_event.pk}")

    assert other_event.title not in response.content.decode()
    client.post(f"/admin/bulk/calendar_app/event/delete/?id={other_event.pk}")
    assert Event.objects.filter(pk=other_event.pk).exists()


@pytest.mark.parametrize("view", ["history", "usage", "copy"])
def test_another_networks_event_is_404_in_every_object_view(client, network_admin, other_event, view):
    client.force_login(network_admin)

    response = client.get(reverse(f"wagtailsnippets_calendar_app_event:{view}", args=(other_event.pk,)))

    assert response.status_code == 404


@pytest.mark.parametrize("view", ["history", "usage"])
def test_history_and_usage_open_for_a_superuser(client, other_event, view):
    client.force_login(make_user(is_superuser=True, is_staff=True))

    response = client.get(reverse(f"wagtailsnippets_calendar_app_event:{view}", args=(other_event.pk,)))

    assert response.status_code == 200
