"""Builders for calendar tests."""

from datetime import datetime, timedelta

import icalendar
from django.utils import timezone

from calendar_app.models import Event, EventException
from calendar_app.recurrence import HELSINKI
from typ_site.core.themes import ensure_theme_tags


def helsinki(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


def next_week_at_nine() -> datetime:
    now = timezone.localtime(timezone.now(), HELSINKI)
    return now.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=7)


def make_event(*, themes=(), exceptions=(), **fields) -> Event:
    """One saved event; by default a public national training a week from now. `themes` are
    the core themes' slugs."""
    start = fields.pop("start", None) or next_week_at_nine()
    fields.setdefault("title", "Koulutus kirjaamisesta")
    fields.setdefault("end", start + timedelta(hours=3))
    fields.setdefault("event_type", Event.Type.TRAINING)
    fields.setdefault("level", Event.Level.NATIONAL)
    event = Event(start=start, **fields)
    if themes:
        tags = ensure_theme_tags()
        event.themes.set([tags[slug] for slug in themes])
    event.save()
    for values in exceptions:
        EventException.objects.create(event=event, **values)
    return event


def registration_event(**fields) -> Event:
    fields.setdefault("registration_enabled", True)
    return make_event(**fields)


def attached(message) -> tuple[icalendar.Calendar, icalendar.Event]:
    """The calendar and its one event attached to an e-mail, its MIME type naming its method."""
    _filename, content, mimetype = message.attachments[0]
    calendar = icalendar.Calendar.from_ical(content)
    (component,) = calendar.walk("VEVENT")
    assert mimetype == f"text/calendar; charset=utf-8; method={calendar['METHOD']}"
    return calendar, component
