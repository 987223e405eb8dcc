"""Content translation: editors translate the national sections into Swedish, a network's admins
only their own network's pages, and a page not translated yet says so in the visitor's language."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.factories import make_keha_staff, make_network, make_network_admin

from .conftest import make_guidance, make_network_page, publish


@pytest.fixture
def swedish(tree):
    """The Swedish locale, with the home page and the guidance and network sections translated."""
    locale = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(locale))
    publish(tree.guidance.copy_for_translation(locale))
    publish(tree.networks.copy_for_translation(locale))
    return locale


def translate(client, page, locale):
    return client.post(
        reverse("simple_translation:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
    )


def translations_of(page, locale):
    return Page.objects.filter(translation_key=page.translation_key, locale=locale)


def test_swedish_and_english_content_locales_are_configured(settings):
    assert settings.WAGTAIL_I18N_ENABLED
    assert {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} == {"fi", "sv", "en"}


def test_an_editor_translates_national_guidance_into_swedish(tree, swedish, client):
    editor = make_keha_staff("Editors", email="toimittaja@keha.example")
    guidance = make_guidance(tree, title="Asiakasprosessi")
    client.force_login(editor)

    response = translate(client, guidance, swedish)

    assert response.status_code == 302
    copy = translations_of(guidance, swedish).get()
    assert copy.get_parent().specific.locale == swedish
    assert copy.specific.permissions_for_user(editor).can_edit()


def test_a_network_admin_translates_their_own_network_page(tree, swedish, network, client):
    admin = make_network_admin(network)
    page = make_network_page(tree, network)
    client.force_login(admin)

    response = translate(client, page, swedish)

    assert response.status_code == 302
    copy = translations_of(page, swedish).get()
    assert copy.specific.permissions_for_user(admin).can_edit()


def test_a_network_admin_cannot_translate_another_networks_page(tree, swedish, network, client):
    other = make_network_page(tree, make_network())
    client.force_login(make_network_admin(network))

    response = translate(client, other, swedish)

    assert response.status_code in (302, 403, 404)
    assert not translations_of(other, swedish).exists()


def test_a_network_admin_cannot_translate_national_guidance(tree, swedish, network, client):
    guidance = make_guidance(tree)
    client.force_login(make_network_admin(network))

    translate(client, guidance, swedish)

    assert not translations_of(guidance, swedish).exists()


def test_a_page_not_yet_translated_says_so_in_swedish_and_keeps_its_finnish_lang(tree, swedish, client):
    guidance = make_guidance(tree, title="Asiakasprosessi", slug="asiakasprosessi")

    content = client.get("/sv/ohjeet/asiakasprosessi/").content.decode()

    assert "Den här sidan har inte översatts till ditt språk ännu, så den visas på finska." in content
    assert '<h1 lang="fi">Asiakasprosessi</h1>' in content
    assert guidance.title in content


def test_a_translated_page_and_a_finnish_page_in_finnish_carry_no_notice(tree, swedish, client):
    guidance = make_guidance(tree, title="Asiakasprosessi", slug="asiakasprosessi")
    copy = guidance.copy_for_translation(swedish)
    copy.title, copy.slug = "Kundprocessen", "kundprocessen"
    publish(copy)

    for address in ("/ohjeet/asiakasprosessi/", "/sv/ohjeet/kundprocessen/"):
        content = client.get(address).content.decode()
        assert "translation-notice" not in content, address


def test_every_content_language_has_a_locale(tree):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"fi", "sv", "en"}


def test_a_network_admin_cannot_copy_another_networks_page(tree, network, client):
    other = make_network_page(tree, make_network())
    client.force_login(make_network_admin(network))
    pages_before = Page.objects.count()

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[other.pk]),
        {"new_title": "Kopio", "new_slug": "kopio", "new_parent_page": tree.networks.pk},
    )

    assert response.status_code in (302, 403, 404)
    assert Page.objects.count() == pages_before


def _switcher(client, address: str) -> dict[str, str]:
    response = client.get(address)
    assert response.status_code == 200
    switcher = response.content.decode().split('<ul class="language-switcher">', 1)[1].split("</ul>", 1)[0]
    return dict(re.findall(r'<a href="([^"]*)" lang="([a-z]+)"', switcher))


def test_a_guidance_pages_language_links_follow_its_translation(tree, swedish, client):
    """A page below a section links its own translation, or its Finnish version under each
    prefix; routing tells which without asking (`has_other_versions`)."""
    alone = make_guidance(tree, title="Vain suomeksi", slug="vain-suomeksi")
    translated = make_guidance(tree, title="Käännetty", slug="kaannetty")
    copy = translated.copy_for_translation(swedish)
    copy.title, copy.slug = "Översatt", "oversatt"
    publish(copy)

    assert _switcher(client, alone.url) == {
        "/ohjeet/vain-suomeksi/": "fi",
        "/sv/ohjeet/vain-suomeksi/": "sv",
        "/en/ohjeet/vain-suomeksi/": "en",
    }
    links = _switcher(client, translated.url)
    assert links["/ohjeet/kaannetty/"] == "fi"
    assert [address for address, language in links.items() if language == "sv"] == ["/sv/ohjeet/oversatt/"]
