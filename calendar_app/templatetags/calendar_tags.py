from datetime import timedelta

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from calendar_app.recurrence import HELSINKI
from calendar_app.selectors import upcoming_occurrences_for
from typ_site.core.themes import theme_number

register = template.Library()


# The site writes dates as 12.12.2026 and times as 10:00 in every language (as the other
# pages' `|date:"j.n.Y H:i"`), with the weekday's abbreviation in the reader's language; the
# locales' own short formats (2026-12-12 in Swedish, 12/12/2026 10 a.m. in English) would mix
# two ways of writing a date on one page.
DAY_FORMAT = "D j.n.Y"
TIME_FORMAT = "H:i"


def _day(value) -> str:
    return formats.date_format(value, DAY_FORMAT)


def _time(value) -> str:
    return formats.time_format(value, TIME_FORMAT)


@register.filter
def occurrence_when(occurrence) -> str:
    """When an occurrence takes place, in words of the current language (Helsinki time)."""
    start = occurrence.start.astimezone(HELSINKI)
    end = occurrence.end.astimezone(HELSINKI)
    if occurrence.event.all_day:
        if start.date() == end.date():
            return _("%(day)s, all day") % {"day": _day(start)}
        return f"{_day(start)} – {_day(end)}"
    last = (end - timedelta(microseconds=1)).date()
    if start.date() == last:
        return f"{_day(start)} {_time(start)}–{_time(end)}"
    return f"{_day(start)} {_time(start)} – {_day(end)} {_time(end)}"


@register.filter
def moment_when(value) -> str:
    """A moment (a registration's occurrence start) as `occurrence_when` writes a start:
    weekday, date and time, in Helsinki time."""
    start = value.astimezone(HELSINKI)
    return f"{_day(start)} {_time(start)}"


@register.filter
def occurrence_clock(occurrence) -> str:
    """The clock time only (for the month grid), or "all day"."""
    if occurrence.event.all_day:
        return _("all day")
    return _time(occurrence.start.astimezone(HELSINKI))


@register.filter
def theme_class(slug: str) -> str:
    """The colour class of a theme, by its slug."""
    return f"cal-theme-{theme_number(slug)}"


@register.simple_tag
def with_query(url: str, query: str) -> str:
    if not query:
        return url
    return f"{url}{'&' if '?' in url else '?'}{query}"


@register.simple_tag(takes_context=True)
def upcoming_network_events(context, network, limit: int = 5) -> list:
    """The next occurrences of a network's events that the person may see:
    `{% upcoming_network_events network as occurrences %}`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or network is None:
        return []
    return upcoming_occurrences_for(user, limit=limit, days=120, filters={"network": network.pk})
