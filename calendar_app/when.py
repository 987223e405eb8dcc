"""How the site writes when something happens: one way in every language."""

from datetime import timedelta

from django.utils import formats
from django.utils.translation import gettext as _

from calendar_app.recurrence import HELSINKI

# The site writes dates as 12.12.2026 and times as 10:00 in every language (as the other
# pages' `|date:"j.n.Y H:i"`), with the weekday's abbreviation in the reader's language; the
# locales' own short formats (2026-12-12 in Swedish, 12/12/2026 10 a.m. in English) would mix
# two ways of writing a date on one page.
DAY_FORMAT = "D j.n.Y"
TIME_FORMAT = "H:i"


def day(value) -> str:
    return formats.date_format(value, DAY_FORMAT)


def clock(value) -> str:
    return formats.time_format(value, TIME_FORMAT)


def occurrence_when(occurrence) -> str:
    """When an occurrence takes place, in words of the current language (Helsinki time)."""
    start = occurrence.start.astimezone(HELSINKI)
    end = occurrence.end.astimezone(HELSINKI)
    if occurrence.event.all_day:
        if start.date() == end.date():
            return _("%(day)s, all day") % {"day": day(start)}
        return f"{day(start)} – {day(end)}"
    last = (end - timedelta(microseconds=1)).date()
    if start.date() == last:
        return f"{day(start)} {clock(start)}–{clock(end)}"
    return f"{day(start)} {clock(start)} – {day(end)} {clock(end)}"


def moment_when(value) -> str:
    """A moment (a registration's occurrence start) as `occurrence_when` writes a start:
    weekday, date and time, in Helsinki time."""
    start = value.astimezone(HELSINKI)
    return f"{day(start)} {clock(start)}"
