"""The rows every Wagtail page reads, kept in the shared cache: a change shows on the next request."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction, Site

from knowledge.models import GuidanceIndexPage
from tests.knowledge.conftest import add_page
from typ_site.core import shared_rows
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


def test_a_new_guidance_index_is_linked_on_the_next_request(home):
    visitor = Client()
    assert 'href="/ohjeet/"' not in visitor.get("/").content.decode()
    add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    assert 'href="/ohjeet/"' in visitor.get("/").content.decode()


def test_a_guidance_index_restricted_to_members_is_no_longer_linked_for_a_visitor(home):
    guidance = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    visitor = Client()
    assert 'href="/ohjeet/"' in visitor.get("/").content.decode()
    PageViewRestriction.objects.create(page=guidance, restriction_type=PageViewRestriction.LOGIN)
    assert 'href="/ohjeet/"' not in visitor.get("/").content.decode()


def test_a_change_made_during_a_request_is_read_again_in_that_request(home):
    """What a request read from the shared rows is read again after a change of its own."""
    owner = SimpleNamespace()
    assert shared_rows.view_restrictions(owner) == []
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    assert [restriction.page_id for restriction in shared_rows.view_restrictions(owner)] == [home.pk]


def test_a_page_without_restrictions_is_checked_without_a_query(home, django_assert_num_queries):
    guidance = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    other = add_page(home, GuidanceIndexPage(title="Muut", slug="muut"))
    PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
    guidance.known_view_restrictions = shared_rows.view_restrictions(SimpleNamespace())
    with django_assert_num_queries(0):
        assert list(guidance.get_view_restrictions()) == []
    other.known_view_restrictions = guidance.known_view_restrictions
    assert [restriction.page_id for restriction in other.get_view_restrictions()] == [other.pk]


def test_a_section_of_the_home_page_is_routed_without_a_query(home):
    add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    visitor = Client()
    visitor.get("/ohjeet/")

    with CaptureQueriesContext(connection) as queries:
        assert visitor.get("/ohjeet/").status_code == 200

    assert not [query for query in queries.captured_queries if '"slug" = ' in query["sql"]]


def test_a_renamed_or_unpublished_section_is_routed_anew_on_the_next_request(home):
    guidance = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    visitor = Client()
    assert visitor.get("/ohjeet/").status_code == 200

    guidance.slug = "ohjeistus"
    guidance.save_revision().publish()
    assert visitor.get("/ohjeet/").status_code == 404
    assert visitor.get("/ohjeistus/").status_code == 200

    guidance.unpublish()
    assert visitor.get("/ohjeistus/").status_code == 404
