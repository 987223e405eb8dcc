"""Writes of the calendar: registrations, the waiting list and feed tokens.

Capacity is counted inside one transaction that holds the write lock: on SQLite every write
transaction begins IMMEDIATE (see settings), so two registrations are never counted at the
same time; on PostgreSQL the event row is locked with SELECT … FOR UPDATE. The unique
constraint (event, occurrence, person) is the last guard against registering twice.
"""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from typ_site.core.request_cache import forget_per_request

from . import ical, when
from .models import Event, EventException, FeedToken, Registration
from .permissions import is_event_visible_to
from .recurrence import Occurrence, from_local_naive, occurrence_at, to_local_naive
from .selectors import visible_events_for
from .tasks import (
    compose_message,
    enqueue_prepared_message,
    planned_occurrence,
    send_calendar_update,
    send_registration_email,
)


def registration_deadline_for(occurrence: Occurrence) -> datetime:
    """When registration to this occurrence closes.

    The event's deadline is set for its first occurrence; a later occurrence of a series
    closes the same time before its own start. Without a deadline, at the start.
    """
    event = occurrence.event
    if event.registration_deadline is None:
        return occurrence.start
    return occurrence.start - (event.start - event.registration_deadline)


def _format_moment(value: datetime) -> str:
    return when.moment_when(value)


def _enqueue_email(registration_id: int, kind: str) -> None:
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


def register(user, event: Event, original_start: datetime, note: str = "") -> Registration:
    """Register `user` to one occurrence: a place if there is one, else the waiting list.
    `note` is for the organisers (diet, accessibility needs)."""
    if not is_event_visible_to(user, event):
        raise ValidationError(_("That event does not exist."), code="not_found")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        occurrence = occurrence_at(locked, original_start) if locked.registration_enabled else None
        if not locked.registration_enabled:
            raise ValidationError(_("This event has no registration."), code="no_registration")
        if occurrence is None:
            raise ValidationError(
                _("That occurrence of the event does not exist or was cancelled."),
                code="no_occurrence",
            )
        deadline = registration_deadline_for(occurrence)
        if timezone.now() >= deadline:
            raise ValidationError(
                _("Registration closed on %(deadline)s.") % {"deadline": _format_moment(deadline)},
                code="closed",
            )
        key = occurrence.original_start
        already = Registration.objects.filter(event=locked, occurrence_start=key, user=user)
        if already.exists():
            raise ValidationError(_("You have already registered for this event."), code="twice")
        confirmed = Registration.objects.filter(
            event=locked, occurrence_start=key, status=Registration.Status.CONFIRMED
        ).count()
        if locked.capacity is None or confirmed < locked.capacity:
            status = Registration.Status.CONFIRMED
        elif locked.waiting_list_enabled:
            status = Registration.Status.WAITING
        else:
            raise ValidationError(_("The event is full and it has no waiting list."), code="full")
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event=locked, occurrence_start=key, user=user, status=status, note=note.strip()
                )
        except IntegrityError as error:
            raise ValidationError(_("You have already registered for this event."), code="twice") from error
        _enqueue_email(registration.pk, status)
    return registration


def _promote_waiting(event: Event, occurrence_start: datetime) -> list[Registration]:
    """Fill free places from the waiting list, first come first served. Call inside the
    transaction that freed the place."""
    if event.capacity is None:
        free = None
    else:
        confirmed = Registration.objects.filter(
            event=event, occurrence_start=occurrence_start, status=Registration.Status.CONFIRMED
        ).count()
        free = event.capacity - confirmed
        if free <= 0:
            return []
    waiting = (
        Registration.objects.filter(
            event=event, occurrence_start=occurrence_start, status=Registration.Status.WAITING
        )
        .select_related("user")
        .order_by("created_at", "pk")
    )
    promoted: list[Registration] = []
    for registration in waiting:
        if free is not None and len(promoted) >= free:
            break
        if is_event_visible_to(registration.user, event):
            promoted.append(registration)
        else:  # no longer allowed to see the event: off the list, the place goes on
            registration.delete()
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _enqueue_email(registration.pk, "promoted")
    return promoted


def _enqueue_update(
    user_id: int, event_id: int, occurrence_start: datetime, kind: str, calendar_key: datetime | None = None
) -> None:
    """`calendar_key`: the RECURRENCE-ID of the person's entry, for a cancellation (the
    registration may be gone by the time it is sent)."""
    moment = occurrence_start.isoformat()
    key = calendar_key.isoformat() if calendar_key and calendar_key != occurrence_start else None
    transaction.on_commit(lambda: send_calendar_update.enqueue(user_id, event_id, moment, kind, key))


