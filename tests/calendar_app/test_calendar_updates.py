"""Registration e-mails carry RFC 5546 messages that keep the person's calendar entry right."""

from datetime import timedelta

import pytest
from django.utils import timezone

from calendar_app.ical import message_sequence
from calendar_app.models import Event, EventException, Registration
from calendar_app.services import cancel_registration, register
from calendar_app.tasks import send_calendar_update
from tests.factories import make_member, make_network, make_user
from typ_site.networks.models import Membership

from .helpers import attached, registration_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly():
    return registration_event(
        title="Viikkopalaveri", capacity=5, waiting_list_enabled=True, recurrence_rule="FREQ=WEEKLY;COUNT=4"
    )


def test_a_waiting_list_place_is_tentative_and_a_confirmed_place_confirmed(
    django_capture_on_commit_callbacks, mailoutbox
):
    event = registration_event(capacity=1, waiting_list_enabled=True)
    with django_capture_on_commit_callbacks(execute=True):
        register(make_user(), event, event.start)
        register(make_user(), event, event.start)

    (_c, confirmed), (_w, waiting) = attached(mailoutbox[0]), attached(mailoutbox[1])

    assert (str(confirmed["STATUS"]), str(waiting["STATUS"])) == ("CONFIRMED", "TENTATIVE")
    assert waiting["ATTENDEE"].params["PARTSTAT"] == "TENTATIVE"


def test_cancelling_a_registration_sends_a_cancel_with_the_same_uid_and_a_higher_sequence(
    django_capture_on_commit_callbacks, mailoutbox
):
    event = registration_event(title="Kirjaamisen koulutus", capacity=10)
    person = make_user(email="osallistuja@example.fi")
    with django_capture_on_commit_callbacks(execute=True):
        register(person, event, event.start)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(person, event, event.start)

    assert len(mailoutbox) == 2
    first_calendar, first = attached(mailoutbox[0])
    calendar, cancel = attached(mailoutbox[1])
    assert (str(first_calendar["METHOD"]), str(calendar["METHOD"])) == ("REQUEST", "CANCEL")
    assert cancel["UID"] == first["UID"]
    assert cancel.decoded("SEQUENCE") >= first.decoded("SEQUENCE")
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert str(cancel["ATTENDEE"]) == "mailto:osallistuja@example.fi"
    assert "ORGANIZER" in cancel
    assert mailoutbox[1].to == ["osallistuja@example.fi"]


def test_a_later_message_always_outranks_an_earlier_one():
    now = timezone.now()

    assert message_sequence(now + timedelta(seconds=1)) > message_sequence(now)


def test_cancelling_an_occurrence_tells_everyone_registered_to_it(
    weekly, django_capture_on_commit_callbacks, mailoutbox
):
    first, second = make_user(), make_user()
    later = weekly.start + timedelta(days=7)
    register(first, weekly, weekly.start)
    register(second, weekly, weekly.start)
    register(make_user(), weekly, later)  # another occurrence: not told
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        EventException.objects.create(event=weekly, original_start=weekly.start)

    assert sorted(message.to[0] for message in mailoutbox) == sorted([first.email, second.email])
    calendar, component = attached(mailoutbox[0])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(component["UID"]).startswith(f"calendar-event-{weekly.pk}@")
    assert component.decoded("RECURRENCE-ID") == weekly.start
    assert component.decoded("SEQUENCE") > 0


def test_moving_an_occurrence_sends_the_new_time_and_saving_it_unchanged_sends_nothing(
    weekly, django_capture_on_commit_callbacks, mailoutbox
):
    person = make_user()
    register(person, weekly, weekly.start)
    mailoutbox.clear()
    new_start = weekly.start + timedelta(hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        exception = EventException.objects.create(
            event=weekly,
            original_start=weekly.start,
            kind=EventException.Kind.MOVED,
            new_start=new_start,
            new_end=new_start + timedelta(hours=1),
        )
    with django_capture_on_commit_callbacks(execute=True):
        exception.save()

    assert len(mailoutbox) == 1
    calendar, component = attached(mailoutbox[0])
    assert str(calendar["METHOD"]) == "REQUEST"
    assert component.decoded("DTSTART") == new_start
    assert component.decoded("RECURRENCE-ID") == weekly.start
    assert str(component["STATUS"]) == "CONFIRMED"


def test_an_update_is_not_delivered_to_someone_who_may_no_longer_see_the_event(mailoutbox):
    network = make_network()
    event = registration_event(
        capacity=5, network=network, level=Event.Level.NETWORK, visibility=Event.Visibility.NETWORK
    )
    member = make_member(network)
    register(member, event, event.start)
    Membership.objects.filter(user=member, network=network).update(status=Membership.Status.DECLINED)
    mailoutbox.clear()

    start = event.start.isoformat()
    delivered = send_calendar_update.call(member.pk, event.pk, start, "occurrence_cancelled")

    assert delivered is False
    assert mailoutbox == []
    assert Registration.objects.filter(user=member).exists()
