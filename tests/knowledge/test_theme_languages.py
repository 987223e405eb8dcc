"""A theme lists each page once: in the reader's language where it has been translated, the
Finnish original otherwise, and counts it once."""

import re

import pytest
from wagtail.models import Locale

from .conftest import make_guidance, publish


@pytest.fixture
def translated_guidance(tree):
    """A guidance page tagged "asiakasprosessi" with its published Swedish translation, and an
    untranslated one with the same tag."""
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    for page in (tree.home, tree.guidance, tree.theme_index):
        publish(page.copy_for_translation(swedish))
    original = make_guidance(tree, title="Asiakasprosessin vaiheet")
    original.tags.add(tree.themes["asiakasprosessi"])
    publish(original)
    translation = original.copy_for_translation(swedish)
    translation.title = "Kundprocessens steg"
    translation.tags.add(tree.themes["asiakasprosessi"])
    publish(translation)
    untranslated = make_guidance(tree, title="Ohjaus palveluihin")
    untranslated.tags.add(tree.themes["asiakasprosessi"])
    publish(untranslated)
    return original


def titles(response) -> list[str]:
    return [
        title
        for title in ("Asiakasprosessin vaiheet", "Kundprocessens steg", "Ohjaus palveluihin")
        if title in response.content.decode()
    ]


def test_a_finnish_theme_lists_the_finnish_version_only(translated_guidance, client):
    response = client.get("/teemat/asiakasprosessi/")

    assert response.status_code == 200
    assert titles(response) == ["Asiakasprosessin vaiheet", "Ohjaus palveluihin"]


def test_a_swedish_theme_lists_the_translation_and_the_untranslated_original(translated_guidance, client):
    response = client.get("/sv/teemat/asiakasprosessi/")

    assert response.status_code == 200
    assert titles(response) == ["Kundprocessens steg", "Ohjaus palveluihin"]


@pytest.mark.parametrize("address", ["/teemat/", "/sv/teemat/"])
def test_the_themes_page_counts_a_translated_page_once(translated_guidance, client, address):
    response = client.get(address)

    item = re.search(r'href="[^"]*/asiakasprosessi/".*?</li>', response.content.decode(), re.S)
    assert item is not None
    assert re.search(r"\b2\b", item.group(0)), item.group(0)
