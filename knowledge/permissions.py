"""Who may attribute a practice to which network (one rule for the admin and the services).

A practice attributed to a network appears on that network's public page, in its name. A
network's admins attribute practices to the networks they administer; only KEHA staff (and
superusers) attribute them to other networks.
"""

from typ_site.accounts.roles import is_keha_staff
from typ_site.networks.selectors import admin_network_ids


def can_attribute_practice_to(user, network_id: int) -> bool:
    return is_keha_staff(user) or network_id in admin_network_ids(user)


def networks_not_attributable(user, networks) -> list:
    """The networks among `networks` that `user` may not attribute a practice to."""
    return [network for network in networks if not can_attribute_practice_to(user, network.pk)]
