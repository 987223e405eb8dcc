"""Who may see and enter the network indicators: one predicate per permission.

- The definitions and the national view (the networks together, small counts hidden) are
  public: the 2023 study asks for up-to-date statistics published for all to see, and a
  national sum names no network.
- The figures network by network, and the comparisons between networks, are for the people
  working in the networks: anyone with an approved membership of some network, and KEHA staff
  (the brief's directors and supervisors compare networks). Not for partners or the public,
  as the networks' own pages and forums are not.
- A network's figures are entered only by that network's admins (and a superuser); KEHA keeps
  the definitions in the Wagtail admin but enters no network's figures.
"""

from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.networks.models import Network
from typ_site.networks.permissions import can_administer_network
from typ_site.networks.selectors import member_network_ids


def can_keep_definitions(user) -> bool:
    return is_verified_member(user) and is_keha_staff(user)


def can_view_networks(user) -> bool:
    """The figures of each network and the comparisons between them."""
    if not is_verified_member(user):
        return False
    return user.is_superuser or is_keha_staff(user) or bool(member_network_ids(user))


def can_enter_figures(user, network: Network | int) -> bool:
    return can_administer_network(user, network)
