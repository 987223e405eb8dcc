"""Reads of the knowledge base, filtered by what the person may see (`knowledge.visibility`)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from typ_site.accounts.roles import is_verified_member
from typ_site.core.access import MEMBERS, PUBLIC
from typ_site.networks.models import Network

from .models import (
    GuidancePage,
    LawInterpretationPage,
    LawSection,
    PageFollow,
    PracticePage,
    normalise_section_number,
)
from .visibility import can_see_page, page_access_key, visible_pages
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
    return visible_pages(LawInterpretationPage.objects.filter(sections=section), user).order_by(
        "status", "title"
    )


def guidance_of_section(section: LawSection, user) -> QuerySet[GuidancePage]:
    return visible_pages(GuidancePage.objects.filter(related_sections=section), user).order_by("title")


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
