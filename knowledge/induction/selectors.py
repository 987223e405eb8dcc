"""Reads of induction paths and progress.

Two rules live here and nowhere else:
- `suggested_path_for(user, paths)`: which of the paths matches a person's profile;
- `followed_network_ids(viewer)`: whose progress a person may follow. Only the admins of a
  network (supervisors, TYP directors) follow its members. KEHA staff do not see individual
  people's progress because of their national role: induction follow-up belongs to the
  person's own network, and a KEHA person who administers a network follows that network
  like any other admin.

The reads take the paths they are about as arguments (the page models decide which paths a
page shows), so this module imports no page model and the pages may use it. The structure of
a path is in `structure`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from knowledge.change_notes import attach_newest_note_dates
from knowledge.visibility import visible_pages
from typ_site.accounts.roles import is_verified_member
from typ_site.core.languages import default_language
from typ_site.networks.models import Membership, Network
from typ_site.networks.selectors import admin_network_ids

from .records import CompletedTask, Enrolment
from .structure import Step, Task, path_structure

# --- Progress --------------------------------------------------------------------------------


@dataclass
class Reading:
    page: Page
    updated: bool = False


@dataclass
class StepProgress:
    step: Step
    done: dict[str, datetime]
    reading: list[Reading] = field(default_factory=list)
    is_next: bool = False

    @property
    def done_count(self) -> int:
        return len(self.done)

    @property
    def complete(self) -> bool:
        return bool(self.step.tasks) and len(self.done) == len(self.step.tasks)

    @property
    def completed_at(self) -> datetime | None:
        """When the step's last task was ticked (None until every task is done)."""
        return max(self.done.values()) if self.complete else None

    @property
    def updated_pages(self) -> list[Page]:
        return [reading.page for reading in self.reading if reading.updated]

    def task_rows(self) -> list[tuple[Task, bool]]:
        return [(task, task.id in self.done) for task in self.step.tasks]


@dataclass
class PathSummary:
    """A person's standing on one path, counted over the path's current tasks only."""

    path: Page
    enrolment: Enrolment | None
    done_count: int
    total: int
    next_step: Step | None
    last_done_at: datetime | None
    ticks: dict[str, datetime] = field(default_factory=dict)

    def step_rows(self) -> list[tuple[Step, int]]:
        """Each current step with the number of its tasks done."""
        return [
            (step, sum(1 for task in step.tasks if task.id in self.ticks))
            for step in path_structure(self.path)
        ]

    @property
    def started(self) -> bool:
        return self.enrolment is not None or self.done_count > 0

    @property
    def percent(self) -> int:
        return (self.done_count * 100) // self.total if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done_count == self.total

    @property
    def finished_at(self) -> datetime | None:
        return self.enrolment.finished_at if self.enrolment else None

    @property
    def last_activity_at(self) -> datetime | None:
        return self.enrolment.last_activity_at if self.enrolment else self.last_done_at


def summarise(path: Page, enrolment: Enrolment | None, ticks: dict[str, datetime]) -> PathSummary:
    """Percentage and next step from the ticks; ticks of removed tasks are ignored."""
    structure = path_structure(path)
    done_count = total = 0
    next_step = None
    current_ticks = []
    for step in structure:
        done_here = [ticks[task.id] for task in step.tasks if task.id in ticks]
        current_ticks.extend(done_here)
        done_count += len(done_here)
        total += len(step.tasks)
        if next_step is None and len(done_here) < len(step.tasks):
            next_step = step
    return PathSummary(
        path=path,
        enrolment=enrolment,
        done_count=done_count,
        total=total,
        next_step=next_step,
        last_done_at=max(current_ticks) if current_ticks else None,
        ticks=ticks,
    )


def step_states(summary: PathSummary) -> list[dict]:
    """Each current step's state from the person's ticks: done (and when), next, or neither."""
    states = []
    for step in path_structure(summary.path):
        done = [summary.ticks[task.id] for task in step.tasks if task.id in summary.ticks]
        complete = bool(step.tasks) and len(done) == len(step.tasks)
        states.append(
            {
                "step": step,
                "complete": complete,
                "completed_at": max(done) if complete else None,
                "is_next": summary.next_step is not None and step.id == summary.next_step.id,
            }
        )
    return states


@dataclass
class PathProgress:
    summary: PathSummary
    steps: list[StepProgress]
    can_take_part: bool

    @property
    def finished_since_changed(self) -> bool:
        """The person finished the path, and steps have been added to it since."""
        return bool(self.summary.finished_at and not self.summary.complete)


