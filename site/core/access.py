"""Access keys: one vocabulary for "who may see this", shared by views, feeds and search.

Every item that can be listed outside its own view (a search hit, a feed entry, a
notification) carries one access key saying who may see it. A person may see an item when
the item's key is among `access_keys_for(person)`.
"""

from collections.abc import Callable, Iterable

from typ_site.accounts.roles import is_keha_staff, is_typ_director, is_verified_member
from typ_site.networks.models import Network
from typ_site.networks.selectors import member_network_ids

PUBLIC = "public"
MEMBERS = "members"
STAFF = "staff"
# The networks' TYP directors (`accounts.roles.is_typ_director`) and KEHA staff.
DIRECTORS = "directors"


def network_key(network_id: int) -> str:
    return f"network:{network_id}"


def network_and_staff_key(network_id: int) -> str:
    """The network's approved members, KEHA staff and a superuser (e.g. a local agreement)."""
    return f"network+staff:{network_id}"


def shared_forum_key(forum_id: int) -> str:
    """A forum several networks share: who holds it is the forums app's rule, which gives
    the keys through `register_access_keys`."""
    return f"forum:{forum_id}"


# Apps whose own rule decides some keys (a forum shared by several networks) register a
# function person -> keys here, in their AppConfig.ready().
_key_providers: list[Callable[[object], Iterable[str]]] = []


def register_access_keys(provider: Callable[[object], Iterable[str]]) -> None:
    if provider not in _key_providers:
        _key_providers.append(provider)


def _provided_keys(user) -> set[str]:
    return {key for provider in _key_providers for key in provider(user)}


def sees_everything(user) -> bool:
    """A signed-in, active superuser sees every network's content, as in the forums."""
    return is_verified_member(user) and user.is_superuser


def access_keys_for(user) -> frozenset[str]:
    """The keys a person holds that cost no query beyond the request's own reads (memberships,
    groups): what the calendar and the search filter by."""
    keys = {PUBLIC}
    if sees_everything(user):
        network_ids = list(Network.objects.values_list("pk", flat=True))
        return frozenset(
            {
                PUBLIC,
                MEMBERS,
                STAFF,
                DIRECTORS,
                *(network_key(pk) for pk in network_ids),
                *(network_and_staff_key(pk) for pk in network_ids),
            }
        )
    if is_verified_member(user):
        keys.add(MEMBERS)
        mine = member_network_ids(user)
        keys.update(network_key(network_id) for network_id in mine)
        keys.update(network_and_staff_key(network_id) for network_id in mine)
        if is_keha_staff(user):
            keys.update({STAFF, DIRECTORS})
        elif is_typ_director(user):
            keys.add(DIRECTORS)
    return frozenset(keys)


def search_access_keys_for(user) -> frozenset[str]:
    """`access_keys_for` and the keys that take a query to find, which only the search's
    documents carry: KEHA staff's `network_and_staff_key` of every network, and the keys the
    apps give (`register_access_keys`: the regional forums a person reads)."""
    keys = set(access_keys_for(user))
    if not is_verified_member(user):
        return frozenset(keys)
    if is_keha_staff(user) and not sees_everything(user):
        keys.update(network_and_staff_key(pk) for pk in Network.objects.values_list("pk", flat=True))
    keys.update(_provided_keys(user))
    return frozenset(keys)