def _cancel_locked(registration: Registration) -> list[Registration]:
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    event, occurrence_start = registration.event, registration.occurrence_start
    registration.delete()
    if was_confirmed:
        return _promote_waiting(event, occurrence_start)
    return []


def cancel_registration(user, event: Event, original_start: datetime) -> list[Registration]:
    """Cancel one's own registration; the first on the waiting list gets the place.
    Returns the registrations promoted from the waiting list."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        registration = Registration.objects.filter(
            event=locked, occurrence_start=original_start, user=user
        ).first()
        if registration is None:
            raise ValidationError(_("You are not registered for this occurrence."), code="not_registered")
        registration.event = locked
        promoted = _cancel_locked(registration)
        _enqueue_update(
            user.pk, locked.pk, original_start, "registration_cancelled", registration.calendar_key
        )
        return promoted


def update_registration_note(user, event: Event, original_start: datetime, note: str) -> Registration:
    """Change the note of one's own registration (an empty note removes it)."""
    registration = Registration.objects.filter(
        event=event, occurrence_start=original_start, user=user
    ).first()
    if registration is None:
        raise ValidationError(_("You are not registered for this occurrence."), code="not_registered")
    registration.note = note.strip()
    registration.save(update_fields=["note"])
    return registration


def occurrence_state(exception: EventException) -> tuple:
    """What of a changed occurrence the registered people's calendars show."""
    return (exception.kind, exception.new_start, exception.new_end)


def tell_registered_of_changed_occurrence(
    exception: EventException, before: tuple | None, *, deleted: bool = False
) -> int:
    """An organiser cancelled or moved an occurrence (or undid a move): everyone registered to
    it gets a calendar update. `before` is the occurrence's state before the change (None: it
    was as planned). Saving an unchanged occurrence tells nobody. Returns how many are told."""
    after = None if deleted else occurrence_state(exception)
    if after == before:
        return 0
    if after is not None and after[0] == EventException.Kind.CANCELLED:
        kind = "occurrence_cancelled"
    elif after is not None and not (exception.new_start and exception.new_end):
        return 0  # a move without its new times is not valid and not shown
    else:
        kind = "occurrence_moved"
    registered = Registration.objects.filter(
        event_id=exception.event_id, occurrence_start=exception.original_start
    ).values_list("user_id", "calendar_occurrence_start")
    told = 0
    for user_id, calendar_key in registered:
        _enqueue_update(user_id, exception.event_id, exception.original_start, kind, calendar_key)
        told += 1
    return told


def event_state(event: Event) -> tuple:
    """What of an event (or a whole series) the registered people's calendars show: its time and place."""
    return (
        event.recurrence_rule,
        event.start,
        event.end,
        event.all_day,
        event.location_address,
        event.online_url,
    )


def _shifted(key: datetime, shift: timedelta) -> datetime:
    """`key` moved by a shift of the wall-clock time (a weekly 09:00 moved to 10:00 stays at
    10:00 across daylight saving)."""
    return from_local_naive(to_local_naive(key) + shift).astimezone(UTC)


def _series_shift(event: Event, before_start: datetime) -> timedelta:
    return to_local_naive(event.start) - to_local_naive(before_start)


def carry_exceptions_with_series(event: Event, stored: Event | None) -> dict[datetime, EventException]:
    """Before a series is saved with a new start: its cancelled and moved occurrences move
    with it, the same wall-clock shift as every other occurrence, so a cancelled occurrence
    stays cancelled at its shifted date. A moved occurrence keeps the new time the organiser
    gave it (an arrangement of its own), only its place in the series follows.

    Exceptions the organiser changed or added in the same save (the admin form) are taken as
    they were given. Works on the exceptions in memory (the admin form's, committed after the
    event) and on the stored rows alike. Returns the carried exceptions by their former
    original start."""
    if stored is None or not (event.recurrence_rule and stored.recurrence_rule):
        return {}
    shift = _series_shift(event, stored.start)
    if not shift:
        return {}
    stored_starts = dict(EventException.objects.filter(event=event).values_list("pk", "original_start"))
    carried: dict[datetime, EventException] = {}
    for exception in event.exceptions.all():  # the form's, else the stored ones
        if exception.pk is None or stored_starts.get(exception.pk) != exception.original_start:
            continue
        carried[exception.original_start] = exception
        exception.original_start = _shifted(exception.original_start, shift)
    # one row at a time, the farthest first, so no two rows ever share an original start
    for exception in sorted(
        carried.values(), key=lambda item: item.original_start, reverse=shift > timedelta(0)
    ):
        EventException.objects.filter(pk=exception.pk).update(original_start=exception.original_start)
    return carried


