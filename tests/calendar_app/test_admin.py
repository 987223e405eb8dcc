"""Events in the Wagtail admin: KEHA manages everything, a network admin only their own."""

import pytest
from django.urls import reverse

from calendar_app.models import Event
from tests.factories import make_keha_staff, make_network, make_network_admin, make_user

from .helpers import helsinki, make_event

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_calendar_app_event:list"
ADD_URL = "wagtailsnippets_calendar_app_event:add"
EDIT_URL = "wagtailsnippets_calendar_app_event:edit"
DELETE_URL = "wagtailsnippets_calendar_app_event:delete"


@pytest.fixture
def own_network():
    return make_network(name="Oma verkosto", slug="oma")


@pytest.fixture
def other_network():
    return make_network(name="Vieras verkosto", slug="vieras")


@pytest.fixture
def network_admin(own_network):
    return make_network_admin(own_network)


@pytest.fixture
def own_event(own_network):
    return make_event(
        title="Oman verkoston kokous",
        network=own_network,
        level=Event.Level.NETWORK,
        visibility=Event.Visibility.NETWORK,
    )


@pytest.fixture
def other_event(other_network):
    return make_event(
        title="Vieraan verkoston kokous",
        network=other_network,
        level=Event.Level.NETWORK,
        visibility=Event.Visibility.NETWORK,
    )


@pytest.fixture
def keha_event():
    return make_event(title="KEHAn koulutus")


def form_data(**overrides) -> dict:
    data = {
        "title": "Uusi työpaja",
        "description": "Kuvaus",
        "start": "2026-09-01 09:00",
        "end": "2026-09-01 12:00",
        "location_address": "Pori",
        "online_url": "",
        "network": "",
        "level": "national",
        "event_type": "workshop",
        "themes": ["asiakasprosessi"],
        "visibility": "public",
        "recurrence_rule": "",
        "capacity": "",
        "registration_deadline": "",
        "waiting_list_enabled": "on",
    }
    for prefix in ("exceptions", "links"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


def test_network_admin_lists_only_their_own_networks_events(
    client, network_admin, own_event, other_event, keha_event
):
    client.force_login(network_admin)

    page = client.get(reverse(LIST_URL)).content.decode()

    assert "Oman verkoston kokous" in page
    assert "Vieraan verkoston kokous" not in page
    assert "KEHAn koulutus" not in page


def test_network_admin_edits_their_own_networks_event(client, network_admin, own_event):
    client.force_login(network_admin)

    assert client.get(reverse(EDIT_URL, args=[own_event.pk])).status_code == 200


@pytest.mark.parametrize("url_name", [EDIT_URL, DELETE_URL])
def test_network_admin_cannot_open_another_networks_event(client, network_admin, other_event, url_name):
    client.force_login(network_admin)

    assert client.get(reverse(url_name, args=[other_event.pk])).status_code == 404


def test_network_admin_cannot_delete_another_networks_event(client, network_admin, other_event):
    client.force_login(network_admin)

    client.post(reverse(DELETE_URL, args=[other_event.pk]))

    assert Event.objects.filter(pk=other_event.pk).exists()


def test_network_admin_cannot_edit_a_keha_event(client, network_admin, keha_event):
    client.force_login(network_admin)

    response = client.post(reverse(EDIT_URL, args=[keha_event.pk]), form_data(title="Muutettu"))

    assert response.status_code == 404
    keha_event.refresh_from_db()
    assert keha_event.title == "KEHAn koulutus"


def test_network_admin_creates_an_event_for_their_network(client, network_admin, own_network):
    client.force_login(network_admin)

    response = client.post(
        reverse(ADD_URL), form_data(network=str(own_network.pk), level="network", visibility="network")
    )

    assert response.status_code == 302
    event = Event.objects.get(title="Uusi työpaja")
    assert event.network == own_network
    assert event.created_by == network_admin
    assert [tag.slug for tag in event.themes.all()] == ["asiakasprosessi"]


@pytest.mark.parametrize("network", ["other", "none"])
def test_network_admin_cannot_create_events_for_others(client, network_admin, other_network, network):
    client.force_login(network_admin)

    response = client.post(
        reverse(ADD_URL), form_data(network=str(other_network.pk) if network == "other" else "")
    )

    assert response.status_code == 200
    assert not Event.objects.filter(title="Uusi työpaja").exists()


def test_keha_editor_sees_and_edits_every_event(client, own_event, other_event, keha_event):
    editor = make_keha_staff("Editors")
    client.force_login(editor)

    page = client.get(reverse(LIST_URL)).content.decode()

    for title in ("Oman verkoston kokous", "Vieraan verkoston kokous", "KEHAn koulutus"):
        assert title in page
    assert client.get(reverse(EDIT_URL, args=[other_event.pk])).status_code == 200


def test_keha_editor_creates_a_recurring_keha_event(client):
    client.force_login(make_keha_staff("Editors"))

    response = client.post(
        reverse(ADD_URL), form_data(recurrence_rule="FREQ=MONTHLY;BYDAY=1TU;COUNT=6", capacity="40")
    )

    assert response.status_code == 302
    event = Event.objects.get(title="Uusi työpaja")
    assert event.network is None and event.is_recurring
    assert event.start == helsinki(2026, 9, 1, 9)


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"end": "2026-09-01 08:00"}, "end"),
        ({"capacity": "-5"}, "capacity"),
        ({"recurrence_rule": "joka maanantai"}, "recurrence_rule"),
        ({"visibility": "network"}, "network"),
        ({"registration_deadline": "2026-09-02 09:00"}, "registration_deadline"),
        ({"description": "Asiakas 131052-308T tulee mukaan"}, "description"),
    ],
)
def test_bad_input_in_the_admin_is_refused_and_nothing_saved(client, overrides, field):
    client.force_login(make_keha_staff("Editors"))

    response = client.post(reverse(ADD_URL), form_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()


def test_ordinary_members_cannot_open_the_event_admin(client):
    client.force_login(make_user())

    response = client.get(reverse(LIST_URL))

    assert response.status_code in (302, 403)


def test_edit_form_offers_the_five_themes_with_the_events_own_checked(client):
    event = make_event(title="Työpaja", themes=["asiakasprosessi"])
    client.force_login(make_keha_staff("Editors"))

    form = client.get(reverse(EDIT_URL, args=[event.pk])).context["form"]

    assert [choice for choice, _label in form.fields["themes"].choices] == [
        "tym-laki",
        "vaikuttavuus",
        "viestinta",
        "perehdytys",
        "asiakasprosessi",
    ]
    assert form.initial["themes"] == ["asiakasprosessi"]
