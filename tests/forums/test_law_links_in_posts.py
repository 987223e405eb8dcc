"""A law section cited in a forum post ("TYM-lain 3 §") links to the section, as everywhere else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums import services
from knowledge.models import LawSection

from .conftest import start_topic

pytestmark = pytest.mark.django_db


def test_a_cited_section_links_to_its_page(client, national_forum, member):
    topic = start_topic(national_forum, member, title="Pykälä", body="Katso TYM-lain 3 §, siinä se lukee.")
    services.reply(member, topic, body="Ja `TYM-lain 3 §` koodina ei ole linkki.")
    section = LawSection.objects.select_related("statute").get(statute__number="381/2023", number="3")
    client.force_login(member)

    html = client.get(reverse("forums:topic", args=[topic.pk])).content.decode()

    link = f'<a class="law-link" href="{section.get_absolute_url()}"'
    assert html.count(link) == 1
    assert f"{link} title=" in html


def test_a_page_without_section_mentions_reads_no_sections(client, national_forum, member, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering, not the page kept for the session
    topic = start_topic(national_forum, member, title="Ei pykäliä", body="Tavallinen viesti.")
    client.force_login(member)
    client.get(reverse("forums:topic", args=[topic.pk]))

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("forums:topic", args=[topic.pk]))

    assert not any("knowledge_lawsection" in query["sql"] for query in queries.captured_queries)
