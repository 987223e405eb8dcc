"""Site-wide roles, and the one rule of who holds more power than a member.

Network roles (membership, network admin) are read from `typ_site.networks.selectors`.
"""

from django.contrib.auth.models import Group
from django.db.models import QuerySet

from typ_site.core.request_cache import per_request
from typ_site.networks.selectors import admin_network_ids, member_network_ids

from .models import Role

KEHA_GROUP = "KEHA"
# Wagtail's own default groups: editors write, moderators approve and publish.
EDITORS_GROUP = "Editors"
APPROVERS_GROUP = "Moderators"
# Groups whose members hold powers beyond a member's, with or without Wagtail admin access.
POWER_GROUPS = frozenset({KEHA_GROUP, EDITORS_GROUP, APPROVERS_GROUP})


# Where the request keeps the person's group names (`accounts.backends.load_standing` reads them
# with the permissions and memberships when it loads the signed-in person).
GROUP_NAMES_KEY = "accounts.group_names"


def group_names_of(user) -> QuerySet[Group]:
    """The person's groups (their names are what the rules below ask)."""
    return Group.objects.filter(user=user.pk).order_by()


def _group_names(user) -> frozenset[str]:
    return per_request(
        user, GROUP_NAMES_KEY, lambda: frozenset(group_names_of(user).values_list("name", flat=True))
    )


def in_any_group(user, names) -> bool:
    """Whether the person belongs to one of the groups of these names (from the groups loaded
    with the person: no query)."""
    return not _group_names(user).isdisjoint(names)


def is_keha_staff(user) -> bool:
    """KEHA's support team: national moderators, editors of national content."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or KEHA_GROUP in _group_names(user)


def standing(user) -> tuple:
    """Everything the rules read of a signed-in person, from what was loaded with them (no
    query): people of the same standing are let in to, and shown, the same pages."""
    return (
        user.is_superuser,
        user.is_staff,
        user.is_active,
        getattr(user, "role", ""),
        tuple(sorted(_group_names(user))),
        tuple(sorted(user.get_all_permissions())),
        tuple(sorted(member_network_ids(user))),
        tuple(sorted(admin_network_ids(user))),
    )


def is_verified_member(user) -> bool:
    """A signed-in, active person (allauth only lets verified addresses sign in)."""
    return bool(user.is_authenticated and user.is_active and not getattr(user, "is_removed", False))


def is_typ_director(user) -> bool:
    """A network's TYP director: the confirmed role (`User.role`, confirmed by a network's
    admins or KEHA staff, never only asked for) and an approved membership of an active
    network. THE rule of who counts as a director (the TYP directors' forum reads it)."""
    from_role = getattr(user, "role", "") == Role.TYP_DIRECTOR
    return bool(is_verified_member(user) and from_role and member_network_ids(user))


def can_open_wagtail_admin(user) -> bool:
    """Whether the person holds `wagtailadmin.access_admin` (superusers hold every permission).

    Kept on the user object for the rest of the request: the MFA middleware and the page
    header ask it on every request of every signed-in person.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return per_request(user, "accounts.can_open_admin", lambda: _holds_admin_access(user))


def _holds_admin_access(user) -> bool:
    # Django's own answer: the permissions come in one query (accounts.backends), and the
    # rest of the request (Wagtail's editing bar, the admin policies) reads them from there.
    return user.has_perm("wagtailadmin.access_admin")


def holds_powers(user) -> bool:
    """Whether the person holds any power beyond a member's: THE rule for two-step verification.

    Built from the same role functions the permissions use: a superuser or Django staff, KEHA
    staff (national moderators, round runners, results exports), editors and approvers, a
    network's admins (who moderate its forum and decide its requests), and anyone who can
    open the Wagtail admin.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        user.is_superuser
        or user.is_staff
        or bool(POWER_GROUPS & _group_names(user))
        or bool(admin_network_ids(user))
        or can_open_wagtail_admin(user)
    )
