"""Events in the search follow the calendar's own visibility rule."""

import pytest
from django.contrib.auth.models import AnonymousUser

from calendar_app.models import Event
from search.selectors import search_for
from tests.calendar_app.helpers import make_event
from tests.factories import make_member, make_network, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def keys(user, query):
    return search_for(user, query).keys


def test_a_public_event_is_found_by_anyone(commit):
    with commit():
        event = make_event(title="Valtakunnalliset TYP-päivät", visibility=Event.Visibility.PUBLIC)

    assert f"event:{event.pk}" in keys(AnonymousUser(), "TYP-päivät")


def test_a_network_event_is_found_only_by_that_networks_members(commit):
    network = make_network()
    with commit():
        event = make_event(
            title="Ohjausryhmän kokous",
            level=Event.Level.NETWORK,
            network=network,
            visibility=Event.Visibility.NETWORK,
        )

    assert f"event:{event.pk}" in keys(make_member(network), "ohjausryhmän kokous")
    assert f"event:{event.pk}" not in keys(make_user(), "ohjausryhmän kokous")
    assert f"event:{event.pk}" not in keys(make_member(make_network()), "ohjausryhmän kokous")


def test_making_an_event_private_takes_it_out_of_public_results(commit):
    network = make_network()
    with commit():
        event = make_event(title="Yhteiskehittämisen työpaja", visibility=Event.Visibility.PUBLIC)
    assert f"event:{event.pk}" in keys(AnonymousUser(), "työpaja")

    with commit():
        event.level = Event.Level.NETWORK
        event.network = network
        event.visibility = Event.Visibility.NETWORK
        event.save()

    assert f"event:{event.pk}" not in keys(AnonymousUser(), "työpaja")
