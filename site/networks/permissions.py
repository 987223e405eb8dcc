"""What a person may do with networks and their memberships: one predicate per permission.

Views, templates, services and exports ask these; none decides on its own. A network's
requests are decided by its own admins (a superuser may decide any), never by the person who
made them. KEHA staff have no power over a network by their role: they see a network's
private content and decide its requests only as its members and admins, like anyone else.

A person's role (which decides in which rounds they may vote) is confirmed by the admins of a
network they belong to, or by KEHA staff, and never by the person.
"""

from typ_site.accounts.roles import is_keha_staff, is_verified_member

from .models import Membership, Network
from .selectors import admin_network_ids, member_network_ids


def _network_id(network: Network | int) -> int:
    return network if isinstance(network, int) else network.pk


def can_administer_network(user, network: Network | int) -> bool:
    """The network's approved admins, and a superuser."""
    if not is_verified_member(user):
        return False
    return user.is_superuser or _network_id(network) in admin_network_ids(user)


def can_decide_membership(user, membership: Membership) -> bool:
    """A request is decided by the network's admins, and never by the person who made it."""
    if membership.user_id == user.pk:
        return False
    return can_administer_network(user, membership.network_id)


def can_confirm_any_role(user) -> bool:
    """KEHA staff confirm the roles of everyone (people in no network included)."""
    return is_keha_staff(user)


def can_confirm_role(user, person) -> bool:
    """A role change is confirmed by KEHA staff or by an admin of one of the person's networks,
    and never by the person."""
    if not is_verified_member(user) or person.pk == user.pk:
        return False
    if can_confirm_any_role(user):
        return True
    return bool(admin_network_ids(user) & member_network_ids(person))


def can_open_membership_management(user) -> bool:
    """The management page: the admins of a network, and whoever confirms roles."""
    if not is_verified_member(user):
        return False
    # (The networks a person administers are active ones: no query beyond the memberships.)
    return can_confirm_any_role(user) or bool(admin_network_ids(user))
