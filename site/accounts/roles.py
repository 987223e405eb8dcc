"""Site-wide groups. Network roles live in networks.selectors."""

KEHA_GROUP = "KEHA"
# Wagtail's own default groups: editors write, moderators approve and publish.
EDITORS_GROUP = "Editors"
APPROVERS_GROUP = "Moderators"


def _group_names(user) -> frozenset[str]:
    cached = getattr(user, "_typ_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._typ_group_names = cached
    return cached


def is_keha_staff(user) -> bool:
    """KEHA's support team: national moderators, editors of national content."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or KEHA_GROUP in _group_names(user)


def is_verified_member(user) -> bool:
    """A signed-in, active person (allauth only lets verified addresses sign in)."""
    return bool(user.is_authenticated and user.is_active and not getattr(user, "is_removed", False))
