"""An event or a whole series moved, its place changed or the event deleted: the registered people's
calendars follow (RFC 5546: METHOD:REQUEST with a higher SEQUENCE, METHOD:CANCEL, same UID),
whether the organiser works in the Wagtail admin or the event is saved elsewhere."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Event, EventException, Registration
from calendar_app.recurrence import HELSINKI, expand, occurrence_at
from calendar_app.services import cancel_registration, register
from tests.factories import make_keha_staff, make_user

from .helpers import attached, helsinki, registration_event
from .test_admin import DELETE_URL, EDIT_URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return registration_event(
        title="Kirjaamisen koulutus", capacity=1, waiting_list_enabled=True, location_address="Pori"
    )


@pytest.fixture
def registered(event, django_capture_on_commit_callbacks, mailoutbox, monkeypatch):
    """A confirmed and a waiting-list registrant, registered an hour ago; their first
    messages are kept."""
    confirmed, waiting = make_user(email="paikka@example.fi"), make_user(email="jono@example.fi")
    an_hour_ago = timezone.now() - timedelta(hours=1)
    with monkeypatch.context() as patch, django_capture_on_commit_callbacks(execute=True):
        patch.setattr(timezone, "now", lambda: an_hour_ago)
        register(confirmed, event, event.start)
        register(waiting, event, event.start)
    first = {message.to[0]: attached(message)[1] for message in mailoutbox}
    mailoutbox.clear()
    return confirmed, waiting, first


def _by_recipient(mailoutbox) -> dict:
    return {message.to[0]: attached(message) for message in mailoutbox}


def test_moving_a_single_event_updates_everyones_entry(
    event, registered, django_capture_on_commit_callbacks, mailoutbox
):
    confirmed, waiting, first = registered
    new_start = event.start + timedelta(days=2, hours=1)

    with django_capture_on_commit_callbacks(execute=True):
        event.start, event.end = new_start, new_start + timedelta(hours=2)
        event.save()

    sent = _by_recipient(mailoutbox)
    assert set(sent) == {confirmed.email, waiting.email}
    for email, (calendar, component) in sent.items():
        assert str(calendar["METHOD"]) == "REQUEST"
        assert component["UID"] == first[email]["UID"]
        assert component.decoded("SEQUENCE") > first[email].decoded("SEQUENCE")
        assert component.decoded("DTSTART") == new_start.astimezone(HELSINKI)
        assert "RECURRENCE-ID" not in component
    assert str(sent[confirmed.email][1]["STATUS"]) == "CONFIRMED"
    assert str(sent[waiting.email][1]["STATUS"]) == "TENTATIVE"
    assert "Changed" in mailoutbox[0].subject or "Muuttunut" in mailoutbox[0].subject


def test_the_registrations_follow_the_moved_event(event, registered, client):
    confirmed, _waiting, _first = registered
    new_start = event.start + timedelta(days=1)
    event.start, event.end = new_start, new_start + timedelta(hours=1)
    event.save()

    assert set(Registration.objects.values_list("occurrence_start", flat=True)) == {new_start}
    client.force_login(confirmed)
    response = client.get(reverse("calendar_app:event", args=[event.pk]))
    assert response.context["rows"][0]["mine"].user == confirmed
    cancel_registration(confirmed, event, new_start)  # the registration can still be cancelled
    assert Registration.objects.get().status == Registration.Status.CONFIRMED  # the waiting one


def test_changing_the_place_updates_the_entry(
    event, registered, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        event.location_address = "Rauma, kaupungintalo"
        event.save()

    assert len(mailoutbox) == 2
    calendar, component = attached(mailoutbox[0])
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(component["LOCATION"]) == "Rauma, kaupungintalo"


def test_saving_unchanged_or_changing_only_the_text_tells_nobody(
    event, registered, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
        event.title = "Kirjaamisen koulutus (korjattu)"
        event.description = "Uusi kuvaus"
        event.save()

    assert mailoutbox == []


def test_moving_a_past_event_within_the_past_tells_nobody(django_capture_on_commit_callbacks, mailoutbox):
    start = timezone.now() - timedelta(days=10)
    event = registration_event(start=start)
    Registration.objects.create(
        event=event, occurrence_start=event.start, user=make_user(), status="confirmed"
    )

    with django_capture_on_commit_callbacks(execute=True):
        event.start = event.start - timedelta(days=1)
        event.save()

    assert mailoutbox == []
    assert Registration.objects.get().occurrence_start == event.start  # still listed for it


def test_deleting_the_event_cancels_everyones_entry(
    event, registered, django_capture_on_commit_callbacks, mailoutbox
):
    confirmed, waiting, first = registered
    gone = make_user(email="peruttu@example.fi")
    register(gone, event, event.start)
    cancel_registration(gone, event, event.start)
    mailoutbox.clear()
    uid = str(first[confirmed.email]["UID"])

    with django_capture_on_commit_callbacks(execute=True):
        event.delete()

    sent = _by_recipient(mailoutbox)
    assert set(sent) == {confirmed.email, waiting.email}
    assert gone.email not in sent
    for email, (calendar, component) in sent.items():
        assert str(calendar["METHOD"]) == "CANCEL"
        assert str(component["UID"]) == uid
        assert str(component["STATUS"]) == "CANCELLED"
        assert component.decoded("SEQUENCE") > first[email].decoded("SEQUENCE")
        assert str(component["ATTENDEE"]) == f"mailto:{email}"
    assert "Kirjaamisen koulutus" in mailoutbox[0].subject


def test_a_deletion_that_is_rolled_back_sends_nothing(
    event, registered, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        event.delete()
        transaction.set_rollback(True)

    assert mailoutbox == []


def test_deleting_a_past_event_tells_nobody(django_capture_on_commit_callbacks, mailoutbox):
    event = registration_event(start=timezone.now() - timedelta(days=10))
    Registration.objects.create(
        event=event, occurrence_start=event.start, user=make_user(), status="confirmed"
    )

    with django_capture_on_commit_callbacks(execute=True):
        event.delete()

    assert mailoutbox == []


def _admin_data(event, **overrides) -> dict:
    def local(value):
        return value.astimezone(HELSINKI).strftime("%Y-%m-%d %H:%M")

    data = form_data(title=event.title, location_address=event.location_address)
    data.update(
        start=local(event.start),
        end=local(event.end),
        registration_enabled="on",
        capacity=str(event.capacity),
        themes=[],
    )
    data.update(overrides)
    return data


def test_moving_the_event_in_the_wagtail_admin_updates_the_entries(
    client, registered, django_capture_on_commit_callbacks, mailoutbox
):
    event = Event.objects.get()
    client.force_login(make_keha_staff("Editors"))
    new_start = helsinki(2030, 3, 4, 10)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(EDIT_URL, args=[event.pk]),
            _admin_data(event, start="2030-03-04 10:00", end="2030-03-04 12:00"),
        )

    assert response.status_code == 302
    sent = _by_recipient(mailoutbox)
    assert len(sent) == 2
    assert all(str(calendar["METHOD"]) == "REQUEST" for calendar, _component in sent.values())
    assert all(component.decoded("DTSTART") == new_start for _calendar, component in sent.values())


def test_deleting_the_event_in_the_wagtail_admin_cancels_the_entries(
    client, registered, django_capture_on_commit_callbacks, mailoutbox
):
    event = Event.objects.get()
    client.force_login(make_keha_staff("Editors"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(DELETE_URL, args=[event.pk]))

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert not Event.objects.exists()
    sent = _by_recipient(mailoutbox)
    assert len(sent) == 2
    assert all(str(calendar["METHOD"]) == "CANCEL" for calendar, _component in sent.values())


# --- a whole series changed --------------------------------------------------------------


@pytest.fixture
def series_registered(django_capture_on_commit_callbacks, mailoutbox, monkeypatch):
    """A weekly series of four; one person registered to its second and fourth occurrence
    (an hour ago), another to its third."""
    series = registration_event(
        title="Viikkopalaveri", capacity=5, recurrence_rule="FREQ=WEEKLY;COUNT=4", location_address="Pori"
    )
    second, third, fourth = (series.start + timedelta(weeks=weeks) for weeks in (1, 2, 3))
    person, other = make_user(email="sarja@example.fi"), make_user(email="toinen@example.fi")
    an_hour_ago = timezone.now() - timedelta(hours=1)
    with monkeypatch.context() as patch, django_capture_on_commit_callbacks(execute=True):
        patch.setattr(timezone, "now", lambda: an_hour_ago)
        register(person, series, second)
        register(other, series, third)
        register(person, series, fourth)
    first = {
        (message.to[0], attached(message)[1].decoded("RECURRENCE-ID")): attached(message)[1]
        for message in mailoutbox
    }
    mailoutbox.clear()
    return series, person, other, first


def _local_start(component):
    return component.decoded("DTSTART").astimezone(HELSINKI)


def test_moving_a_whole_series_updates_every_coming_occurrence(
    series_registered, django_capture_on_commit_callbacks, mailoutbox
):
    series, person, other, first = series_registered
    old_second = series.start + timedelta(weeks=1)

    with django_capture_on_commit_callbacks(execute=True):
        series.start, series.end = series.start + timedelta(hours=2), series.end + timedelta(hours=2)
        series.save()

    assert len(mailoutbox) == 3
    by_occurrence = {}
    for message in mailoutbox:
        calendar, component = attached(message)
        assert str(calendar["METHOD"]) == "REQUEST"
        by_occurrence[(message.to[0], _local_start(component))] = component
    new_second = (old_second + timedelta(hours=2)).astimezone(HELSINKI)
    component = by_occurrence[(person.email, new_second)]
    earlier = first[(person.email, old_second.astimezone(HELSINKI))]
    assert component["UID"] == earlier["UID"]
    assert component.decoded("SEQUENCE") > earlier.decoded("SEQUENCE")
    assert component.decoded("DTSTART") == new_second
    # the entry the person's calendar holds is the one updated: its RECURRENCE-ID stays
    assert component.decoded("RECURRENCE-ID") == old_second.astimezone(HELSINKI)
    assert str(component["STATUS"]) == "CONFIRMED"
    assert "Changed" in mailoutbox[0].subject or "Muuttunut" in mailoutbox[0].subject
    # the registrations follow their occurrences
    assert Registration.objects.filter(user=person, occurrence_start=new_second).exists()
    assert Registration.objects.filter(user=person).count() == 2


def test_changing_the_place_of_a_series_updates_the_registered(
    series_registered, django_capture_on_commit_callbacks, mailoutbox
):
    series, _person, _other, _first = series_registered
    with django_capture_on_commit_callbacks(execute=True):
        series.location_address = "Rauma, kaupungintalo"
        series.save()

    assert len(mailoutbox) == 3
    for message in mailoutbox:
        calendar, component = attached(message)
        assert str(calendar["METHOD"]) == "REQUEST"
        assert str(component["LOCATION"]) == "Rauma, kaupungintalo"
        assert "RECURRENCE-ID" in component


def test_an_occurrence_dropped_from_the_series_is_cancelled(
    series_registered, django_capture_on_commit_callbacks, mailoutbox
):
    series, person, other, first = series_registered
    fourth = (series.start + timedelta(weeks=3)).astimezone(HELSINKI)

    with django_capture_on_commit_callbacks(execute=True):
        series.recurrence_rule = "FREQ=WEEKLY;COUNT=3"
        series.save()

    sent = {}
    for message in mailoutbox:
        calendar, component = attached(message)
        sent[(message.to[0], component.decoded("RECURRENCE-ID"))] = (str(calendar["METHOD"]), component)
    assert {key: method for key, (method, _component) in sent.items()} == {
        (person.email, (series.start + timedelta(weeks=1)).astimezone(HELSINKI)): "REQUEST",
        (other.email, (series.start + timedelta(weeks=2)).astimezone(HELSINKI)): "REQUEST",
        (person.email, fourth): "CANCEL",
    }
    _method, cancel = sent[(person.email, fourth)]
    assert str(cancel["STATUS"]) == "CANCELLED"
    assert cancel["UID"] == first[(person.email, fourth)]["UID"]
    assert cancel.decoded("SEQUENCE") > first[(person.email, fourth)].decoded("SEQUENCE")


def _sent(mailoutbox) -> list[tuple[str, str, object]]:
    return [
        (message.to[0], str(attached(message)[0]["METHOD"]), attached(message)[1]) for message in mailoutbox
    ]


def test_after_a_series_moved_every_message_names_the_entry_the_calendar_holds(
    series_registered, django_capture_on_commit_callbacks, mailoutbox
):
    """A calendar program keys an entry by UID and RECURRENCE-ID: once the whole series has moved,
    updates and cancellations still name the RECURRENCE-ID the person's entry was sent with, so
    the calendar ends with exactly one entry, at the new time, and a cancellation removes it."""
    series, person, other, first = series_registered
    old_second, old_third = (series.start + timedelta(weeks=weeks) for weeks in (1, 2))
    shift = timedelta(days=1, hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        series.start, series.end = series.start + shift, series.end + shift
        series.save()
    mailoutbox.clear()
    new_second, new_third = old_second + shift, old_third + shift

    # the organiser moves the (new) third occurrence on its own
    with django_capture_on_commit_callbacks(execute=True):
        EventException.objects.create(
            event=series,
            original_start=new_third,
            kind=EventException.Kind.MOVED,
            new_start=new_third + timedelta(hours=3),
            new_end=new_third + timedelta(hours=5),
        )
    ((email, method, component),) = _sent(mailoutbox)
    assert (email, method) == (other.email, "REQUEST")
    assert component.decoded("RECURRENCE-ID") == old_third.astimezone(HELSINKI)
    assert component.decoded("DTSTART") == (new_third + timedelta(hours=3)).astimezone(HELSINKI)
    assert component.decoded("SEQUENCE") > first[(other.email, old_third.astimezone(HELSINKI))].decoded(
        "SEQUENCE"
    )
    mailoutbox.clear()

    # the person cancels their (moved) second occurrence
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(person, series, new_second)
    ((email, method, component),) = _sent(mailoutbox)
    assert (email, method) == (person.email, "CANCEL")
    assert component.decoded("RECURRENCE-ID") == old_second.astimezone(HELSINKI)
    assert component["UID"] == first[(person.email, old_second.astimezone(HELSINKI))]["UID"]


def test_a_series_moved_back_names_its_own_start_again(
    series_registered, django_capture_on_commit_callbacks, mailoutbox
):
    series, person, _other, _first = series_registered
    old_second = series.start + timedelta(weeks=1)
    with django_capture_on_commit_callbacks(execute=True):
        series.start, series.end = series.start + timedelta(hours=2), series.end + timedelta(hours=2)
        series.save()
        series.start, series.end = series.start - timedelta(hours=2), series.end - timedelta(hours=2)
        series.save()

    last = [component for email, _method, component in _sent(mailoutbox) if email == person.email][-2:]
    assert {component.decoded("RECURRENCE-ID") for component in last} == {
        old_second.astimezone(HELSINKI),
        (old_second + timedelta(weeks=2)).astimezone(HELSINKI),
    }
    assert all(component.decoded("DTSTART") == component.decoded("RECURRENCE-ID") for component in last)


# --- changed occurrences follow their series ---------------------------------------------


@pytest.fixture
def series_with_changes(series_registered):
    """The series of four with its third occurrence cancelled and its fourth moved an hour later."""
    series, person, other, first = series_registered
    third, fourth = series.start + timedelta(weeks=2), series.start + timedelta(weeks=3)
    EventException.objects.create(event=series, original_start=third, kind=EventException.Kind.CANCELLED)
    EventException.objects.create(
        event=series,
        original_start=fourth,
        kind=EventException.Kind.MOVED,
        new_start=fourth + timedelta(hours=1),
        new_end=fourth + timedelta(hours=2),
        note="Eri sali",
    )
    return series, person, other, first


def _starts(series) -> list:
    event = Event.objects.get(pk=series.pk)
    window_end = event.start + timedelta(weeks=5)
    return [occurrence.start for occurrence in expand(event, event.start - timedelta(days=1), window_end)]


def test_a_cancelled_occurrence_stays_cancelled_when_the_series_moves(
    series_with_changes, django_capture_on_commit_callbacks, mailoutbox
):
    series, person, other, _first = series_with_changes
    first_start, third, fourth = (
        series.start,
        series.start + timedelta(weeks=2),
        series.start + timedelta(weeks=3),
    )
    mailoutbox.clear()
    shift = timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        series.start, series.end = series.start + shift, series.end + shift
        series.save()

    assert _starts(series) == [
        (first_start + shift).astimezone(HELSINKI),
        (first_start + timedelta(weeks=1) + shift).astimezone(HELSINKI),
        # the third stays cancelled at its shifted date
        (fourth + timedelta(hours=1)).astimezone(HELSINKI),  # the moved one keeps its own time
    ]
    assert set(EventException.objects.values_list("original_start", flat=True)) == {
        third + shift,
        fourth + shift,
    }
    # nobody's cancelled entry comes back, nor is it cancelled twice
    sent = _sent(mailoutbox)
    assert other.email not in {email for email, _method, _component in sent}
    assert {(email, method) for email, method, _component in sent} == {(person.email, "REQUEST")}
    assert Registration.objects.get(user=other).occurrence_start == third + shift
    assert occurrence_at(Event.objects.get(pk=series.pk), fourth + shift).note == "Eri sali"


def test_changed_occurrences_follow_a_series_moved_in_the_admin(
    client, series_with_changes, django_capture_on_commit_callbacks, mailoutbox
):
    series, _person, other, _first = series_with_changes
    third, fourth = series.start + timedelta(weeks=2), series.start + timedelta(weeks=3)
    mailoutbox.clear()
    client.force_login(make_keha_staff("Editors"))
    shift = timedelta(hours=2)

    def local(value):
        return value.astimezone(HELSINKI).strftime("%Y-%m-%d %H:%M")

    data = _admin_data(
        series,
        start=local(series.start + shift),
        end=local(series.end + shift),
        recurrence_rule=series.recurrence_rule,
        **{"exceptions-TOTAL_FORMS": "2", "exceptions-INITIAL_FORMS": "2"},
    )
    for index, exception in enumerate(EventException.objects.order_by("original_start")):
        data.update(
            {
                f"exceptions-{index}-id": str(exception.pk),
                f"exceptions-{index}-ORDER": str(index + 1),
                f"exceptions-{index}-DELETE": "",
                f"exceptions-{index}-original_start": local(exception.original_start),
                f"exceptions-{index}-kind": exception.kind,
                f"exceptions-{index}-new_start": local(exception.new_start) if exception.new_start else "",
                f"exceptions-{index}-new_end": local(exception.new_end) if exception.new_end else "",
                f"exceptions-{index}-note": exception.note,
            }
        )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(EDIT_URL, args=[series.pk]), data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert set(EventException.objects.values_list("original_start", flat=True)) == {
        third + shift,
        fourth + shift,
    }
    assert (third + shift).astimezone(HELSINKI) not in _starts(series)
    assert other.email not in {email for email, _method, _component in _sent(mailoutbox)}
