"""Who may see and change a network's who's who: one predicate per permission.

- The whole who's who (every entry, vacancies and notes): the network's approved members and
  admins, KEHA staff and a superuser, as the network's local agreement (`can_view_agreement`).
- Everyone else, signed in or not, sees only the entries the network marks public.
- The network's own admins (and a superuser) add, change, confirm and remove its entries and
  set its review interval; never KEHA staff as such, never another network's admins.
"""

from typ_site.networks.models import Network

from ..permissions import can_edit_agreement, can_view_agreement
from .models import WhosWhoEntry


def can_view_whole_whoswho(user, network: Network | int) -> bool:
    return can_view_agreement(user, network)


def can_edit_whoswho(user, network: Network | int) -> bool:
    return can_edit_agreement(user, network)


def can_view_entry(user, entry: WhosWhoEntry) -> bool:
    return entry.is_public or can_view_whole_whoswho(user, entry.network_id)
