"""Background e-mail of the calendar: registration messages with an .ics attachment.

Each attachment is an RFC 5546 message about the person's own entry for one occurrence, with
the UID of the event's .ics: METHOD:REQUEST adds or updates it (a waiting-list place as
TENTATIVE), METHOD:CANCEL removes it. What the person may see is checked when the message is
delivered, not when it was queued.
"""

from dataclasses import asdict, dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from . import ical
from .models import Event, Registration
from .permissions import is_event_visible_to
from .recurrence import HELSINKI, Occurrence, occurrence_at

SUBJECTS = {
    "confirmed": gettext_noop("Registration confirmed: %(title)s"),
    "waiting": gettext_noop("You are on the waiting list: %(title)s"),
    "promoted": gettext_noop("A place opened up for you: %(title)s"),
    "registration_cancelled": gettext_noop("Registration cancelled: %(title)s"),
    "occurrence_cancelled": gettext_noop("Cancelled: %(title)s"),
    "occurrence_moved": gettext_noop("New time: %(title)s"),
    "event_changed": gettext_noop("Changed: %(title)s"),
    "event_cancelled": gettext_noop("Cancelled: %(title)s"),
}
CANCELLING = {"registration_cancelled", "occurrence_cancelled", "event_cancelled"}


@dataclass(frozen=True)
class CalendarMessage:
    """One person's e-mail about their calendar entry, ready to send."""

    to: str
    subject: str
    body: str
    event_id: int
    method: str
    ics: str


def compose_message(
    user,
    event,
    occurrence: Occurrence,
    kind: str,
    *,
    method: str,
    status: str,
    calendar_key: datetime | None = None,
) -> CalendarMessage:
    """The e-mail in the person's language with the RFC 5546 message as its attachment.
    `calendar_key`: the RECURRENCE-ID of the person's entry (`Registration.calendar_key`)."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = _(SUBJECTS[kind]) % {"title": event.title}
        body = render_to_string(
            "calendar_app/email/registration.txt",
            {
                "kind": kind,
                "event": event,
                "occurrence": occurrence,
                "user": user,
                "event_url": ical.absolute_url(event.get_absolute_url()),
            },
        )
    ics = ical.registration_message(
        occurrence, user.email, method=method, status=status, recurrence_id=calendar_key
    )
    return CalendarMessage(
        to=user.email,
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        event_id=event.pk,
        method=method,
        ics=ics.decode(),
    )


def _deliver(message: CalendarMessage) -> None:
    email = EmailMessage(subject=message.subject, body=message.body, to=[message.to])
    email.attach(
        f"event-{message.event_id}.ics",
        message.ics,
        f"text/calendar; charset=utf-8; method={message.method}",
    )
    email.send()


def _send(user, event, occurrence: Occurrence, kind: str, **options) -> None:
    _deliver(compose_message(user, event, occurrence, kind, **options))


@task()
def send_registration_email(registration_id: int, kind: str) -> bool:
    registration = (
        Registration.objects.select_related("event", "event__network", "user")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return False
    event = registration.event
    if not is_event_visible_to(registration.user, event):  # checked when it is delivered
        return False
    occurrence = occurrence_at(event, registration.occurrence_start)
    if occurrence is None:
        return False
    kind = kind if kind in ("waiting", "promoted") else "confirmed"
    status = ical.TENTATIVE if registration.status == Registration.Status.WAITING else ical.CONFIRMED
    _send(
        registration.user,
        event,
        occurrence,
        kind,
        method=ical.REQUEST,
        status=status,
        calendar_key=registration.calendar_key,
    )
    return True


def planned_occurrence(event, original_start: datetime) -> Occurrence:
    """The occurrence as it was planned (what a cancellation removes from the calendar)."""
    start = original_start.astimezone(HELSINKI)
    return Occurrence(event, start, start + event.duration, original_start)


@task()
def send_calendar_update(
    user_id: int, event_id: int, occurrence_start: str, kind: str, calendar_key: str | None = None
) -> bool:
    """Tell one person that their entry for an occurrence is cancelled or has a new time.

    `kind` is "registration_cancelled" (they cancelled), "occurrence_cancelled" or
    "occurrence_moved" (the organiser changed an occurrence of a series) or "event_changed"
    (the organiser moved an event or a whole series, or changed its place). `calendar_key`
    is the RECURRENCE-ID of the person's entry when a cancellation names another than the
    occurrence's (the registration may be gone); an update reads it from the registration.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    event = Event.objects.select_related("network").filter(pk=event_id).first()
    if user is None or event is None or not user.email:
        return False
    if not is_event_visible_to(user, event):  # checked when it is delivered
        return False
    original_start = datetime.fromisoformat(occurrence_start)
    if kind in CANCELLING:
        planned = occurrence_at(event, original_start) or planned_occurrence(event, original_start)
        key = datetime.fromisoformat(calendar_key) if calendar_key else None
        _send(user, event, planned, kind, method=ical.CANCEL, status=ical.CANCELLED, calendar_key=key)
        return True
    registration = Registration.objects.filter(
        event=event, occurrence_start=original_start, user=user
    ).first()
    occurrence = occurrence_at(event, original_start)
    if registration is None or occurrence is None:
        return False
    status = ical.TENTATIVE if registration.status == Registration.Status.WAITING else ical.CONFIRMED
    _send(
        user,
        event,
        occurrence,
        kind,
        method=ical.REQUEST,
        status=status,
        calendar_key=registration.calendar_key,
    )
    return True


@task()
def send_prepared_calendar_message(user_id: int, message: dict) -> bool:
    """Send a message composed before its event was deleted (nothing is left to read then),
    if the person's account is still active."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or user.email != message["to"]:
        return False
    _deliver(CalendarMessage(**message))
    return True


def enqueue_prepared_message(user_id: int, message: CalendarMessage) -> None:
    """Send the message once the transaction that deleted the event commits."""
    payload = asdict(message)
    transaction.on_commit(lambda: send_prepared_calendar_message.enqueue(user_id, payload))
