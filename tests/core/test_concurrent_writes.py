import threading

import pytest
from django.db import close_old_connections, connection

from tests.factories import make_network, make_user
from typ_site.networks.models import Membership
from typ_site.networks.services import request_membership


@pytest.mark.django_db(transaction=True)
def test_simultaneous_writes_wait_for_each_other_instead_of_failing():
    network = make_network()
    people = [make_user() for _ in range(8)]
    start = threading.Barrier(len(people))
    errors = []

    def ask_to_join(person):
        try:
            start.wait()
            request_membership(person, network, "Haluan mukaan.")
        except Exception as error:  # noqa: BLE001  (collected and asserted below)
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=ask_to_join, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Membership.objects.filter(network=network).count() == len(people)


@pytest.mark.django_db(transaction=True)
def test_double_click_on_join_leaves_one_request():
    network = make_network()
    person = make_user()
    start = threading.Barrier(2)
    outcomes = []

    def ask_to_join():
        try:
            start.wait()
            request_membership(person, network)
            outcomes.append("saved")
        except Exception as error:  # noqa: BLE001
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask_to_join) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["ValidationError", "saved"]
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
