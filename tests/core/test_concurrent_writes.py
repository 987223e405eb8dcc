import pytest
from django.db import connection

from tests.factories import make_network, make_user
from tests.helpers import errors_among, run_at_once
from typ_site.networks.models import Membership
from typ_site.networks.services import request_membership


@pytest.mark.django_db(transaction=True)
def test_simultaneous_writes_wait_for_each_other_instead_of_failing():
    network = make_network()
    people = [make_user() for _ in range(8)]

    outcomes = run_at_once(
        [lambda person=person: request_membership(person, network, "Haluan mukaan.") for person in people]
    )

    assert errors_among(outcomes) == []
    assert Membership.objects.filter(network=network).count() == len(people)


@pytest.mark.django_db(transaction=True)
def test_double_click_on_join_leaves_one_request():
    network = make_network()
    person = make_user()

    outcomes = run_at_once([lambda: request_membership(person, network)] * 2)

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Membership", "ValidationError"]
    assert Membership.objects.filter(network=network, user=person).count() == 1


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific settings")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal_mode = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        busy_timeout = cursor.fetchone()[0]

    assert journal_mode == "wal"
    assert busy_timeout >= 5000
