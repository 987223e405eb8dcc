"""Who may see and set the adoption of national decisions: one predicate per permission.

- A network's statuses and their history: the network's approved members and admins, KEHA
  staff and a superuser (`permissions.can_view_agreement`, the rule of the local agreement).
- A network's status is set by that network's own admins (and a superuser), never by KEHA staff
  as such and never for another network (`permissions.can_edit_agreement`).
- The national dashboard (every network × every decision) and the reminders: KEHA staff and a
  superuser. A network's members see only their own network's statuses.
- The site search holds each status under `adoption_access_key`, the access key that exactly the
  people `can_view_adoption` lets in hold (`core.access.search_access_keys_for`).
"""

from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.core.access import network_and_staff_key
from typ_site.networks.models import Network

from .permissions import can_edit_agreement, can_view_agreement


def can_view_adoption(user, network: Network | int) -> bool:
    return can_view_agreement(user, network)


def adoption_access_key(network: Network | int) -> str:
    """The search's form of `can_view_adoption`: the network's approved members, KEHA staff and
    a superuser hold this key (tests/operating_model/test_adoption_search.py checks that both
    let in the same people)."""
    return network_and_staff_key(network if isinstance(network, int) else network.pk)


def can_set_adoption(user, network: Network | int) -> bool:
    return can_edit_agreement(user, network)


def can_follow_adoption(user) -> bool:
    """The national dashboard, its CSV and the reminders."""
    if not is_verified_member(user):
        return False
    return user.is_superuser or is_keha_staff(user)
