"""Links from knowledge pages keep the reader's language.

A page that has not been translated is served in Finnish under /sv/ too, so a Swedish reader
who follows a link stays under /sv/ in the Swedish interface. Links to a page of the Swedish
tree keep that page's own address, whatever language the reader uses.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from knowledge.models import GuidanceChangeNote, PageFollow
from tests.factories import make_user

from .conftest import make_guidance, make_interpretation, make_practice, publish

LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]+)</a>')


def links_in(content: str, start: str, end: str) -> dict[str, str]:
    """{label: address} of the links between the first `start` and the next `end`."""
    part = content.split(start, 1)[1].split(end, 1)[0]
    return {label.strip(): href for href, label in LINK.findall(part)}


def breadcrumbs(content: str) -> dict[str, str]:
    return links_in(content, 'class="container breadcrumbs"', "</nav>")


def in_swedish(path: str) -> str:
    return "/sv" + path


def url_name_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def reader(db):
    return make_user(email="lukija@example.fi")


@pytest.fixture
def guidance(tree):
    return make_guidance(tree, title="Asiakasprosessi", slug="asiakasprosessi")


@pytest.fixture
def swedish_guidance(tree):
    """The guidance section and one guidance page translated into Swedish."""
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(swedish))
    publish(tree.guidance.copy_for_translation(swedish))
    page = make_guidance(tree, title="Asiakasprosessi", slug="asiakasprosessi")
    translation_ = page.copy_for_translation(swedish)
    translation_.title, translation_.slug = "Kundprocessen", "kundprocessen"
    return publish(translation_)


# --- Breadcrumbs -------------------------------------------------------------------------------


def test_in_swedish_the_breadcrumbs_keep_the_swedish_prefix(client, guidance):
    content = client.get(in_swedish(guidance.url)).content.decode()

    assert breadcrumbs(content) == {"TYP-yhteistyöalusta": "/sv/", "Ohjeet": "/sv/ohjeet/"}


def test_in_finnish_the_breadcrumbs_carry_no_prefix(client, guidance):
    content = client.get(guidance.url).content.decode()

    assert breadcrumbs(content) == {"TYP-yhteistyöalusta": "/", "Ohjeet": "/ohjeet/"}


def test_the_swedish_breadcrumb_leads_to_the_swedish_interface(client, guidance):
    link = breadcrumbs(client.get(in_swedish(guidance.url)).content.decode())["Ohjeet"]

    response = client.get(link)

    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()


# --- Pages you follow ----------------------------------------------------------------------------


@pytest.fixture
def followed(tree, reader, guidance):
    practice = make_practice(tree.practices, title="Yhteinen alkukartoitus", slug="alkukartoitus")
    for page in (guidance, practice):
        PageFollow.objects.create(user=reader, page=page)
    return guidance, practice


def following_links(client, language: str) -> dict[str, str]:
    content = client.get(url_name_in(language, "knowledge:following")).content.decode()
    return links_in(content, 'class="card-list"', "</ul>")


def test_in_swedish_the_pages_you_follow_keep_the_swedish_prefix(client, reader, followed):
    client.force_login(reader)

    assert following_links(client, "sv") == {
        "Asiakasprosessi": "/sv/ohjeet/asiakasprosessi/",
        "Yhteinen alkukartoitus": "/sv/kaytannot/alkukartoitus/",
    }


def test_in_finnish_the_pages_you_follow_carry_no_prefix(client, reader, followed):
    client.force_login(reader)

    assert following_links(client, "fi") == {
        "Asiakasprosessi": "/ohjeet/asiakasprosessi/",
        "Yhteinen alkukartoitus": "/kaytannot/alkukartoitus/",
    }


def test_a_followed_swedish_page_keeps_its_own_address_in_the_finnish_list(client, reader, swedish_guidance):
    PageFollow.objects.create(user=reader, page=swedish_guidance)
    client.force_login(reader)

    assert following_links(client, "fi") == {"Kundprocessen": "/sv/ohjeet/kundprocessen/"}


def test_unfollowing_in_swedish_returns_to_the_swedish_page(client, reader, followed):
    guidance, _practice = followed
    client.force_login(reader)

    response = client.post(url_name_in("sv", "knowledge:unfollow", guidance.pk))

    assert response.status_code == 302
    assert response["Location"] == "/sv/ohjeet/asiakasprosessi/"


def test_following_in_swedish_returns_to_the_swedish_page(client, reader, guidance):
    client.force_login(reader)

    response = client.post(url_name_in("sv", "knowledge:follow", guidance.pk))

    assert response["Location"] == "/sv/ohjeet/asiakasprosessi/"


# --- Pages linked from a page ---------------------------------------------------------------------


def replacement_link(content: str) -> dict[str, str]:
    return links_in(content, 'class="callout callout-warning"', "</div>")


@pytest.fixture
def superseded_guidance(tree):
    newer = make_guidance(tree, title="Uusi ohje", slug="uusi-ohje")
    return make_guidance(
        tree, title="Vanha ohje", slug="vanha-ohje", status="superseded", superseded_by=newer
    )


def test_in_swedish_the_replacing_guidance_is_linked_under_the_swedish_prefix(client, superseded_guidance):
    content = client.get(in_swedish(superseded_guidance.url)).content.decode()

    assert list(replacement_link(content).values()) == ["/sv/ohjeet/uusi-ohje/"]


def test_in_finnish_the_replacing_guidance_is_linked_without_a_prefix(client, superseded_guidance):
    content = client.get(superseded_guidance.url).content.decode()

    assert list(replacement_link(content).values()) == ["/ohjeet/uusi-ohje/"]


def test_a_swedish_page_names_the_swedish_translation_of_its_replacement(client, tree, superseded_guidance):
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(swedish))
    publish(tree.guidance.copy_for_translation(swedish))
    newer = superseded_guidance.superseded_by
    swedish_newer = newer.specific.copy_for_translation(swedish)
    swedish_newer.title, swedish_newer.slug = "Ny anvisning", "ny-anvisning"
    publish(swedish_newer)
    older = publish(superseded_guidance.copy_for_translation(swedish))  # keeps the Finnish choice

    content = client.get(older.url).content.decode()

    assert replacement_link(content) == {"Läs i stället ”Ny anvisning”.": "/sv/ohjeet/ny-anvisning/"}


def test_a_swedish_page_names_its_replacement_in_finnish_until_it_is_translated(
    client, tree, superseded_guidance
):
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(swedish))
    publish(tree.guidance.copy_for_translation(swedish))
    older = publish(superseded_guidance.copy_for_translation(swedish))

    content = client.get(older.url).content.decode()

    assert list(replacement_link(content)) == ["Läs i stället ”Uusi ohje”."]


def test_in_swedish_the_replacing_interpretation_is_linked_under_the_swedish_prefix(client, tree):
    newer = make_interpretation(tree, slug="uusi-tulkinta")
    older = make_interpretation(tree, slug="vanha-tulkinta", status="superseded", superseded_by=newer)

    content = client.get(in_swedish(older.url)).content.decode()

    assert list(replacement_link(content).values()) == ["/sv/tulkinnat/uusi-tulkinta/"]


@pytest.fixture
def practice_linking_guidance(tree, guidance):
    solution = f'<p>Katso <a linktype="page" id="{guidance.pk}">asiakasprosessin ohje</a>.</p>'
    return make_practice(tree.practices, slug="linkki", solution=solution)


def test_in_swedish_a_page_linked_in_a_practice_keeps_the_swedish_prefix(client, practice_linking_guidance):
    content = client.get(in_swedish(practice_linking_guidance.url)).content.decode()

    assert 'href="/sv/ohjeet/asiakasprosessi/">asiakasprosessin ohje</a>' in content


def test_in_finnish_a_page_linked_in_a_practice_carries_no_prefix(client, practice_linking_guidance):
    content = client.get(practice_linking_guidance.url).content.decode()

    assert 'href="/ohjeet/asiakasprosessi/">asiakasprosessin ohje</a>' in content


# --- Tags ---------------------------------------------------------------------------------------


def test_in_swedish_the_tags_of_a_page_link_the_swedish_tag_page(client, tree, guidance):
    guidance.tags.add(tree.themes["asiakasprosessi"])
    publish(guidance)

    content = client.get(in_swedish(guidance.url)).content.decode()

    assert 'href="/sv/teemat/asiakasprosessi/"' in content


# --- E-mail about a new version: in the language the reader chose ------------------------------


@pytest.mark.parametrize(
    ("language", "address"),
    [
        ("sv", "/sv/ohjeet/asiakasprosessi/"),
        ("fi", "/ohjeet/asiakasprosessi/"),
    ],
)
def test_the_change_e_mail_links_the_page_in_the_readers_language(
    guidance, django_capture_on_commit_callbacks, language, address
):
    reader = make_user(email=f"lukija.{language}@example.fi", preferred_language=language)
    PageFollow.objects.create(user=reader, page=guidance)

    guidance.change_notes.add(
        GuidanceChangeNote(date=datetime.date(2025, 6, 1), note="Lisätty etätapaamisten ohje.")
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(guidance)

    [message] = mail.outbox
    assert f"{settings.SITE_URL.rstrip('/')}{address}\n" in message.body
