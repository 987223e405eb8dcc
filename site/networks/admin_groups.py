"""Each network has a Django group for its admins, kept in step with the memberships.

Wagtail grants page and snippet permissions to groups, so a network's admins get their rights
(editing their network page, managing their events) through this one group. Apps attach their
permissions to `admin_group_for(network)`; membership changes keep the group's members right.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import Membership, Network

GROUP_NAME_PREFIX = "Verkoston ylläpitäjät: "


def admin_group_name(network: Network) -> str:
    return f"{GROUP_NAME_PREFIX}{network.slug}"


@transaction.atomic
def admin_group_for(network: Network) -> Group:
    group, created = Group.objects.get_or_create(name=admin_group_name(network))
    if created:
        access_admin = Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ).first()
        if access_admin is not None:
            group.permissions.add(access_admin)
    return group


def sync_admin_group_membership(membership: Membership) -> None:
    group = admin_group_for(membership.network)
    is_admin = membership.role == Membership.Role.ADMIN and membership.status == Membership.Status.APPROVED
    if is_admin:
        membership.user.groups.add(group)
    else:
        membership.user.groups.remove(group)