def tell_registered_of_changed_event(
    event: Event, before: tuple | None, carried: dict[datetime, EventException] | None = None
) -> int:
    """An organiser moved an event or changed its place, or changed the rule of a series: the
    registrations follow the new start (an occurrence keeps its place in the series), and
    everyone registered to a coming occurrence (waiting list included) gets an update of their
    calendar entry (same UID, the RECURRENCE-ID their entry was sent with, higher SEQUENCE; see
    `ical.registration_message`), or its cancellation when their occurrence is no longer in the
    series. Registrations of an occurrence that was cancelled before, and stays cancelled at its
    shifted date (`carried`: from `carry_exceptions_with_series`), follow silently: their entry
    is gone already. `before` is the event's `event_state` before the save (None: a new event).
    Saving an unchanged event, or changing what has ended and stays in the past, tells nobody.
    Returns how many are told.

    A single occurrence of a series is changed through its exception
    (`tell_registered_of_changed_occurrence`)."""
    after = event_state(event)
    if before is None or after == before:
        return 0
    carried = carried or {}
    before_duration = before[2] - before[1]
    shift = _series_shift(event, before[1])
    moved_later = event.start > before[1]
    registrations = Registration.objects.filter(event=event).order_by(
        "-occurrence_start" if moved_later else "occurrence_start", "pk"
    )
    now = timezone.now()
    told = 0
    for registration in registrations:
        key = registration.occurrence_start
        new_key = _shifted(key, shift)
        occurrence = occurrence_at(event, new_key)
        was_cancelled = key in carried and carried[key].kind == EventException.Kind.CANCELLED
        if occurrence is None and not was_cancelled:
            if key + before_duration > now:
                _enqueue_update(
                    registration.user_id, event.pk, key, "occurrence_cancelled", registration.calendar_key
                )
                told += 1
            continue
        if new_key != key:
            calendar_key = registration.calendar_key
            registration.occurrence_start = new_key
            registration.calendar_occurrence_start = None if calendar_key == new_key else calendar_key
            registration.save(update_fields=["occurrence_start", "calendar_occurrence_start"])
        if occurrence is not None and max(key + before_duration, occurrence.end) > now:
            _enqueue_update(registration.user_id, event.pk, new_key, "event_changed")
            told += 1
    return told


def tell_registered_of_deleted_event(event: Event) -> int:
    """An event is being deleted: everyone registered to a coming occurrence of it (waiting
    list included) gets a cancellation of their calendar entry. The messages are composed now,
    while the event can still be read, and sent once the deletion commits. Returns how many
    are told."""
    now = timezone.now()
    registrations = Registration.objects.filter(event=event).select_related("user")
    told = 0
    for registration in registrations:
        user = registration.user
        if not (user.is_active and user.email) or not is_event_visible_to(user, event):
            continue
        occurrence = occurrence_at(event, registration.occurrence_start) or planned_occurrence(
            event, registration.occurrence_start
        )
        if occurrence.end <= now:
            continue
        message = compose_message(
            user,
            event,
            occurrence,
            "event_cancelled",
            method=ical.CANCEL,
            status=ical.CANCELLED,
            calendar_key=registration.calendar_key,
        )
        enqueue_prepared_message(user.pk, message)
        told += 1
    return told


@transaction.atomic
def drop_waiting_registrations_out_of_sight(user) -> int:
    """Take the person off the waiting lists of events they may no longer see (after leaving
    or being removed from the organising network). Nobody else's place changes."""
    forget_per_request(user)
    waiting = Registration.objects.filter(user=user, status=Registration.Status.WAITING).exclude(
        event__in=visible_events_for(user)
    )
    deleted, _details = waiting.delete()
    return deleted


# --- feed tokens ---------------------------------------------------------------------------


@transaction.atomic
def create_feed_token(user) -> FeedToken:
    """A new private feed address; an earlier one stops working."""
    FeedToken.objects.filter(user=user).delete()
    return FeedToken.objects.create(user=user)


@transaction.atomic
def revoke_feed_tokens(user) -> int:
    deleted, _details = FeedToken.objects.filter(user=user).delete()
    return deleted


def mark_feed_token_used(feed_token: FeedToken) -> None:
    FeedToken.objects.filter(pk=feed_token.pk).update(last_used_at=timezone.now())


# --- account removal ----------------------------------------------------------------------


def remove_calendar_data_of(user) -> None:
    """Runs inside the account removal transaction: registrations go (freeing places for
    the waiting list) and so do feed addresses."""
    registrations = Registration.objects.filter(user=user).select_related("event")
    for registration in list(registrations):
        locked = Event.objects.select_for_update().get(pk=registration.event_id)
        registration.event = locked
        _cancel_locked(registration)
    FeedToken.objects.filter(user=user).delete()
