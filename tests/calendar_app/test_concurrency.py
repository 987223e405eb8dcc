"""Registrations arriving at the same moment never exceed the capacity.

Real threads, each with its own database connection, against the file-based SQLite test
database (WAL, IMMEDIATE transactions) or PostgreSQL.
"""

import pytest
from django.core.exceptions import ValidationError

from calendar_app.models import Registration
from calendar_app.services import register
from tests.factories import make_user
from tests.helpers import run_at_once

from .helpers import registration_event

PEOPLE = 8
CAPACITY = 3


def _register_all_at_once(event, people) -> list[str]:
    """Each person's outcome: the registration's status, or the refusal's code."""

    def attempt(person):
        try:
            return register(person, event, event.start).status
        except ValidationError as error:
            return error.code

    return run_at_once([lambda person=person: attempt(person) for person in people])


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
