"""The pages a path tells you to read are linked in the reader's language.

A page that has not been translated is served in Finnish under /sv/ too, so a Swedish reader
stays under /sv/ in the Swedish interface when opening what a step links to.
"""

import re

import pytest
from wagtail.models import Locale

from .conftest import make_path, publish

LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]+)</a>')


def reading_links(client, url: str) -> list[str]:
    content = client.get(url).content.decode()
    links = []
    for part in content.split('<ul class="induction-reading">')[1:]:
        links += [href for href, _label in LINK.findall(part.split("</ul>", 1)[0])]
    return links


def test_in_swedish_the_pages_to_read_keep_the_swedish_prefix(tree, signed_in_client):
    path = make_path(tree, step_count=1, reading=tree.guidance[:2])

    assert reading_links(signed_in_client, "/sv" + path.url) == [
        "/sv/ohjeet/ohje-1/",
        "/sv/ohjeet/ohje-2/",
    ]


def test_in_finnish_the_pages_to_read_carry_no_prefix(tree, signed_in_client):
    path = make_path(tree, step_count=1, reading=tree.guidance[:2])

    assert reading_links(signed_in_client, path.url) == ["/ohjeet/ohje-1/", "/ohjeet/ohje-2/"]


# --- Titles in the reader's language -----------------------------------------------------------


def reading_items(client, url: str) -> list[tuple[str, str, str]]:
    """(address, lang attribute, title) of each page a step links to."""
    content = client.get(url).content.decode()
    items = []
    for part in content.split('<ul class="induction-reading">')[1:]:
        items += READING_ITEM.findall(part.split("</ul>", 1)[0])
    return items


READING_ITEM = re.compile(r'<a href="([^"]*)"(?: lang="([^"]*)")?>([^<]+)</a>')


def translate(page, locale, title: str, slug: str):
    translation_ = page.copy_for_translation(locale)
    translation_.title, translation_.slug = title, slug
    return publish(translation_)


@pytest.fixture
def swedish(tree):
    """The home page, the guidance section, its first two pages and the induction index in
    Swedish; the third guidance page has not been translated."""
    locale = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(locale))
    translate(tree.guidance_index, locale, "Anvisningar", "anvisningar")
    translate(tree.guidance[0], locale, "Anvisning 1", "anvisning-1")
    translate(tree.guidance[1], locale, "Anvisning 2", "anvisning-2")
    publish(tree.index.copy_for_translation(locale))
    return locale


def test_a_swedish_path_shows_the_swedish_titles_of_the_pages_to_read(tree, signed_in_client, swedish):
    path = make_path(tree, step_count=1, reading=tree.guidance)
    swedish_path = translate(path, swedish, "Stig", path.slug)

    assert reading_items(signed_in_client, swedish_path.url) == [
        ("/sv/anvisningar/anvisning-1/", "", "Anvisning 1"),
        ("/sv/anvisningar/anvisning-2/", "", "Anvisning 2"),
        ("/sv/ohjeet/ohje-3/", "fi", "Ohje 3"),  # not translated: the Finnish page, marked so
    ]


def test_a_finnish_path_under_sv_links_the_swedish_pages_where_they_exist(tree, signed_in_client, swedish):
    path = make_path(tree, step_count=1, reading=tree.guidance[1:])

    assert reading_items(signed_in_client, "/sv" + path.url) == [
        ("/sv/anvisningar/anvisning-2/", "sv", "Anvisning 2"),  # in the Finnish text around it
        ("/sv/ohjeet/ohje-3/", "", "Ohje 3"),
    ]


def test_the_finnish_path_keeps_the_finnish_titles(tree, signed_in_client, swedish):
    path = make_path(tree, step_count=1, reading=tree.guidance[:1])

    assert reading_items(signed_in_client, path.url) == [("/ohjeet/ohje-1/", "", "Ohje 1")]


def test_a_translation_the_reader_may_not_see_is_not_shown(tree, signed_in_client, swedish):
    path = make_path(tree, step_count=1, reading=tree.guidance[:1])
    swedish_path = translate(path, swedish, "Stig", path.slug)
    tree.guidance[0].get_translation(swedish).unpublish()

    assert reading_items(signed_in_client, swedish_path.url) == [("/sv/ohjeet/ohje-1/", "fi", "Ohje 1")]
