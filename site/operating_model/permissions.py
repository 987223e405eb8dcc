"""Who may see and change the responsibility register: one predicate per permission.

Views, templates, exports, the admin snippets and the search ask these; none decides on its own.

- The national baseline (tasks, parties, who does what) is public: anyone may read it.
  KEHA's support team keeps it, in the Wagtail admin.
- A network's local agreement, its notes and its earlier versions: the network's approved
  members and admins, KEHA staff (who follow how the networks divide the work) and a superuser.
- A network's agreement is recorded by that network's admins (and a superuser), never by
  KEHA staff as such, and never for another network.
- The national comparison (every network's current agreement, task by task, deviations and
  their reasons) is for the people working in the networks: anyone with an approved
  membership of some network, and KEHA staff. It is not public, since the agreements are not;
  it leaves out the notes and the history, which stay with each network's members.
"""

from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.networks.models import Network
from typ_site.networks.permissions import can_administer_network
from typ_site.networks.selectors import is_network_member, member_network_ids


def can_keep_baseline(user) -> bool:
    """KEHA staff (and a superuser) keep the tasks, the parties and the national baseline."""
    return is_verified_member(user) and is_keha_staff(user)


def can_view_agreement(user, network: Network | int) -> bool:
    if not is_verified_member(user):
        return False
    return user.is_superuser or is_keha_staff(user) or is_network_member(user, network)


def can_edit_agreement(user, network: Network | int) -> bool:
    """The network's own admins (and a superuser): `can_administer_network`."""
    return can_administer_network(user, network)


def can_view_comparison(user) -> bool:
    if not is_verified_member(user):
        return False
    return user.is_superuser or is_keha_staff(user) or bool(member_network_ids(user))
