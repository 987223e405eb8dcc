"""A signed-in member's view of each page type: at most ten SQL queries, or exactly the count
listed in OVER_TEN (which must only shrink). The site-wide sweep (tests/security/
test_query_counts.py) opens the home page among Wagtail's pages; this opens one of each
type, with what makes them read more: tags, law sections, change notes, a network.

Measured with both caches: Django's local memory cache (a read costs no query, as with Redis
through `CACHE_URL`) and the database cache (the embedded default: the request's reads of the
shared cache are made together, `typ_site.core.cache_reads`, and cost one query)."""

import datetime

import pytest

from knowledge.models import GuidanceChangeNote
from tests.factories import make_member
from tests.helpers import queries_for

from .conftest import make_guidance, make_interpretation, make_network_page, make_practice, section

LIMIT = 10
# page type: today's count, exactly (the test fails when it grows and when it falls). Empty:
# a page costs the signed-in frame (session, person, standing: 3), routing below the home
# page (the page, of its index's one type, with the reader's follow state and whether it has
# translations: 1, `BasePage.route`; the breadcrumbs and, without translations, the language
# links read no more), then its own parts: the adoption status by network, the criteria
# evidence, tags, law sections, change notes, a listing's counts and prefetches.
OVER_TEN: dict[str, int] = {}


@pytest.fixture
def pages(tree, network):
    guidance = make_guidance(tree, intro="TYM-lain 11 § ohjaa tietojen luovutusta.")
    guidance.tags.add(tree.themes["asiakasprosessi"])
    guidance.related_sections.set([section("11")])
    guidance.save()
    GuidanceChangeNote.objects.create(page=guidance, date=datetime.date(2026, 1, 1), note="Päivitetty.")
    return {
        "guidance page": guidance.url,
        "guidance index": tree.guidance.url,
        "interpretation page": make_interpretation(tree).url,
        "interpretation index": tree.interpretations.url,
        "practice page": make_practice(tree.practices, networks=[network]).url,
        "practice index": tree.practices.url,
        "network page": make_network_page(tree, network).url,
        "network index": tree.networks.url,
    }


@pytest.fixture(params=["local memory cache", "database cache"])
def shared_cache(request):
    """Both caches the site runs with out of the box: the tests' local memory (like Redis, a
    read costs no query) and the embedded default, the database cache, where the request's
    reads of it cost one query (`typ_site.core.cache_reads`)."""
    if request.param == "database cache":
        request.getfixturevalue("database_cache")
    return request.param


def test_a_members_page_of_each_type_stays_within_ten_queries(client, pages, network, shared_cache):
    client.force_login(make_member(network))
    counts = {name: queries_for(client, url) for name, url in pages.items()}
    print("\n".join(f"{count:3d} {name}" for name, count in counts.items()))
    problems = [
        f"{name}: {count} queries (at most {OVER_TEN.get(name, LIMIT)})"
        for name, count in counts.items()
        if count > OVER_TEN.get(name, LIMIT)
    ]
    problems += [
        f"{name}: {counts[name]} queries, OVER_TEN says {listed}: lower it (or drop it at ten)"
        for name, listed in OVER_TEN.items()
        if counts.get(name, listed) < listed
    ]
    assert not problems, "\n".join(problems)


def test_the_breadcrumbs_of_a_routed_page_cost_no_query(client, tree, pages, django_assert_num_queries):
    """The ancestors routing read are the breadcrumbs: the same as the tree's, in order."""
    response = client.get(pages["practice page"])
    page = response.context["page"]
    expected = [ancestor.pk for ancestor in page.get_ancestors() if ancestor.depth > 1]

    with django_assert_num_queries(0):
        routed = [ancestor.pk for ancestor in page.breadcrumb_ancestors()]

    assert routed == expected == [tree.home.pk, tree.practices.pk]
    assert f'<a href="{tree.practices.url}">' in response.content.decode()


def test_a_page_not_reached_by_routing_reads_its_breadcrumbs(tree, pages):
    page = type(tree.guidance).objects.get(pk=tree.guidance.pk).get_children().first().specific
    assert [ancestor.pk for ancestor in page.breadcrumb_ancestors()] == [tree.home.pk, tree.guidance.pk]
