"""Reads of the knowledge base, filtered by what the person may see (`knowledge.visibility`)."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from typ_site.accounts.roles import is_verified_member
from typ_site.core.access import MEMBERS, PUBLIC
from typ_site.core.languages import default_language
from typ_site.core.shared_rows import read as read_shared_rows
from typ_site.core.shared_rows import share_with_every_page
from typ_site.networks.models import Network

from .models import (
    DocumentStatus,
    GuidanceIndexPage,
    GuidancePage,
    LawInterpretationPage,
    LawSection,
    PageFollow,
    PracticePage,
    normalise_section_number,
)
from .page_languages import pages_in_current_language
from .visibility import can_see_page, page_access_key, visible_among, visible_pages
from .workflow_names import NETWORK_TASK_PREFIX

# --- Law sections ----------------------------------------------------------------------------


def law_section(statute_slug: str, section_key: str) -> LawSection | None:
    number = statute_slug.replace("-", "/")
    candidates = LawSection.objects.filter(statute__number=number).select_related("statute")
    for section in candidates:
        if section.key == normalise_section_number(section_key):
            return section
    return None


def interpretations_of_section(section: LawSection, user) -> QuerySet[LawInterpretationPage]:
    """The interpretations of the section, each once, in the visitor's language where it has
    been translated (a translation keeps the original's sections)."""
    referring = LawInterpretationPage.objects.filter(sections=section).values("translation_key")
    pages = pages_in_current_language(LawInterpretationPage).filter(translation_key__in=referring)
    return visible_pages(pages, user).select_related("locale").order_by("status", "title")


def guidance_of_section(section: LawSection, user) -> QuerySet[GuidancePage]:
    """The guidance that refers to the section, each page once, in the visitor's language
    where it has been translated."""
    referring = GuidancePage.objects.filter(related_sections=section).values("translation_key")
    pages = pages_in_current_language(GuidancePage).filter(translation_key__in=referring)
    return visible_pages(pages, user).select_related("locale").order_by("title")


# --- Editorial -------------------------------------------------------------------------------


def guidance_past_review(today=None) -> QuerySet[GuidancePage]:
    """Live guidance whose review date has passed, oldest first (for editors)."""
    today = today or timezone.localdate()
    return (
        GuidancePage.objects.live()
        .filter(next_review_date__lt=today)
        .exclude(status="superseded")
        .order_by("next_review_date")
    )


@dataclass
class Submission:
    page: PracticePage
    status: str  # draft / in_moderation / needs_changes / published
    step: str = ""
    comment: str = ""


def _step_labels(task_states):
    """Who decides at each step, in words a submitter understands (the tasks' own names are
    editorial bookkeeping, a network's one ending in its slug). One query for the networks."""
    slugs = {
        state.task.name.removeprefix(NETWORK_TASK_PREFIX)
        for state in task_states
        if state is not None and state.task.name.startswith(NETWORK_TASK_PREFIX)
    }
    names = dict(Network.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}

    def label(task_state) -> str:
        if task_state is None:
            return ""
        name = task_state.task.name
        if name.startswith(NETWORK_TASK_PREFIX):
            network = names.get(name.removeprefix(NETWORK_TASK_PREFIX))
            if network:
                return _("the administrators of %(network)s decide") % {"network": network}
            return _("the network's administrators decide")
        return _("KEHA's editors decide")

    return label


def submissions_of(user) -> list[Submission]:
    """The practices the user submitted from the site, with where each one stands."""
    pages = list(
        PracticePage.objects.filter(submitted_by=user)
        .order_by("-latest_revision_created_at", "-pk")
        .only(
            "id",
            "title",
            "live",
            "url_path",
            "locale_id",
            "depth",
            "path",
            "has_unpublished_changes",
            "latest_revision_created_at",
        )
    )
    if not pages:
        return []
    states = (
        WorkflowState.objects.filter(
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task")
        .order_by("created_at")
    )
    latest_state = {}
    for state in states:
        latest_state[int(state.object_id)] = state
    step_of = _step_labels([state.current_task_state for state in latest_state.values()])
    result = []
    for page in pages:
        state = latest_state.get(page.pk)
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            task_state = state.current_task_state
            result.append(Submission(page, "in_moderation", step_of(task_state)))
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            result.append(
                Submission(
                    page,
                    "needs_changes",
                    step_of(task_state),
                    (task_state.comment if task_state else "") or "",
                )
            )
        elif page.live:
            result.append(Submission(page, "published"))
        else:
            result.append(Submission(page, "draft"))
    return result


# --- Following -------------------------------------------------------------------------------


def followed_pages(user) -> QuerySet[Page]:
    return visible_pages(Page.objects.filter(followers__user=user), user).order_by("title")


def followers_of(page) -> list:
    """People to tell about a new version of the page: following it, able to see it,
    and wanting e-mail."""
    follows = (
        PageFollow.objects.filter(page_id=page.pk, user__is_active=True, user__is_removed=False)
        .exclude(user__notification_frequency="none")
        .select_related("user")
    )
    users = [follow.user for follow in follows]
    if page_access_key(page) in (PUBLIC, MEMBERS):
        return [user for user in users if is_verified_member(user)]
    return [user for user in users if can_see_page(page, user)]


# --- The home page ---------------------------------------------------------------------------


def guidance_in_current_language(user) -> QuerySet[GuidancePage]:
    """Guidance this person may see, each page once: in the visitor's language where it has
    been translated, otherwise in Finnish (served so under the visitor's address)."""
    return visible_pages(pages_in_current_language(GuidancePage), user)


# The newest guidance of the whole site, (page id, changed on) in order, for every visitor
# alike: kept with the rows every Wagtail page reads, so that a person's "what changed" reads
# only these pages by their ids instead of sorting every page they may see.
NEWEST_GUIDANCE = "knowledge.newest_guidance"
NEWEST_GUIDANCE_WINDOW = 200


def _read_newest_guidance() -> list[tuple[int, datetime.date]]:
    return list(
        GuidancePage.objects.live()
        .exclude(status=DocumentStatus.DRAFT)
        .filter(changed_on__isnull=False)
        .order_by("-changed_on", "-pk")
        .values_list("pk", "changed_on")[:NEWEST_GUIDANCE_WINDOW]
    )


share_with_every_page(NEWEST_GUIDANCE, _read_newest_guidance)


def recently_changed_guidance(user, since: datetime.date | None = None, limit: int = 5) -> list[GuidancePage]:
    """The guidance this person may see, latest change first, by `changed_on`: the date of
    its newest change note, or the day it was last published when it has none (kept on the
    page when it is saved). With `since`, only what changed on or after that day. Drafts are
    left out.

    One query: the person's pages among the site's newest (`NEWEST_GUIDANCE`, from the
    shared rows). Only when fewer than `limit` of those are theirs and older pages could
    still count are all their pages sorted, in a second query."""
    pages = (
        guidance_in_current_language(user)
        .exclude(status=DocumentStatus.DRAFT)
        .filter(changed_on__isnull=False)
        .select_related("locale")
        .order_by("-changed_on", "-pk")
    )
    if since is not None:
        pages = pages.filter(changed_on__gte=since)
    newest = read_shared_rows(user, {NEWEST_GUIDANCE: _read_newest_guidance})[NEWEST_GUIDANCE]
    found = list(pages.filter(pk__in=[pk for pk, _ in newest])[:limit])
    if len(found) < limit and _older_pages_could_count(newest, since):
        found = list(pages[:limit])
    return found


def _older_pages_could_count(newest: list[tuple[int, datetime.date]], since: datetime.date | None) -> bool:
    """Whether a page older than the site's newest could still be listed: the window is full
    and, with `since`, its oldest page changed on or after that day."""
    if len(newest) < NEWEST_GUIDANCE_WINDOW:
        return False
    return since is None or newest[-1][1] >= since


def _read_guidance_indexes() -> list[GuidanceIndexPage]:
    return list(
        GuidanceIndexPage.objects.filter(locale__language_code=default_language()).live().order_by("pk")
    )


# The guidance index pages come with the rows every Wagtail page reads (the home page links one).
GUIDANCE_INDEXES = "knowledge.guidance_indexes"
share_with_every_page(GUIDANCE_INDEXES, _read_guidance_indexes)


def guidance_index(user) -> Page | None:
    """The guidance section's index page (its Finnish original: its address follows the
    visitor's language), or None when this person may not see it. From the shared rows."""
    indexes = read_shared_rows(user, {GUIDANCE_INDEXES: _read_guidance_indexes})[GUIDANCE_INDEXES]
    return next(iter(visible_among(indexes, user)), None)


def practices_awaiting_review(user) -> QuerySet[WorkflowState]:
    """The submitted practices waiting at a review step that this person may decide: the
    rule of `FourEyesApprovalTask.get_task_states_user_can_moderate` (members of the step's
    groups, except the submitter and whoever approved an earlier step; a superuser decides
    any), as their workflows (one row each, to be counted: the home page counts them with
    its other lines in one query, `typ_site.core.home.WaitingCount`)."""
    if not is_verified_member(user):
        return WorkflowState.objects.none()
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__active=True,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        workflow_state__content_type=ContentType.objects.get_for_model(PracticePage),
    )
    if not user.is_superuser:
        approved_by_them = TaskState.objects.filter(
            status=TaskState.STATUS_APPROVED,
            finished_by=user,
            workflow_state_id=OuterRef("workflow_state_id"),
        ).exclude(task_id=OuterRef("task_id"))
        states = (
            states.filter(task__in=GroupApprovalTask.objects.filter(groups__user=user).values("pk"))
            .exclude(workflow_state__requested_by=user)
            .exclude(Exists(approved_by_them))
        )
    return WorkflowState.objects.filter(pk__in=states.values("workflow_state_id"))
