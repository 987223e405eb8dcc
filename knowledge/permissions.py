"""Who may attribute a practice to which network (one rule for the admin and the services).

A practice attributed to a network appears on that network's public page, in its name. A
network's admins attribute practices to the networks they administer; only KEHA staff (and
superusers) attribute them to other networks.

`PagePermissions` is Wagtail's permission check of the knowledge pages, with "Move" offered
only where there is somewhere to move to.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from typ_site.accounts.roles import is_keha_staff
from typ_site.networks.selectors import admin_network_ids


def can_attribute_practice_to(user, network_id: int) -> bool:
    return is_keha_staff(user) or network_id in admin_network_ids(user)


def networks_not_attributable(user, networks) -> list:
    """The networks among `networks` that `user` may not attribute a practice to."""
    return [network for network in networks if not can_attribute_practice_to(user, network.pk)]


class PagePermissions(PagePermissionTester):
    """Wagtail's page permissions, except that "Move" is offered only to someone who has
    somewhere to move the page to: a network admin may edit their network page and its
    practices but add pages nowhere else, and Wagtail's move view would list no destination."""

    def can_move(self) -> bool:
        if not super().can_move():
            return False
        if self.user.is_superuser:
            return True
        if self._has_destination is None:
            self._has_destination = self._find_destination()
        return self._has_destination

    _has_destination: bool | None = None

    def _find_destination(self) -> bool:
        page = self.page
        parent_models = page.specific_class.allowed_parent_page_models()
        content_types = ContentType.objects.get_for_models(*parent_models).values()
        parent_path = page.path[: -page.steplen]
        candidates = (
            PagePermissionPolicy()
            .instances_user_has_permission_for(self.user, "add")
            .filter(content_type__in=content_types)
            .exclude(path=parent_path)
            .exclude(path__startswith=page.path)
        )
        plain = PagePermissionTester(self.user, page)  # its can_move_to does not come back here
        return any(plain.can_move_to(destination) for destination in candidates[:MOVE_CANDIDATES_CHECKED])


MOVE_CANDIDATES_CHECKED = 20
