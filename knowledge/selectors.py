"""Reads of the knowledge base, filtered by what the person may see.

`visible_pages(queryset, user)` is the one place that decides whether a page may be listed to
someone: every index, tag page, section page, notification and export goes through it. Wagtail
itself guards the page's own address with the same view restrictions.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from wagtail.models import Page, PageViewRestriction, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from typ_site.accounts.roles import is_verified_member
from typ_site.core.access import MEMBERS, PUBLIC, STAFF
from typ_site.core.request_cache import per_request
from typ_site.networks.models import ServicePoint

from .models import (
    GuidancePage,
    LawInterpretationPage,
    LawSection,
    PageFollow,
    PracticeOrganisation,
    PracticePage,
)

# --- Visibility ------------------------------------------------------------------------------

PAGE_PERMISSION_POLICY = PagePermissionPolicy()


def _restriction_allows(restriction: PageViewRestriction, user, group_ids) -> bool:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return is_verified_member(user)
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not is_verified_member(user):
            return False
        return user.is_superuser or bool(group_ids & restriction.group_ids)
    return False  # a password is asked on the page itself; such pages are never listed


def _restrictions() -> list[PageViewRestriction]:
    restrictions = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
    for restriction in restrictions:
        restriction.group_ids = {group.pk for group in restriction.groups.all()}
    return restrictions


def _user_group_ids(user) -> set[int]:
    if not is_verified_member(user):
        return set()
    return per_request(user, "knowledge.group_ids", lambda: set(user.groups.values_list("pk", flat=True)))


def visible_pages(queryset: QuerySet, user) -> QuerySet:
    """Live pages of the queryset that the user may see."""
    queryset = queryset.live()
    restrictions = _restrictions()
    if not restrictions:
        return queryset
    group_ids = (
        _user_group_ids(user)
        if any(r.restriction_type == PageViewRestriction.GROUPS for r in restrictions)
        else set()
    )
    hidden = Q()
    for restriction in restrictions:
        if not _restriction_allows(restriction, user, group_ids):
            hidden |= Q(path__startswith=restriction.page.path)
    return queryset.exclude(hidden) if hidden else queryset


def can_see_page(page: Page, user) -> bool:
    return visible_pages(Page.objects.filter(pk=page.pk), user).exists()


def pages_for_admin_chooser(queryset: QuerySet, user) -> QuerySet:
    """Pages the admin's page chooser may show: those the person may see on the site, and
    those their page permissions let them work on. A draft elsewhere (another network's
    practice in moderation) is neither listed nor named."""
    if user.is_superuser:
        return queryset
    workable = PAGE_PERMISSION_POLICY.instances_user_has_any_permission_for(
        user, {"add", "change", "publish"}
    )
    return queryset.filter(
        Q(pk__in=visible_pages(Page.objects.all(), user).values("pk")) | Q(pk__in=workable.values("pk"))
    )


def _access_key_from(restrictions) -> str:
    types = {restriction.restriction_type for restriction in restrictions}
    if types - {PageViewRestriction.LOGIN}:
        return STAFF
    if PageViewRestriction.LOGIN in types:
        return MEMBERS
    return PUBLIC


def page_access_key(page: Page) -> str:
    """Who may see the page, as an access key of `typ_site.core.access` (PUBLIC or MEMBERS).

    A page restricted to groups or behind a password gets STAFF, the narrowest key.
    """
    return _access_key_from(page.get_view_restrictions())


def page_access_keys(pages) -> dict[int, str]:
    """Access keys of many pages with one query (for indexing in bulk)."""
    restrictions = list(PageViewRestriction.objects.select_related("page"))
    return {
        page.pk: _access_key_from([r for r in restrictions if page.path.startswith(r.page.path)])
        for page in pages
    }


# --- Law sections ----------------------------------------------------------------------------


def law_section(statute_slug: str, section_key: str) -> LawSection | None:
    from .models import normalise_section_number

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


# --- Networks --------------------------------------------------------------------------------


def service_points_of(network) -> list[ServicePoint]:
    return list(network.service_points.order_by("kind", "municipality", "name"))


def practices_of_network(network_page, user) -> QuerySet[PracticePage]:
    """Practices written under the network's page or tagged with the network."""
    return (
        visible_pages(
            PracticePage.objects.filter(
                Q(path__startswith=network_page.path) | Q(networks=network_page.network_id)
            ),
            user,
        )
        .distinct()
        .order_by("-first_published_at")
        .only("id", "title", "url_path", "kind", "intro", "locale_id", "depth", "path")
    )


def practice_listing_queryset(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        "networks",
        "tags",
        Prefetch("organisations", queryset=PracticeOrganisation.objects.order_by("sort_order")),
    )


# --- Editorial -------------------------------------------------------------------------------


def guidance_past_review(today=None) -> QuerySet[GuidancePage]:
    """Live guidance whose review date has passed, oldest first (for editors)."""
    from django.utils import timezone

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
    result = []
    for page in pages:
        state = latest_state.get(page.pk)
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            task_state = state.current_task_state
            result.append(Submission(page, "in_moderation", task_state.task.name if task_state else ""))
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            result.append(
                Submission(
                    page,
                    "needs_changes",
                    task_state.task.name if task_state else "",
                    (task_state.comment if task_state else "") or "",
                )
            )
        elif page.live:
            result.append(Submission(page, "published"))
        else:
            result.append(Submission(page, "draft"))
    return result


# --- Following -------------------------------------------------------------------------------


def is_following(user, page) -> bool:
    if not is_verified_member(user):
        return False
    return PageFollow.objects.filter(user=user, page_id=page.pk).exists()


def follow_state(user, page) -> dict:
    return {"can_follow": is_verified_member(user), "following": is_following(user, page)}


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
