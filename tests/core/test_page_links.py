"""Links keep the visitor's language, also to pages that exist only in Finnish.

A page that has not been translated is served in Finnish under /sv/ and /en/ too, so a link to
it must keep the prefix: a Swedish visitor stays in the Swedish interface.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from search.models import SearchEntry
from tests.factories import make_user
from typ_site.core.languages import in_current_language
from typ_site.core.models import HomePage

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a href="([^"]*)"[^>]*>([^<]+)</a>')


@pytest.fixture(autouse=True)
def _embedded_search(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.SEARCH_INDEX_RETRY_DELAYS = (0, 0)


def add_section(parent, title: str, slug: str, intro: str = "") -> HomePage:
    section = HomePage(title=title, slug=slug, intro=intro, show_in_menus=True)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


@pytest.fixture
def finnish_only(home):
    return add_section(home, "Ohjeet", "ohjeet", "<p>Työkokeilun käytännön ohjeet.</p>")


@pytest.fixture
def translated(home, finnish_only):
    """Swedish versions of the home page and of the section (which has its own slug)."""
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    home.copy_for_translation(swedish).save_revision().publish()
    section = finnish_only.copy_for_translation(swedish)
    section.title, section.slug = "Anvisningar", "anvisningar"
    section.save_revision().publish()
    return HomePage.objects.get(pk=section.pk)


def menu_links(content: str) -> dict[str, str]:
    menu = content.split('<ul class="main-nav">', 1)[1].split("</ul>", 1)[0]
    return {label.strip(): href for href, label in LINK.findall(menu)}


def test_in_swedish_the_menu_links_a_finnish_only_page_under_the_swedish_prefix(client, finnish_only):
    content = client.get("/sv/").content.decode()

    assert menu_links(content)["Ohjeet"] == "/sv/ohjeet/"


def test_following_the_link_keeps_the_swedish_interface(client, finnish_only):
    link = menu_links(client.get("/sv/").content.decode())["Ohjeet"]

    response = client.get(link)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="sv">' in content
    assert "Hoppa till innehållet" in content
    assert "Työkokeilun käytännön ohjeet." in content


def test_a_page_with_a_swedish_translation_is_linked_in_swedish(client, translated):
    content = client.get("/sv/").content.decode()

    assert menu_links(content)["Anvisningar"] == "/sv/anvisningar/"
    assert "Ohjeet" not in menu_links(content)
    assert client.get("/sv/anvisningar/").status_code == 200


def test_in_finnish_links_carry_no_prefix(client, finnish_only):
    content = client.get("/").content.decode()

    assert menu_links(content)["Ohjeet"] == "/ohjeet/"


def test_in_english_the_links_keep_the_english_prefix(client, finnish_only):
    content = client.get("/en/").content.decode()

    assert menu_links(content)["Ohjeet"] == "/en/ohjeet/"
    response = client.get("/en/ohjeet/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_the_home_page_itself_is_linked_under_the_visitors_prefix(finnish_only):
    home = finnish_only.get_parent().specific

    with translation.override("sv"):
        assert home.url == "/sv/"
    assert home.url == "/"


def test_a_swedish_page_keeps_its_own_address_in_every_language(translated):
    with translation.override("en"):
        assert translated.url == "/sv/anvisningar/"
    assert translated.url == "/sv/anvisningar/"


def test_full_url_carries_the_prefix_too(finnish_only, settings):
    settings.SITE_URL = "https://typ.example.fi"
    with translation.override("sv"):
        assert finnish_only.full_url == "https://typ.example.fi/sv/ohjeet/"
    assert finnish_only.full_url == "https://typ.example.fi/ohjeet/"


def test_full_url_is_at_site_url_whatever_the_site_record_says(finnish_only, settings):
    """The Site record says http://localhost (Wagtail's default); e-mails link to SITE_URL."""
    settings.SITE_URL = "https://typ.example.fi:8443/"

    assert finnish_only.full_url == "https://typ.example.fi:8443/ohjeet/"


def test_a_finnish_address_is_given_in_the_visitors_language():
    with translation.override("sv"):
        assert in_current_language("/ohjeet/?sivu=2#alku") == "/sv/ohjeet/?sivu=2#alku"
    with translation.override("en"):
        assert in_current_language("/ohjeet/") == "/en/ohjeet/"
    with translation.override("fi"):
        assert in_current_language("/ohjeet/") == "/ohjeet/"


def test_an_address_of_another_languages_tree_is_left_as_it_is():
    # "/sv/anvisningar/" is a page of the Swedish tree: "/anvisningar/" need not exist.
    with translation.override("fi"):
        assert in_current_language("/sv/anvisningar/") == "/sv/anvisningar/"
    with translation.override("en"):
        assert in_current_language("/sv/anvisningar/") == "/sv/anvisningar/"


def swedish_home_queries(client) -> int:
    client.get("/sv/")  # caches warmed, as on a running site
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sv/").status_code == 200
    return len(queries)


def test_swedish_links_cost_no_queries_per_linked_page(client, home):
    for number in range(2):
        add_section(home, f"Osio {number}", f"osio-{number}")
    few = swedish_home_queries(client)
    for number in range(2, 20):
        add_section(home, f"Osio {number}", f"osio-{number}")

    assert swedish_home_queries(client) == few


# --- Search: one stored address per page, shown in the visitor's language -----------------


