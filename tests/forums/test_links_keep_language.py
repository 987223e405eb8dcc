"""Links from the forums to site pages keep the reader's language.

A page that has not been translated is served in Finnish under /sv/ too, so a Swedish reader
who opens a topic's related page stays under /sv/ in the Swedish interface. A page of the
Swedish tree keeps its own address, whatever language the reader uses.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from forums.participation.services import ensure_story_poll
from knowledge.models import CaseStoryIndexPage, CaseStoryPage, GuidanceIndexPage, GuidancePage

from .conftest import start_topic

LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]+)</a>')


def add_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def guidance_index(home):
    return add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))


@pytest.fixture
def guidance(guidance_index):
    return add_page(guidance_index, GuidancePage(title="Asiakasprosessi", slug="asiakasprosessi"))


@pytest.fixture
def swedish_guidance(home, guidance_index, guidance):
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    for page in (home, guidance_index):
        page.copy_for_translation(swedish).save_revision().publish()
    page = guidance.copy_for_translation(swedish)
    page.title, page.slug = "Kundprocessen", "kundprocessen"
    page.save_revision().publish()
    return page


def related_links(client, topic, language: str) -> dict[str, str]:
    with translation.override(language):
        url = reverse("forums:topic", args=[topic.pk])
    content = client.get(url).content.decode()
    part = content.split('<h2 class="forum-small-heading">', 1)[1].split("</ul>", 1)[0]
    return {label.strip(): href for href, label in LINK.findall(part)}


def test_in_swedish_a_topics_related_page_keeps_the_swedish_prefix(client, national_forum, member, guidance):
    topic = start_topic(national_forum, member, related_pages=[guidance])
    client.force_login(member)

    assert related_links(client, topic, "sv") == {"Asiakasprosessi": "/sv/ohjeet/asiakasprosessi/"}


def test_in_finnish_a_topics_related_page_carries_no_prefix(client, national_forum, member, guidance):
    topic = start_topic(national_forum, member, related_pages=[guidance])
    client.force_login(member)

    assert related_links(client, topic, "fi") == {"Asiakasprosessi": "/ohjeet/asiakasprosessi/"}


def test_a_related_swedish_page_keeps_its_own_address_in_finnish(
    client, national_forum, member, swedish_guidance
):
    topic = start_topic(national_forum, member, related_pages=[swedish_guidance])
    client.force_login(member)

    assert related_links(client, topic, "fi") == {"Kundprocessen": "/sv/ohjeet/kundprocessen/"}


def test_the_related_link_leads_to_the_swedish_interface(client, national_forum, member, guidance):
    topic = start_topic(national_forum, member, related_pages=[guidance])
    client.force_login(member)
    link = related_links(client, topic, "sv")["Asiakasprosessi"]

    response = client.get(link)

    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()


def test_a_story_polls_address_is_its_page_in_the_readers_language(home):
    index = add_page(home, CaseStoryIndexPage(title="Asiakastarinat", slug="tarinat"))
    story = add_page(
        index,
        CaseStoryPage(title="Irina", slug="irina", persona_name="Irina", age=34, situation="<p>Tilanne.</p>"),
    )
    poll = ensure_story_poll(story)

    with translation.override("sv"):
        assert poll.get_absolute_url() == "/sv/tarinat/irina/"
    assert poll.get_absolute_url() == "/tarinat/irina/"
