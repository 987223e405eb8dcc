"""A voting round page kept for the member's session (`typ_site.core.member_pages`): their
ballot is theirs alone, so the page is never served to anyone else, and a ballot given, by
anyone, is on the next view."""

from django.test import Client
from django.urls import reverse

from tests.factories import make_user

from .conftest import add_ballot, options_of

HEADER = "X-Member-Page-Cache"


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_a_round_is_kept_for_the_session_and_the_ballot_is_on_the_next_view(member, open_round):
    url = reverse("participation:round", args=[open_round.pk])
    client = signed_in(member)
    assert [client.get(url)[HEADER] for _ in range(2)] == ["miss", "hit"]
    assert signed_in(make_user(role="expert", organisation_type="te")).get(url)[HEADER] == "miss"

    first = options_of(open_round)[0]
    assert client.post(url, {f"pick_{first.pk}": "on"}).status_code == 302
    client.get(url)  # shows the message "Your ballot was saved"

    response = client.get(url)
    assert response[HEADER] == "miss"
    assert reverse("participation:round", args=[open_round.pk]) in response.content.decode()
    assert "checked" in response.content.decode()


def test_another_members_ballot_retires_the_kept_round(member, open_round):
    url = reverse("participation:round", args=[open_round.pk])
    client = signed_in(member)
    client.get(url)
    assert client.get(url)[HEADER] == "hit"

    add_ballot(open_round, points={options_of(open_round)[0]: 1})

    assert client.get(url)[HEADER] == "miss"
