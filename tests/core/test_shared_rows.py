"""The rows every Wagtail page reads, kept in the shared cache: a change shows on the next request."""

import pytest
from django.test import Client
from wagtail.models import Locale, PageViewRestriction, Site

from knowledge.models import GuidanceIndexPage
from tests.knowledge.conftest import add_page
from typ_site.core.demo_content import create_home_page


@pytest.fixture
def home(db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    return create_home_page()


def test_a_renamed_home_page_shows_on_the_next_request(home):
    client = Client()
    client.get("/")
    home.title = "Uusi nimi etusivulle"
    home.save_revision().publish()
    assert "Uusi nimi etusivulle" in client.get("/").content.decode()


def test_a_site_given_another_home_page_shows_on_the_next_request(home):
    client = Client()
    other = add_page(home, GuidanceIndexPage(title="Toinen juuri", slug="toinen"))
    assert "Toinen juuri" not in client.get("/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()
    assert "Toinen juuri" in client.get("/").content.decode()


def test_a_new_swedish_translation_shows_on_the_next_request(home):
    client = Client()
    client.get("/sv/")
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    translation = home.copy_for_translation(swedish)
    translation.title = "Svensk startsida"
    translation.save_revision().publish()
    assert "Svensk startsida" in client.get("/sv/").content.decode()


def test_a_new_view_restriction_hides_the_page_on_the_next_request(home):
    guidance = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    visitor = Client()
    assert visitor.get("/ohjeet/").status_code == 200
    PageViewRestriction.objects.create(page=guidance, restriction_type=PageViewRestriction.LOGIN)
    assert visitor.get("/ohjeet/").status_code == 302