@pytest.fixture
def indexed(home, django_capture_on_commit_callbacks):
    # Published during a Swedish request's work: the stored address is still the page's own.
    with translation.override("sv"), django_capture_on_commit_callbacks(execute=True):
        page = add_section(home, "Ohjeet", "ohjeet", "<p>Työkokeilun käytännön ohjeet.</p>")
    return page


def test_the_search_index_stores_the_pages_own_address(indexed):
    assert SearchEntry.objects.get(key=f"page:{indexed.pk}").url == "/ohjeet/"


def test_a_search_hit_keeps_the_swedish_prefix(client, indexed):
    with translation.override("sv"):
        search_url = reverse("search:search")

    content = client.get(search_url, {"q": "työkokeilu"}).content.decode()

    hits = content.split('class="search-hit-list"', 1)[1].split("</ol>", 1)[0]
    assert {label: href for href, label in LINK.findall(hits)}["Ohjeet"] == "/sv/ohjeet/"


def test_search_as_you_type_keeps_the_swedish_prefix(client, indexed):
    with translation.override("sv"):
        suggest_url = reverse("search:suggest")

    results = client.get(suggest_url, {"q": "ohje"}).json()["results"]

    assert [result["url"] for result in results] == ["/sv/ohjeet/"]


def test_a_finnish_search_hit_carries_no_prefix(client, indexed):
    content = client.get(reverse("search:search"), {"q": "työkokeilu"}).content.decode()

    assert 'href="/ohjeet/"' in content


# --- The admin speaks the editor's language, but pages keep their own addresses ------------


@pytest.fixture
def swedish_editor(client, settings):
    settings.MFA_REQUIRED_FOR_STAFF = False  # the admin's second factor is tested elsewhere
    editor = make_user(is_superuser=True, is_staff=True, with_mfa=False)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "sv"
    profile.save()
    client.force_login(editor)
    return editor


def test_the_admin_links_a_finnish_page_live_at_its_own_address(client, swedish_editor, finnish_only):
    content = client.get(f"/admin/pages/{finnish_only.pk}/edit/").content.decode()

    assert 'lang="sv"' in content  # the admin is in Swedish
    assert 'href="/ohjeet/"' in content
    assert "/sv/ohjeet/" not in content


@pytest.mark.django_db(transaction=True)
def test_renaming_in_the_admin_redirects_from_the_pages_own_address(client, swedish_editor, finnish_only):
    # A real commit: Wagtail creates the redirects while the admin speaks Swedish.
    data = {
        "title": "Ohjeet",
        "slug": "ohjeistus",
        "intro": rich_text(finnish_only.intro),
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
        "action-publish": "action-publish",
    }
    response = client.post(f"/admin/pages/{finnish_only.pk}/edit/", data)

    assert response.status_code == 302
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/ohjeet"]
    assert client.get("/ohjeet/").status_code in (301, 302)


def test_the_menu_follows_a_renamed_moved_or_withdrawn_section_at_once(client, home, finnish_only):
    assert menu_links(client.get("/").content.decode())["Ohjeet"] == "/ohjeet/"

    finnish_only.title, finnish_only.slug = "Ohjeistus", "ohjeistus"
    finnish_only.save_revision().publish()
    links = menu_links(client.get("/").content.decode())
    assert links["Ohjeistus"] == "/ohjeistus/" and "Ohjeet" not in links

    finnish_only.unpublish()
    assert "Ohjeistus" not in menu_links(client.get("/").content.decode())


# --- The language switcher: the same page in the other language, also when the translation
# has a slug of its own, and the Finnish page where there is no translation.


def switcher(client, address: str) -> dict[str, str]:
    response = client.get(address)
    assert response.status_code == 200
    switcher = response.content.decode().split('<ul class="language-switcher">', 1)[1]
    return {label: href for href, label in LINK.findall(switcher.split("</ul>", 1)[0])}


def test_a_finnish_page_links_its_swedish_translation_by_its_own_slug(client, translated):
    links = switcher(client, "/ohjeet/")

    assert links == {"Suomi": "/ohjeet/", "Svenska": "/sv/anvisningar/", "English": "/en/ohjeet/"}


def test_a_swedish_page_links_back_to_the_finnish_one(client, translated):
    links = switcher(client, "/sv/anvisningar/")

    assert links == {"Suomi": "/ohjeet/", "Svenska": "/sv/anvisningar/", "English": "/en/ohjeet/"}


def test_every_switcher_link_of_a_translated_page_opens(client, translated):
    for address in switcher(client, "/sv/anvisningar/").values():
        assert client.get(address).status_code == 200, address


def test_a_page_without_translations_keeps_its_slugs_under_each_prefix(client, finnish_only):
    links = switcher(client, "/ohjeet/")

    assert links == {"Suomi": "/ohjeet/", "Svenska": "/sv/ohjeet/", "English": "/en/ohjeet/"}
    assert switcher(client, "/sv/ohjeet/")["Suomi"] == "/ohjeet/"


def test_the_query_string_goes_along(client, translated):
    assert switcher(client, "/ohjeet/?sivu=2")["Svenska"] == "/sv/anvisningar/?sivu=2"


def test_views_outside_the_page_tree_translate_their_address(client, home):
    assert switcher(client, "/networks/")["Svenska"] == "/sv/networks/"
