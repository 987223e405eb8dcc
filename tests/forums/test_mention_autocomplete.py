"""The mention autocomplete offers only people who may read the forum, to people who may."""

import pytest
from django.urls import reverse

from forums.mentions import MAX_SUGGESTIONS
from tests.factories import make_member, make_user

pytestmark = pytest.mark.django_db


def names(client, forum, text):
    response = client.get(reverse("forums:mention_candidates", args=[forum.slug]), {"q": text})
    assert response.status_code == 200
    return [row["name"] for row in response.json()["results"]]


def test_a_network_forum_offers_its_members_only(client, network_forum, member, second_member, outsider):
    make_user(first_name="Oona", last_name="Ulkopuolinen")
    client.force_login(member)

    assert names(client, network_forum, "Oo") == ["Oona Ohjaaja"]
    assert names(client, network_forum, "Kalle") == []  # a member of another network


def test_a_national_forum_offers_every_member(client, national_forum, member, outsider):
    client.force_login(member)

    assert names(client, national_forum, "kalle kel") == ["Kalle Kelalainen"]
    response = client.get(reverse("forums:mention_candidates", args=[national_forum.slug]), {"q": "Kal"})
    assert response.json()["results"][0]["mention"] == "@[Kalle Kelalainen]"


def test_someone_who_cannot_read_the_forum_gets_no_answer(client, network_forum, outsider):
    client.force_login(outsider)

    response = client.get(reverse("forums:mention_candidates", args=[network_forum.slug]), {"q": "Sa"})

    assert response.status_code == 404


def test_the_answer_is_short_and_costs_a_bounded_number_of_queries(
    client, national_forum, home_network, member, django_assert_max_num_queries
):
    for number in range(MAX_SUGGESTIONS + 6):
        make_member(home_network, first_name="Mikko", last_name=f"Meikäläinen{number}")
    client.force_login(member)

    with django_assert_max_num_queries(12 + 2 * MAX_SUGGESTIONS):
        found = names(client, national_forum, "Mikko")

    assert len(found) == MAX_SUGGESTIONS


def test_the_forms_load_the_autocomplete(client, network_topic, member):
    client.force_login(member)

    page = client.get(reverse("forums:topic", args=[network_topic.pk])).content.decode()

    assert f'data-mention-url="{reverse("forums:mention_candidates", args=["satakunta"])}"' in page
    assert "forums/mentions" in page
