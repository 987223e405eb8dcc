from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from calendar_app.demo import load_calendar_demo
from calendar_app.models import Event, EventException, Registration
from calendar_app.selectors import occurrences_for
from tests.helpers import load_demo_steps
from typ_site.core.demo import demo_steps

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo_steps("core", "calendar")


def test_calendar_demo_step_is_registered_after_the_core_step():
    orders = {step.name: step.order for step in demo_steps()}

    assert orders["calendar"] == 40


def test_demo_can_be_loaded_again_without_duplicates(demo):
    counts = (Event.objects.count(), EventException.objects.count(), Registration.objects.count())

    load_calendar_demo()

    assert (Event.objects.count(), EventException.objects.count(), Registration.objects.count()) == counts


def test_demo_has_a_year_of_every_kind_of_event(demo):
    kinds = set(Event.objects.values_list("event_type", flat=True))

    assert kinds == {choice for choice, _label in Event.Type.choices}
    assert Event.objects.filter(event_type="coworking", visibility="network").count() == 4


def test_demo_events_lie_around_today(demo):

    now = timezone.now()
    coming = occurrences_for(AnonymousUser(), now, now + timedelta(days=300))

    assert len({occurrence.event.pk for occurrence in coming}) >= 5
