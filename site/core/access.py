"""Access keys: one vocabulary for "who may see this", shared by views, feeds and search.

Every item that can be listed outside its own view (a search hit, a feed entry, a
notification) carries one access key saying who may see it. A person may see an item when
the item's key is among `access_keys_for(person)`.
"""

from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.networks.models import Network
from typ_site.networks.selectors import member_network_ids

PUBLIC = "public"
MEMBERS = "members"
STAFF = "staff"


def network_key(network_id: int) -> str:
    return f"network:{network_id}"


def sees_everything(user) -> bool:
    """A signed-in, active superuser sees every network's content, as in the forums."""
    return is_verified_member(user) and user.is_superuser


def access_keys_for(user) -> frozenset[str]:
    keys = {PUBLIC}
    if sees_everything(user):
        network_ids = Network.objects.values_list("pk", flat=True)
        return frozenset({PUBLIC, MEMBERS, STAFF, *(network_key(pk) for pk in network_ids)})
    if is_verified_member(user):
        keys.add(MEMBERS)
        keys.update(network_key(network_id) for network_id in member_network_ids(user))
        if is_keha_staff(user):
            keys.add(STAFF)
    return frozenset(keys)
