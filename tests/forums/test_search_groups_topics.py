"""A search whose words are in a topic's title lists the discussion once, not each reply:
every post carries its topic's title."""

import pytest
from django.urls import reverse

from forums import services

from .conftest import start_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _embedded_search(settings):
    settings.ELASTICSEARCH_URL = ""


def test_replies_of_a_matching_topic_are_one_result(
    client, national_forum, member, second_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        topic = start_topic(
            national_forum, member, title="Kuntouttavan työtoiminnan paikat", body="Kenellä on tilaa?"
        )
        for number in range(4):
            services.reply(second_member, topic, body=f"Meillä on {number} vapaata.")
        other = start_topic(national_forum, member, title="Toinen kysymys", body="Kuntouttava työtoiminta?")
    client.force_login(member)

    response = client.get(reverse("search:search"), {"q": "kuntouttava työtoiminta"})

    items = response.context["hits"]
    titles = [item["hit"].title for item in items]
    assert titles.count("Kuntouttavan työtoiminnan paikat") == 1
    assert "Toinen kysymys" in titles
    grouped = next(item for item in items if item["hit"].title == topic.title)
    assert len(grouped["more"]) == 4
    page = response.content.decode()
    assert "4 muuta osumaa tässä keskustelussa" in page or "4 more matching posts" in page
    assert other.pk
