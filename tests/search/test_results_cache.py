"""A results page is kept until the index or the vocabulary changes, and only for the same
access keys: nobody is shown what another person's search found."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SynonymGroup
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
