"""Who may see and keep the service catalogue: one predicate per permission.

- The shared categories and the municipality list are public; KEHA's support team (and a
  superuser) keep them in the Wagtail admin, as they keep the responsibility baseline.
- A network's service is public by default: what a network offers, who provides it, how to
  refer a client and whom to call is what a worker, a partner organisation or a client who moves
  to another area needs, and the product brief keeps guidance-like content public. A network may
  keep one service to its own members (a consultation line meant for the professionals, a
  pilot not yet open): then only the network's approved members and admins, and a superuser, see
  it, in every list, export and search, exactly as a network's forum (the access key
  `network_key`). KEHA staff see such a service only as members of the network.
- The national view counts every active network's services by category, whoever keeps them,
  so that the gaps show; it names no service.
- A network's services are kept by that network's admins (and a superuser), never by KEHA
  staff as such, and never for another network.
"""

from django.db.models import Q

from typ_site.accounts.roles import is_verified_member
from typ_site.core.access import PUBLIC, access_keys_for, network_key, sees_everything
from typ_site.networks.models import Network
from typ_site.networks.permissions import can_administer_network
from typ_site.networks.selectors import member_network_ids

from .permissions import can_keep_baseline
from .service_catalogue_models import NetworkService, ServiceVisibility


def can_keep_catalogue_lists(user) -> bool:
    """KEHA staff (and a superuser) keep the service categories and the municipalities."""
    return can_keep_baseline(user)


def can_edit_services(user, network: Network | int) -> bool:
    """The network's own admins (and a superuser): `can_administer_network`."""
    return can_administer_network(user, network)


def service_access_key(service: NetworkService) -> str:
    """The access key of a service (typ_site.core.access), for the search."""
    if service.visibility == ServiceVisibility.PUBLIC:
        return PUBLIC
    return network_key(service.network_id)


def can_view_service(user, service: NetworkService) -> bool:
    return service_access_key(service) in access_keys_for(user)


def visible_services_filter(user) -> Q:
    """The same rule as `can_view_service`, as a filter for a queryset of services."""
    if sees_everything(user):
        return Q()
    public = Q(visibility=ServiceVisibility.PUBLIC)
    if not is_verified_member(user):
        return public
    return public | Q(visibility=ServiceVisibility.NETWORK, network_id__in=member_network_ids(user))