def _ticks_of(user, path) -> dict[str, datetime]:
    return dict(CompletedTask.objects.filter(user=user, path=path).values_list("task_id", "completed_at"))


def _reading_pages(structure: list[Step], user, language: str) -> dict[int, Page]:
    """Every page the path links to that the person may see, by the linked page's id, with one
    query: its translation in `language` where the person may see one (the title and address
    a reader of that language expects), else the page itself.

    Specific pages (their own fields deferred), so that links keep the visitor's language.
    """
    ids = {page_id for step in structure for page_id in step.reading_ids}
    if not ids:
        return {}
    linked = Page.objects.filter(pk__in=ids)
    translations = Page.objects.filter(
        locale__language_code=language, translation_key__in=linked.values("translation_key")
    )
    # The language as an annotation: a specific page keeps those, not select_related's objects.
    pages = list(
        visible_pages(linked | translations, user)
        .annotate(reading_language=F("locale__language_code"))
        .specific(defer=True)
    )
    attach_newest_note_dates(pages)
    in_language = {page.translation_key: page for page in pages if page.reading_language == language}
    return {page.pk: in_language.get(page.translation_key, page) for page in pages if page.pk in ids}


def changed_since(page: Page, completed_at: datetime | None) -> bool:
    """Whether the page has had a change with a change note (a major change) on a day after
    the person completed the step. A republished correction without a note does not count,
    nor does a page that keeps no change notes."""
    if completed_at is None or not hasattr(page, "change_notes"):
        return False
    newest = page.__dict__.get("newest_note_date")
    return newest is not None and newest > timezone.localdate(completed_at)


def path_progress_for(path: Page, user) -> PathProgress:
    """The path page's view of a person: each step's ticks, links and what is new. The linked
    pages are shown in the visitor's language where they have been translated."""
    structure = path_structure(path)
    can_take_part = is_verified_member(user)
    enrolment, ticks = None, {}
    if can_take_part:
        enrolment = Enrolment.objects.filter(user=user, path=path).first()
        ticks = _ticks_of(user, path)
    pages = _reading_pages(structure, user, get_language() or default_language())
    summary = summarise(path, enrolment, ticks)
    steps = []
    for step in structure:
        progress = StepProgress(
            step=step,
            done={task.id: ticks[task.id] for task in step.tasks if task.id in ticks},
            is_next=summary.next_step is not None and step.id == summary.next_step.id,
        )
        completed_at = progress.completed_at
        for page_id in step.reading_ids:
            page = pages.get(page_id)
            if page is None:
                continue
            progress.reading.append(Reading(page=page, updated=changed_since(page, completed_at)))
        steps.append(progress)
    return PathProgress(summary=summary, steps=steps, can_take_part=can_take_part)


def _summaries(user, paths: list[Page]) -> dict[int, PathSummary]:
    """The person's summary on each of the paths, with two queries."""
    if not is_verified_member(user) or not paths:
        return {}
    path_ids = [path.pk for path in paths]
    enrolments = {
        enrolment.path_id: enrolment
        for enrolment in Enrolment.objects.filter(user=user, path_id__in=path_ids)
    }
    ticks: dict[int, dict[str, datetime]] = defaultdict(dict)
    for path_id, task_id, done_at in CompletedTask.objects.filter(
        user=user, path_id__in=path_ids
    ).values_list("path_id", "task_id", "completed_at"):
        ticks[path_id][task_id] = done_at
    return {path.pk: summarise(path, enrolments.get(path.pk), ticks.get(path.pk, {})) for path in paths}


def suggested_path_for(user, candidates) -> Page | None:
    """Of the paths, the one that matches the role and organisation type in the person's profile.

    A path matches when each of its targets is empty or equal to the person's own value; of
    the matching paths the most specific wins (role and organisation > role > organisation >
    neither), then the first in the editors' order. A person with no role gets no suggestion.
    """
    if not is_verified_member(user) or not user.stated_role:
        return None
    best, best_score = None, -1
    for path in candidates:
        if path.target_role and path.target_role != user.stated_role:
            continue
        if path.target_organisation_type and (path.target_organisation_type != user.organisation_type):
            continue
        score = (2 if path.target_role else 0) + (1 if path.target_organisation_type else 0)
        if score > best_score:
            best, best_score = path, score
    return best


