"""The networks' adoption statuses in the site search: found by exactly those who may open the
network's statuses, kept current when a status, its network or its decision page changes, in
the embedded backend and in Elasticsearch (against the recording stand-in)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from knowledge.models import DocumentStatus
from search.backends import SearchRequest
from search.backends.elastic import ElasticsearchBackend
from search.indexing import documents_for
from search.selectors import search_for
from tests.operating_model.test_adoption import VALID_CODE, _set
from tests.operating_model.test_search_and_admin import AGREEMENT_FINDERS
from tests.search.elastic_recorder import RecordingServer
from typ_site.core.access import search_access_keys_for
from typ_site.operating_model.adoption_models import AdoptionState, AdoptionStatus, AdoptionStatusChange
from typ_site.operating_model.adoption_permissions import adoption_access_key, can_view_adoption
from typ_site.operating_model.adoption_selectors import BASELINE_KEY

pytestmark = pytest.mark.django_db

# The agreement's rule (`can_view_agreement`) is the statuses' rule.
FINDERS = {**AGREEMENT_FINDERS, "anonymous": False}
REASON = "Kuopiomallin mukainen alkukartoitus ryhmässä"


def _person(people, who):
    return AnonymousUser() if who == "anonymous" else people[who]


def _post_deviation(client, people, decisions, capture, reason=REASON):
    with capture(execute=True):
        return _set(
            client,
            people,
            str(decisions["guidance"].pk),
            state=AdoptionState.DEVIATION,
            deviation_reason=reason,
        )


def _deviation(client, people, decisions, capture):
    assert _post_deviation(client, people, decisions, capture).status_code == 302
    return AdoptionStatus.objects.get(page=decisions["guidance"])


def _found(person, query, status) -> bool:
    return f"adoption:{status.pk}" in search_for(person, query).keys


@pytest.mark.parametrize("who", sorted(FINDERS))
def test_a_status_is_found_by_those_who_may_open_the_networks_statuses(
    client, people, decisions, who, django_capture_on_commit_callbacks
):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    person = _person(people, who)

    for query in ("Alkukartoituksen ohje", "Kuopiomallin", "käytössä poikkeamin"):
        assert _found(person, query, status) is FINDERS[who], query
    assert FINDERS[who] is can_view_adoption(person, people["network"])
    assert (adoption_access_key(people["network"]) in search_access_keys_for(person)) is FINDERS[who]


def test_the_document_says_the_decision_the_network_and_the_status(
    client, people, decisions, django_capture_on_commit_callbacks
):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    hit = next(
        hit for hit in search_for(people["member"], "Kuopiomallin").hits if hit.key == f"adoption:{status.pk}"
    )
    assert hit.title == "Alkukartoituksen ohje – Satakunnan TYP: Käytössä poikkeamin"
    assert hit.url == f"/operating-model/satakunta/adoption/{decisions['guidance'].pk}/"
    assert hit.kind == "adoption"


def test_the_baseline_decision_is_searchable_too(
    client, people, decisions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _set(client, people, BASELINE_KEY, state=AdoptionState.HANDLED, handled_on="2025-02-10")
    status = AdoptionStatus.objects.get(page__isnull=True)
    assert _found(people["keha"], "vastuunjaon kansallinen", status)
    assert _found(people["member"], "johtoryhmä", status)
    assert not _found(people["other_member"], "johtoryhmä", status)


def test_a_new_status_replaces_the_old_one_and_the_history_is_kept(
    client, people, decisions, django_capture_on_commit_callbacks
):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        _set(client, people, str(decisions["guidance"].pk), state=AdoptionState.IN_USE)

    assert not _found(people["member"], "Kuopiomallin", status)
    assert not _found(people["member"], "poikkeamin", status)
    assert _found(people["member"], "Alkukartoituksen ohje", status)
    assert AdoptionStatusChange.objects.filter(page=decisions["guidance"]).count() == 2


def test_an_unpublished_or_no_longer_valid_decision_leaves_the_search(
    client, people, decisions, django_capture_on_commit_callbacks
):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    page = decisions["guidance"]

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not _found(people["member"], "Kuopiomallin", status)

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert _found(people["member"], "Kuopiomallin", status)

    page.refresh_from_db()
    page.status = DocumentStatus.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not _found(people["member"], "Kuopiomallin", status)


def test_a_deleted_decision_takes_its_statuses_out_of_the_search(
    client, people, decisions, django_capture_on_commit_callbacks
):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        decisions["guidance"].delete()
    assert not AdoptionStatus.objects.exists()
    assert not _found(people["superuser"], "Kuopiomallin", status)


def test_a_decision_restricted_beyond_signing_in_is_kept_out(
    client, people, decisions, django_capture_on_commit_callbacks
):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    index = decisions["guidance_index"]

    with django_capture_on_commit_callbacks(execute=True):
        login = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    assert _found(people["member"], "Kuopiomallin", status)

    with django_capture_on_commit_callbacks(execute=True):
        login.delete()
        PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
        )
    assert not _found(people["superuser"], "Kuopiomallin", status)


def test_a_closed_network_leaves_the_search(client, people, decisions, django_capture_on_commit_callbacks):
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    network = people["network"]
    network.is_active = False
    with django_capture_on_commit_callbacks(execute=True):
        network.save()
    assert not _found(people["superuser"], "Kuopiomallin", status)


def test_an_identity_code_never_reaches_the_index(
    client, people, decisions, django_capture_on_commit_callbacks
):
    reason = f"Asiakas {VALID_CODE} ohjattiin toisin"
    response = _post_deviation(client, people, decisions, django_capture_on_commit_callbacks, reason)
    assert response.status_code == 200  # the form says why
    assert not AdoptionStatus.objects.exists()
    assert search_for(people["superuser"], "ohjattiin").keys == []


# --- Elasticsearch (the recording stand-in: the same documents, the same access filter) ------


@pytest.fixture
def elastic(settings):
    with RecordingServer() as running:
        settings.ELASTICSEARCH_URL = running.url
        yield ElasticsearchBackend()


@pytest.mark.parametrize("who", sorted(FINDERS))
def test_elasticsearch_holds_the_status_under_the_same_key(
    client, people, decisions, who, django_capture_on_commit_callbacks, settings, elastic
):
    settings.ELASTICSEARCH_URL = ""  # the status is saved with the embedded backend
    status = _deviation(client, people, decisions, django_capture_on_commit_callbacks)
    to_index, to_delete = documents_for([f"adoption:{status.pk}"])
    assert not to_delete and to_index[0].access_key == adoption_access_key(people["network"])
    elastic.index_documents(to_index)

    keys = search_access_keys_for(_person(people, who))
    for query in ("Kuopiomallin", "käytössä poikkeamin"):
        found = f"adoption:{status.pk}" in elastic.search(SearchRequest(query, keys)).keys
        assert found is FINDERS[who], query
