"""Who belongs to which network. Every membership-based permission starts here.

The memberships are read once per request (`typ_site.core.request_cache`), so a page that
asks several times costs one query.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from typ_site.core.request_cache import per_request

from .models import Membership, Network

# Where the request keeps the person's memberships (`accounts.backends.load_standing` reads them
# with the groups and permissions when it loads the signed-in person).
MEMBERSHIPS_KEY = "networks.roles"


def approved_memberships(user) -> QuerySet[Membership]:
    """The person's approved memberships of active networks: THE rule of who belongs."""
    return Membership.objects.filter(
        user=user.pk, status=Membership.Status.APPROVED, network__is_active=True
    ).order_by()


def _approved_memberships(user) -> dict[int, str]:
    """{network id: role} of the person's approved memberships of active networks."""
    return per_request(
        user,
        MEMBERSHIPS_KEY,
        lambda: dict(approved_memberships(user).values_list("network_id", "role")),
    )


def member_network_ids(user) -> frozenset[int]:
    """Networks the user is an approved member (or admin) of."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return frozenset(_approved_memberships(user))


def admin_network_ids(user) -> frozenset[int]:
    """Networks the user administers."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return frozenset(
        network_id
        for network_id, role in _approved_memberships(user).items()
        if role == Membership.Role.ADMIN
    )


def is_network_member(user, network: Network | int) -> bool:
    network_id = network if isinstance(network, int) else network.pk
    return network_id in member_network_ids(user)


def networks_of(user) -> QuerySet[Network]:
    return Network.objects.filter(pk__in=member_network_ids(user))


def administered_networks(user) -> QuerySet[Network]:
    """The active networks this person administers (a superuser: every active network)."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return Network.objects.filter(is_active=True)
    return Network.objects.filter(pk__in=admin_network_ids(user))


def pending_requests_for_admin(user) -> QuerySet[Membership]:
    """Requests this person may decide: of networks they administer, not their own."""
    return (
        Membership.objects.filter(network__in=administered_networks(user), status=Membership.Status.PENDING)
        .exclude(user=user)
        .select_related("user", "network")
        .order_by("requested_at")
    )


def people_awaiting_role_confirmation(user, *, everyone: bool) -> QuerySet:
    """People whose role change waits, that this person may confirm: everyone's when
    `everyone` (see `permissions.can_confirm_any_role`), otherwise the approved members of the
    networks they administer; never their own."""
    people = get_user_model().objects.filter(is_active=True).exclude(requested_role="").exclude(pk=user.pk)
    if not everyone:
        people = people.filter(
            pk__in=Membership.objects.filter(
                network_id__in=admin_network_ids(user), status=Membership.Status.APPROVED
            ).values("user_id")
        )
    return people.order_by("last_name", "first_name", "email")


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("network").order_by("network__name")