def path_overview_for(paths, user) -> dict:
    """The index page: every path (those the person may see) with the person's standing, and
    the suggested one."""
    paths = list(paths)
    summaries = _summaries(user, paths)
    suggested = suggested_path_for(user, paths)
    return {
        "paths": [(path, summaries.get(path.pk)) for path in paths],
        "suggested_path": suggested,
        "can_follow_up": bool(followed_network_ids(user)),
    }


def paths_in_progress(user, started_paths, limit: int = 3) -> list[PathSummary]:
    """Of the paths the person started, those with something left to do, most recently active
    first."""
    if not is_verified_member(user):
        return []
    paths = list(started_paths)
    summaries = [summary for summary in _summaries(user, paths).values() if not summary.complete]
    summaries.sort(key=lambda s: s.last_activity_at.timestamp() if s.last_activity_at else 0, reverse=True)
    return summaries[:limit]


def paths_with_enrolment(user, paths: QuerySet) -> list[Page]:
    """The paths, each with `enrolled` (the person started it) and `started_any` (the person
    started some path, this one or another, visible or not): what the home page needs to
    choose between "continue" and a suggestion, in one query."""
    return list(
        paths.annotate(
            enrolled=Exists(Enrolment.objects.filter(user=user, path_id=OuterRef("pk"))),
            started_any=Exists(Enrolment.objects.filter(user=user)),
        )
    )


# --- Follow-up by network admins -------------------------------------------------------------


def followed_network_ids(viewer) -> frozenset[int]:
    """The networks whose members' induction progress the viewer may follow."""
    if not is_verified_member(viewer):
        return frozenset()
    return admin_network_ids(viewer)


def _followed_memberships(viewer, network_ids=None) -> QuerySet[Membership]:
    allowed = followed_network_ids(viewer)
    if network_ids is not None:
        allowed = allowed & frozenset(network_ids)
    return Membership.objects.filter(
        network_id__in=allowed,
        status=Membership.Status.APPROVED,
        network__is_active=True,
        user__is_active=True,
        user__is_removed=False,
    )


@dataclass
class Person:
    user: object
    networks: list = field(default_factory=list)
    paths: list[PathSummary] = field(default_factory=list)
    url: str = ""


def _people(memberships: QuerySet[Membership]) -> dict[int, Person]:
    people: dict[int, Person] = {}
    for membership in memberships.select_related("user", "network").order_by(
        "user__last_name", "user__first_name", "user__email", "network__name"
    ):
        person = people.setdefault(membership.user_id, Person(user=membership.user))
        person.networks.append(membership.network)
    return people


def _attach_progress(people: dict[int, Person], user_ids_query) -> None:
    """Each person's started paths, with three queries however many people and paths."""
    enrolments = list(
        Enrolment.objects.filter(user_id__in=user_ids_query, path__live=True)
        .select_related("path", "path__locale")  # the locale: the title's lang attribute
        .order_by("started_at")
    )
    ticks: dict[tuple[int, int], dict[str, datetime]] = defaultdict(dict)
    for user_id, path_id, task_id, done_at in CompletedTask.objects.filter(
        user_id__in=user_ids_query, path__live=True
    ).values_list("user_id", "path_id", "task_id", "completed_at"):
        ticks[(user_id, path_id)][task_id] = done_at
    paths: dict[int, Page] = {}
    for enrolment in enrolments:
        person = people.get(enrolment.user_id)
        if person is None:
            continue
        path = paths.setdefault(enrolment.path_id, enrolment.path)  # parse each path once
        person.paths.append(summarise(path, enrolment, ticks.get((enrolment.user_id, enrolment.path_id), {})))


def follow_up_for(viewer, network_id: int | None = None) -> dict:
    """The members of the viewer's networks and their progress on each started path."""
    allowed = followed_network_ids(viewer)
    networks = list(Network.objects.filter(pk__in=allowed, is_active=True).order_by("name"))
    chosen = [network_id] if network_id in allowed else None
    memberships = _followed_memberships(viewer, chosen)
    people = _people(memberships)
    _attach_progress(people, memberships.values("user_id"))
    return {
        "networks": networks,
        "chosen_network_id": network_id if chosen else None,
        "people": list(people.values()),
    }


def followed_person(viewer, user_id: int) -> Person | None:
    """One member's progress, or None when the viewer may not follow them."""
    memberships = _followed_memberships(viewer).filter(user_id=user_id)
    people = _people(memberships)
    person = people.get(user_id)
    if person is None:
        return None
    _attach_progress(people, memberships.values("user_id"))
    return person
