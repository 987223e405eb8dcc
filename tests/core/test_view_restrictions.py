"""A page's view restrictions (`BasePage.get_view_restrictions`) read in one query: the same
answer as Wagtail's own rule, for restricted ancestors and for aliases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from knowledge.models import GuidanceIndexPage, GuidancePage
from tests.knowledge.conftest import add_page
from typ_site.core.demo_content import create_home_page


def wagtails_rule(page) -> set[int]:
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True))


def ours(page) -> set[int]:
    return set(page.get_view_restrictions().values_list("pk", flat=True))


@pytest.fixture
def pages(db):
    home = create_home_page()
    open_index = add_page(home, GuidanceIndexPage(title="Avoimet", slug="avoimet"))
    closed_index = add_page(home, GuidanceIndexPage(title="Suljetut", slug="suljetut"))
    PageViewRestriction.objects.create(page=closed_index, restriction_type=PageViewRestriction.LOGIN)
    open_page = add_page(open_index, GuidancePage(title="Avoin ohje", slug="avoin", intro="Teksti."))
    closed_page = add_page(
        closed_index, GuidancePage(title="Suljettu ohje", slug="suljettu", intro="Teksti.")
    )
    own = add_page(open_index, GuidancePage(title="Oma rajaus", slug="oma", intro="Teksti."))
    PageViewRestriction.objects.create(page=own, restriction_type=PageViewRestriction.PASSWORD, password="x")
    alias_of_closed = closed_page.create_alias(parent=open_index, update_slug="alias-suljettu")
    alias_of_open = open_page.create_alias(parent=closed_index, update_slug="alias-avoin")
    alias_of_own = own.create_alias(parent=open_index, update_slug="alias-oma")
    return [
        home,
        open_index,
        closed_index,
        open_page,
        closed_page,
        own,
        alias_of_closed,
        alias_of_open,
        alias_of_own,
    ]


def test_the_restrictions_are_wagtails_for_every_kind_of_page(pages):
    answers = {page.slug: ours(page.specific) for page in pages}

    assert answers == {page.slug: wagtails_rule(page) for page in pages}
    assert answers["avoin"] == set()
    assert answers["suljettu"] == answers["suljetut"]
    # Wagtail's rule: an alias answers with its source page's own restrictions, not those of
    # the source's ancestors, and with its own ancestors'.
    assert answers["alias-suljettu"] == set()
    assert answers["alias-avoin"] == answers["suljetut"]  # under the closed index itself
    assert len(answers["alias-oma"]) == 1 and answers["alias-oma"] == answers["oma"]


def test_the_restrictions_are_one_query(pages):
    deep = pages[4].specific

    with CaptureQueriesContext(connection) as queries:
        list(deep.get_view_restrictions())

    assert len(queries) == 1
