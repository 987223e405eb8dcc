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
A provider whose line is a count of rows returns a `WaitingCount` (the rows as a query, not
counted): the home page counts them all in one query, as scalar subqueries, and shows the
lines whose count is not zero. The same query answers the editing bar's question whether the
page is in a workflow (`page_in_workflow`).

"Since your last visit" is the previous day the person opened the home page
(`previous_visit`), kept in their session: the session is read anyway, and it is written at
most once a day.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Exists, QuerySet
from django.db.models.expressions import BaseExpression
from django.utils import timezone
from wagtail import hooks

from typ_site.accounts.roles import can_open_wagtail_admin

from .sql import count_of

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


@dataclass
class WaitingCount:
    """A line of "Waiting for your decision": the number of `rows` (counted with the other
    lines in one query), shown when not zero with `template`, whose context is the count
    and `url`."""

    template: str
    rows: QuerySet
    url: str
    order: int = 50


def home_sections(request, page=None) -> list[HomeSection]:
    """The sections of the home page for this person; `page`: the home page being served
    (its editing bar's question is asked with the counts)."""
    provided = [provider(request) for provider in hooks.get_hooks(HOME_SECTIONS_HOOK)]
    sections = [item for item in provided if isinstance(item, HomeSection)]
    sections += _counted(request, [item for item in provided if isinstance(item, WaitingCount)], page)
    return sorted(sections, key=lambda s: s.order)


def _counted(request, counts: list[WaitingCount], page) -> list[HomeSection]:
    """The `WaitingCount` lines with rows, counted in one query on the person's own row. When
    the person sees the editing bar, the query also asks whether the page is in a workflow:
    when not, the page is told so as Wagtail's `prefetch_workflow_states` tells it, and the
    bar reads nothing to learn it (when it is, the bar reads the workflow as Wagtail does)."""
    if not counts:
        return []
    columns: dict[str, BaseExpression] = {
        f"waiting_{number}": count_of(count.rows) for number, count in enumerate(counts)
    }
    if page is not None and can_open_wagtail_admin(request.user):
        columns["page_in_workflow"] = Exists(page.workflow_states.active())
    row = (
        get_user_model()
        .objects.filter(pk=request.user.pk)
        .order_by()
        .annotate(**columns)
        .values(*columns)
        .get()
    )
    if row.get("page_in_workflow") is False:
        page._current_workflow_states = []
    return [
        HomeSection(
            template=count.template,
            context={"count": row[f"waiting_{number}"], "url": count.url},
            order=count.order,
            group=WAITING,
        )
        for number, count in enumerate(counts)
        if row[f"waiting_{number}"]
    ]


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
