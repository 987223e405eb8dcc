"""Background e-mail of the calendar: registration confirmations with an .ics attachment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from .ical import absolute_url, occurrence_calendar
from .models import Registration
from .permissions import is_event_visible_to
from .recurrence import occurrence_at

SUBJECTS = {
    "confirmed": gettext_noop("Registration confirmed: %(title)s"),
    "waiting": gettext_noop("You are on the waiting list: %(title)s"),
    "promoted": gettext_noop("A place opened up for you: %(title)s"),
}


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
    user = registration.user
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = _(SUBJECTS.get(kind, SUBJECTS["confirmed"])) % {"title": event.title}
        body = render_to_string(
            "calendar_app/email/registration.txt",
            {
                "kind": kind,
                "event": event,
                "occurrence": occurrence,
                "user": user,
                "event_url": absolute_url(event.get_absolute_url()),
            },
        )
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[user.email],
    )
    message.attach(
        f"event-{event.pk}.ics",
        occurrence_calendar(occurrence),
        "text/calendar; charset=utf-8; method=PUBLISH",
    )
    message.send()
    return True
