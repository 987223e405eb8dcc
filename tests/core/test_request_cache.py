"""Answers kept for one request: read once, read afresh after `forget_per_request`."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import make_membership, make_network, make_user
from typ_site.core.request_cache import forget_per_request, per_request
from typ_site.networks.selectors import member_network_ids


def test_an_answer_is_computed_once_per_owner_and_key():
    calls = []
    request = RequestFactory().get("/")

    def compute():
        calls.append(1)
        return len(calls)

    assert per_request(request, "count", compute) == 1
    assert per_request(request, "count", compute) == 1
    assert per_request(request, "other", compute) == 2
    assert per_request(RequestFactory().get("/"), "count", compute) == 3


def test_forgetting_drops_every_answer_of_the_owner():
    user = AnonymousUser()
    per_request(user, "a", lambda: "old")
    per_request(user, "b", lambda: "old")

    forget_per_request(user)

    assert per_request(user, "a", lambda: "new") == "new"
    assert per_request(user, "b", lambda: "new") == "new"


@pytest.mark.django_db
def test_memberships_are_read_once_and_afresh_after_forgetting():
    user = make_user()
    network = make_network()
    member_network_ids(user)

    make_membership(user, network)
    with CaptureQueriesContext(connection) as queries:
        before = member_network_ids(user)
    forget_per_request(user)
    after = member_network_ids(user)

    assert len(queries) == 0
    assert before == frozenset()
    assert after == {network.pk}
