"""A results page is kept until the index or the vocabulary changes, and only for the same
access keys: nobody is shown what another person's search found."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from search.backends import get_backend
from search.models import SynonymGroup, ZeroResultSearch
from search.selectors import search_for
from tests.factories import make_member, make_network
from typ_site.core.access import MEMBERS

from .conftest import make_document

pytestmark = pytest.mark.django_db


def keys(user, query: str) -> list[str]:
    return search_for(user, query).keys


def test_the_same_search_again_is_answered_without_searching(backend):
    backend.index_documents([make_document("page:1", "Alkukartoitus", "Kartoitus tehdään yhdessä.")])
    visitor = AnonymousUser()
    first = keys(visitor, "alkukartoitus")

    with CaptureQueriesContext(connection) as queries:
        again = keys(visitor, "alkukartoitus")

    assert again == first == ["page:1"]
    assert [query["sql"] for query in queries.captured_queries if "search_" in query["sql"]] == []


def test_a_document_indexed_after_a_kept_search_is_found(backend):
    backend.index_documents([make_document("page:1", "Alkukartoitus")])
    assert keys(AnonymousUser(), "alkukartoitus") == ["page:1"]

    backend.index_documents([make_document("page:2", "Alkukartoitus verkostossa")])

    assert sorted(keys(AnonymousUser(), "alkukartoitus")) == ["page:1", "page:2"]


def test_a_deleted_document_leaves_the_kept_results(backend):
    backend.index_documents(
        [make_document("page:1", "Alkukartoitus"), make_document("page:2", "Alkukartoitus")]
    )
    assert len(keys(AnonymousUser(), "alkukartoitus")) == 2

    backend.delete_documents(["page:2"])

    assert keys(AnonymousUser(), "alkukartoitus") == ["page:1"]


def test_a_visitors_kept_results_are_not_a_members_and_the_other_way_round(backend):
    backend.index_documents(
        [
            make_document("page:1", "Alkukartoitus"),
            make_document("page:2", "Alkukartoitus jäsenille", access_key=MEMBERS),
        ]
    )
    member = make_member(make_network())

    assert keys(AnonymousUser(), "alkukartoitus") == ["page:1"]
    assert sorted(keys(member, "alkukartoitus")) == ["page:1", "page:2"]
    assert keys(AnonymousUser(), "alkukartoitus") == ["page:1"]


def test_a_new_synonym_group_changes_a_kept_search(backend):
    backend.index_documents([make_document("page:1", "Työhönvalmennus", "Valmentaja tukee.")])
    assert keys(AnonymousUser(), "jobcoaching") == []

    SynonymGroup.objects.create(expressions="jobcoaching\ntyöhönvalmennus")

    assert keys(AnonymousUser(), "jobcoaching") == ["page:1"]


# --- The rendered results section: kept with the results, for the same access and address ------


def _results_rendered(response) -> int:
    return sum(1 for template in response.templates if template.name == "search/includes/results.html")


def _search(client, query: str, prefix: str = "", **params):
    response = client.get(prefix + reverse("search:search"), {"q": query, **params})
    assert response.status_code == 200
    return response


def test_the_same_search_page_again_is_not_rendered_again(client):
    get_backend().index_documents([make_document("page:1", "Alkukartoitus", "Kartoitus tehdään yhdessä.")])
    assert _results_rendered(_search(client, "alkukartoitus")) == 1

    again = _search(client, "alkukartoitus")

    assert _results_rendered(again) == 0
    assert "Alkukartoitus" in again.content.decode()
    assert _results_rendered(_search(client, "alkukartoitus", order="date")) == 1


def test_people_with_other_access_never_share_a_rendered_page(client):
    get_backend().index_documents(
        [
            make_document("page:1", "Alkukartoitus"),
            make_document("page:2", "Alkukartoitus jäsenten kesken", access_key=MEMBERS),
        ]
    )
    member = make_member(make_network())
    for _ in range(2):
        client.logout()
        assert "jäsenten kesken" not in _search(client, "alkukartoitus").content.decode()
        client.force_login(member)
        assert "jäsenten kesken" in _search(client, "alkukartoitus").content.decode()


def test_a_kept_page_links_in_the_readers_language(client):
    get_backend().index_documents([make_document("page:1", "Alkukartoitus", url="/ohjeet/alkukartoitus/")])
    assert 'href="/ohjeet/alkukartoitus/"' in _search(client, "alkukartoitus").content.decode()

    swedish = _search(client, "alkukartoitus", prefix="/sv").content.decode()

    assert 'href="/sv/ohjeet/alkukartoitus/"' in swedish
    assert "1 resultat" in swedish


def test_a_kept_search_that_found_nothing_is_counted_each_time(client):
    get_backend().index_documents([make_document("page:1", "Alkukartoitus")])
    _search(client, "kvanttifysiikka")
    _search(client, "kvanttifysiikka")

    assert ZeroResultSearch.objects.get(query="kvanttifysiikka").count == 2
