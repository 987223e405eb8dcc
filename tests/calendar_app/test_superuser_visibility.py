"""Superusers and KEHA staff see a network's own events exactly as they see its forums.

The forums' rule (forums.selectors): a superuser sees every forum; KEHA staff see a network's
private forum only as members of that network. The calendar follows it everywhere it decides
visibility: pages, iCalendar files and feeds, registration and the home page box.
"""

from datetime import UTC

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from calendar_app.home import next_events_section
from calendar_app.models import Event, Registration
from calendar_app.permissions import is_event_visible_to
from calendar_app.selectors import (
    registrations_of,
    upcoming_occurrences_for,
    visible_events_for,
)
from calendar_app.services import create_feed_token, register
from forums.models import Forum
from forums.selectors import visible_forums_for
from tests.factories import (
    make_keha_staff,
    make_member,
    make_membership,
    make_network,
    make_user,
)
from typ_site.core.demo_content import create_home_page

from .helpers import make_event

pytestmark = pytest.mark.django_db

TITLE = "Pohjanmaan verkoston sisäinen suunnittelupäivä"


@pytest.fixture
def network():
    return make_network(name="Pohjanmaan testiverkosto", slug="pohjanmaa-testi")


@pytest.fixture
def network_event(network):
    return make_event(
        title=TITLE,
        network=network,
        level=Event.Level.NETWORK,
        event_type=Event.Type.STEERING_GROUP,
        visibility=Event.Visibility.NETWORK,
        registration_enabled=True,
    )


@pytest.fixture
def superuser():
    return make_user(is_superuser=True, is_staff=True)


@pytest.fixture
def keha():
    return make_keha_staff("Editors")


def pages_of(event):
    start = event.start
    return [
        reverse("calendar_app:month_of", args=[start.year, start.month]),
        reverse("calendar_app:agenda") + f"?from={start.date().isoformat()}",
        reverse("calendar_app:wheel_of", args=[start.year]),
    ]


# --- the rule, side by side with the forums' -----------------------------------------------


def test_calendar_and_forums_give_superusers_and_keha_staff_the_same_answer(
    network, network_event, superuser, keha
):
    forum = Forum.objects.create(
        name="Pohjanmaan oma foorumi", slug="pohjanmaa-oma", kind=Forum.Kind.NETWORK, network=network
    )
    keha_member = make_keha_staff()
    make_member(network)  # someone else belongs; it changes nothing for the others
    make_membership(keha_member, network)

    for person, sees in ((superuser, True), (keha, False), (keha_member, True)):
        assert (forum in visible_forums_for(person)) is sees
        assert (network_event in visible_events_for(person)) is sees
        assert is_event_visible_to(person, network_event) is sees


def test_a_removed_superuser_no_longer_sees_network_events(network_event):
    person = make_user(is_superuser=True, is_staff=True)
    get_user_model().objects.filter(pk=person.pk).update(is_removed=True)
    person.refresh_from_db()

    assert network_event not in visible_events_for(person)
    assert not is_event_visible_to(person, network_event)


# --- superusers see the network's events everywhere ------------------------------------------


def test_superuser_opens_the_event_page_and_its_ics(client, network_event, superuser):
    client.force_login(superuser)

    page = client.get(reverse("calendar_app:event", args=[network_event.pk]))
    ics = client.get(reverse("calendar_app:event_ics", args=[network_event.pk]))

    assert page.status_code == 200 and TITLE in page.content.decode()
    assert ics.status_code == 200 and TITLE in ics.content.decode()


def test_superuser_sees_the_event_in_month_agenda_and_wheel(client, network_event, superuser):
    client.force_login(superuser)

    for page in pages_of(network_event):
        assert TITLE in client.get(page).content.decode(), page


def test_superusers_private_feed_includes_the_event(client, network_event, superuser):
    token = create_feed_token(superuser)

    feed = client.get(reverse("calendar_app:feed_private", args=[token.token]))

    assert TITLE in feed.content.decode()


def test_superusers_token_opens_any_networks_feed(client, network, network_event, superuser):
    token = create_feed_token(superuser)

    feed = client.get(reverse("calendar_app:feed_network", args=[token.token, network.slug]))

    assert feed.status_code == 200
    assert TITLE in feed.content.decode()


def test_superuser_can_register(client, network_event, superuser):
    client.force_login(superuser)
    occurrence = network_event.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    response = client.post(
        reverse("calendar_app:register", args=[network_event.pk]), {"occurrence": occurrence}
    )

    assert response.status_code == 302
    assert Registration.objects.filter(event=network_event, user=superuser).exists()
    assert [r.event for r in registrations_of(superuser)] == [network_event]


def test_superusers_home_box_shows_the_event(rf, network_event, superuser):
    request = rf.get("/")
    request.user = superuser

    section = next_events_section(request)

    assert [o.event for o in section.context["occurrences"]] == [network_event]


def test_superusers_home_page_shows_the_event(client, network_event, superuser):

    create_home_page()
    client.force_login(superuser)

    assert TITLE in client.get("/").content.decode()


# --- KEHA staff outside the network do not ------------------------------------------------


def test_keha_staff_get_404_for_the_event_page_and_ics(client, network_event, keha):
    client.force_login(keha)

    assert client.get(reverse("calendar_app:event", args=[network_event.pk])).status_code == 404
    assert client.get(reverse("calendar_app:event_ics", args=[network_event.pk])).status_code == 404


def test_keha_staff_do_not_see_the_event_in_month_agenda_and_wheel(client, network_event, keha):
    client.force_login(keha)

    for page in pages_of(network_event):
        assert TITLE not in client.get(page).content.decode(), page


def test_keha_staffs_feeds_leave_the_event_out(client, network, network_event, keha):
    token = create_feed_token(keha)

    private = client.get(reverse("calendar_app:feed_private", args=[token.token]))
    network_feed = client.get(reverse("calendar_app:feed_network", args=[token.token, network.slug]))

    assert TITLE not in private.content.decode()
    assert network_feed.status_code == 404


def test_keha_staff_cannot_register(client, network_event, keha):
    client.force_login(keha)

    response = client.post(
        reverse("calendar_app:register", args=[network_event.pk]),
        {"occurrence": network_event.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")},
    )

    assert response.status_code == 404
    with pytest.raises(ValidationError):
        register(keha, network_event, network_event.start)
    assert not Registration.objects.filter(event=network_event).exists()


def test_keha_staffs_home_box_leaves_the_event_out(network_event, keha):
    assert upcoming_occurrences_for(keha, limit=3) == []


def test_keha_staff_who_belong_to_the_network_see_it(client, network, network_event):
    person = make_keha_staff()
    make_membership(person, network)
    client.force_login(person)

    assert client.get(reverse("calendar_app:event", args=[network_event.pk])).status_code == 200
    assert [o.event for o in upcoming_occurrences_for(person, limit=3)] == [network_event]
