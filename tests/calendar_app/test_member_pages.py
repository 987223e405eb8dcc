"""The calendar's month, agenda and wheel kept for everyone of the same standing, with each
person's own parts filled in (`typ_site.core.member_pages`): above all the private feed
address, a secret of its owner's. An event page is the person's own, kept for their session."""

import pytest
from django.test import Client
from django.urls import reverse

from calendar_app.services import create_feed_token, register
from tests.calendar_app.helpers import make_event
from tests.factories import make_member, make_network

HEADER = "X-Member-Page-Cache"


@pytest.fixture
def people(db):
    network = make_network("Satakunnan TYP", slug="satakunta")
    first, second = make_member(network), make_member(network)
    return first, second


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_private_feed_address_is_only_ever_shown_to_its_owner(people):
    without, owner = people
    token = create_feed_token(owner).token
    month = reverse("calendar_app:month")

    assert client_of(without).get(month)[HEADER] == "miss"
    served = client_of(owner).get(month)
    assert served[HEADER] == "hit"
    assert token in served.content.decode()
    again = client_of(without).get(month)
    assert again[HEADER] == "hit"
    assert token not in again.content.decode()
    assert reverse("calendar_app:feed_token_create") in again.content.decode()


def test_a_new_address_shows_at_once_on_the_kept_month(people):
    first, second = people
    month = reverse("calendar_app:month")
    client_of(first).get(month)
    client = client_of(second)
    assert client.get(month)[HEADER] == "hit"
    client.post(reverse("calendar_app:feed_token_create"))
    token = second.calendar_feed_tokens.get().token
    with_message = client.get(month)  # "created": rendered, not the kept page
    assert HEADER not in with_message and token in with_message.content.decode()
    response = client.get(month)
    assert response[HEADER] == "hit"
    assert token in response.content.decode()
    assert reverse("calendar_app:feed_token_revoke") in response.content.decode()


@pytest.mark.parametrize("name", ["calendar_app:agenda", "calendar_app:wheel"])
def test_the_agenda_and_the_wheel_are_kept_with_the_persons_own_header(people, name):
    first, second = people
    client_of(first).get(reverse(name))
    served = client_of(second).get(reverse(name))
    assert served[HEADER] == "hit"
    assert second.display_name in served.content.decode()
    assert first.display_name not in served.content.decode()


def test_visitors_still_get_the_page_cache_and_no_part_of_a_member(people):
    first, _ = people
    create_feed_token(first)
    client_of(first).get(reverse("calendar_app:month"))
    visitor = Client()
    visitor.get(reverse("calendar_app:month"))
    response = visitor.get(reverse("calendar_app:month"))
    assert response["X-Page-Cache"] == "hit" and HEADER not in response
    assert first.display_name not in response.content.decode()


# --- The event page: the person's own, kept for their session ---------------------------------


def test_an_event_page_is_kept_for_the_session_and_a_registration_is_on_the_next_view(people):
    first, second = people
    event = make_event(title="Kirjaamisen koulutus", registration_enabled=True)
    client = client_of(first)
    assert [client.get(event.get_absolute_url())[HEADER] for _ in range(2)] == ["miss", "hit"]
    assert client_of(second).get(event.get_absolute_url())[HEADER] == "miss"  # never another's

    register(first, event, event.start)

    response = client.get(event.get_absolute_url())
    assert response[HEADER] == "miss"
    assert reverse("calendar_app:cancel", args=[event.pk]) in response.content.decode()
