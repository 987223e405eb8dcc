"""Sections of the home page that the apps contribute (my network's new topics, my next events...).

An app adds a section with the Wagtail hook `typ_home_sections`, in its `wagtail_hooks.py`:
a function that takes the request and returns a `HomeSection`, or None when it has nothing
to show to this person (each app asks its own `permissions`/`selectors` who may see what).
The sections are shown in the order of their `order`.

    @hooks.register("typ_home_sections")
    def next_events_section(request): ...

A section in the group `WAITING` is one line of the box "Waiting for your decision" (the
membership requests, the reports to moderate, the practices in review): its template
renders one `<li>` with the count and a link, and the home page puts the lines in one list.

"Since your last visit" is the previous day the person opened the home page
(`previous_visit`), kept in their session: the session is read anyway, and it is written at
most once a day.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail import hooks

HOME_SECTIONS_HOOK = "typ_home_sections"
WAITING = "waiting"
_VISITS_KEY = "typ_home_visits"
# Without an earlier visit (a first visit, a new device), "changed since" reaches back this far.
FIRST_VISIT_DAYS = 30


@dataclass
class HomeSection:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 50
    group: str = ""


def home_sections(request) -> list[HomeSection]:
    sections = [provider(request) for provider in hooks.get_hooks(HOME_SECTIONS_HOOK)]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)


def previous_visit(request) -> datetime.datetime:
    """When the person last opened the home page before today (or FIRST_VISIT_DAYS ago).

    The answer is kept on the request, so that every section asks the same moment."""
    cached = getattr(request, "_typ_previous_visit", None)
    if cached is not None:
        return cached
    now = timezone.now()
    fallback = now - datetime.timedelta(days=FIRST_VISIT_DAYS)
    if not request.user.is_authenticated:
        return fallback  # a visitor's session is never started for this
    session = getattr(request, "session", None)
    visits = session.get(_VISITS_KEY) if session is not None else None
    previous, current = _parse(visits)
    today = timezone.localdate(now).isoformat()
    if current is None or timezone.localdate(current).isoformat() != today:
        previous = current
        if session is not None:
            session[_VISITS_KEY] = {
                "previous": previous.isoformat() if previous else None,
                "current": now.isoformat(),
            }
    answer = previous or fallback
    request._typ_previous_visit = answer
    return answer


def _parse(visits) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    if not isinstance(visits, dict):
        return None, None

    def moment(value):
        try:
            return datetime.datetime.fromisoformat(value) if value else None
        except (TypeError, ValueError):
            return None

    return moment(visits.get("previous")), moment(visits.get("current"))
