"""Who may see a page of the site: the one rule behind every listing.

`visible_pages(queryset, user)` decides whether a page may be listed to someone: every index,
tag page, section page, notification and export goes through it. Wagtail itself guards the
page's own address with the same view restrictions. This module imports no models of the
knowledge base, so the page models may use it too.
"""

import itertools

from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

from typ_site.accounts.roles import is_verified_member
from typ_site.core.access import MEMBERS, PUBLIC, STAFF
from typ_site.core.request_cache import per_request
from typ_site.core.shared_rows import view_restrictions

PAGE_PERMISSION_POLICY = PagePermissionPolicy()


def _restriction_allows(restriction: PageViewRestriction, user, group_ids) -> bool:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return is_verified_member(user)
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not is_verified_member(user):
            return False
        return user.is_superuser or bool(group_ids & restriction.group_ids)
    return False  # a password is asked on the page itself; such pages are never listed


# A new number whenever a view restriction (or its groups) changes in this process, so that
# the restrictions kept for a request (`_restrictions`) are never older than the restrictions.
_generations = itertools.count()
_restriction_generation = next(_generations)


@receiver([post_save, post_delete], sender=PageViewRestriction, dispatch_uid="knowledge.restrictions_changed")
@receiver(
    m2m_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="knowledge.restriction_groups_changed",
)
@receiver(post_page_move, dispatch_uid="knowledge.restricted_page_moved")
def _restrictions_changed(**kwargs) -> None:
    global _restriction_generation
    _restriction_generation = next(_generations)


def _restrictions(user) -> list[PageViewRestriction]:
    """Every view restriction, read once per request (kept on the person's user object, a
    visitor's included) unless one changes meanwhile: a page lists several sections."""
    return per_request(
        user,
        ("knowledge.restrictions", _restriction_generation),
        lambda: view_restrictions(user),
    )


def _user_group_ids(user) -> set[int]:
    if not is_verified_member(user):
        return set()
    return per_request(user, "knowledge.group_ids", lambda: set(user.groups.values_list("pk", flat=True)))


def _hidden_paths(user) -> list[str]:
    """The paths of the restricted pages the user may not see (and their subtrees)."""
    restrictions = _restrictions(user)
    if not restrictions:
        return []
    group_ids = (
        _user_group_ids(user)
        if any(r.restriction_type == PageViewRestriction.GROUPS for r in restrictions)
        else set()
    )
    return [r.page.path for r in restrictions if not _restriction_allows(r, user, group_ids)]


def visible_pages(queryset: PageQuerySet, user) -> PageQuerySet:
    """Live pages of the queryset that the user may see."""
    queryset = queryset.live()
    hidden = Q()
    for path in _hidden_paths(user):
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden) if hidden else queryset


def visible_among(pages: list[Page], user) -> list[Page]:
    """The live pages of a list already read that the user may see: `visible_pages`' rule."""
    hidden = _hidden_paths(user)
    return [page for page in pages if page.live and not page.path.startswith(tuple(hidden))]


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
