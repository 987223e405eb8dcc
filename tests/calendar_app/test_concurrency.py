"""Registrations arriving at the same moment never exceed the capacity.

Real threads, each with its own database connection, against the file-based SQLite test
database (WAL, IMMEDIATE transactions) or PostgreSQL.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from calendar_app.models import Registration
from calendar_app.services import register
from tests.factories import make_user

from .helpers import registration_event

PEOPLE = 8
CAPACITY = 3


def _register_all_at_once(event, people) -> list:
    barrier = threading.Barrier(len(people))
    outcomes = []
    lock = threading.Lock()

    def attempt(person):
        try:
            barrier.wait()
            try:
                registration = register(person, event, event.start)
                outcome = registration.status
            except ValidationError as error:
                outcome = error.code
            with lock:
                outcomes.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook():
    event = registration_event(capacity=CAPACITY, waiting_list_enabled=False)
    people = [make_user() for _ in range(PEOPLE)]

    outcomes = _register_all_at_once(event, people)

    assert outcomes.count("confirmed") == CAPACITY
    assert outcomes.count("full") == PEOPLE - CAPACITY
    assert Registration.objects.filter(event=event).count() == CAPACITY


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_fill_places_then_the_waiting_list():
    event = registration_event(capacity=CAPACITY, waiting_list_enabled=True)
    people = [make_user() for _ in range(PEOPLE)]

    _register_all_at_once(event, people)

    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count("confirmed") == CAPACITY
    assert statuses.count("waiting") == PEOPLE - CAPACITY


@pytest.mark.django_db(transaction=True)
def test_the_same_person_twice_at_once_gets_one_registration():
    event = registration_event(capacity=10)
    person = make_user()

    outcomes = _register_all_at_once(event, [person] * 4)

    assert outcomes.count("confirmed") == 1
    assert outcomes.count("twice") == 3
    assert Registration.objects.filter(event=event, user=person).count() == 1
