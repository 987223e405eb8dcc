from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from typ_site.core.request_cache import forget_per_request

from .models import Membership, Network
from .permissions import can_confirm_role, can_decide_membership
from .signals import membership_decided, membership_requested


def _announce(signal, membership: Membership) -> None:
    transaction.on_commit(lambda: signal.send(sender=Membership, membership=membership))


def request_membership(user, network: Network, message: str = "") -> Membership:
    """A signed-in person asks to join a network; its admins decide."""
    if not network.is_active:
        raise ValidationError(_("This network no longer accepts members."), code="inactive")
    existing = Membership.objects.filter(user=user, network=network).first()
    if existing is not None:
        raise ValidationError(_duplicate_request_message(existing), code="duplicate")
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=user, network=network, message=message.strip())
            _announce(membership_requested, membership)
            return membership
    except IntegrityError as error:
        # A double click raced past the check above: the first request stands.
        raise ValidationError(
            _("You have already asked to join %(network)s.") % {"network": network.name},
            code="duplicate",
        ) from error


def _duplicate_request_message(existing: Membership) -> str:
    network = existing.network.name
    if existing.status == Membership.Status.APPROVED:
        return _("You are already a member of %(network)s.") % {"network": network}
    if existing.status == Membership.Status.PENDING:
        return _("Your request to join %(network)s is waiting for approval.") % {"network": network}
    return _("Your earlier request to join %(network)s was declined. Contact the network's admins.") % {
        "network": network
    }


def _decide(membership: Membership, decided_by, status: str) -> Membership:
    if not can_decide_membership(decided_by, membership):
        raise PermissionDenied(_("Only the network's admins can decide on memberships."))
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        if locked.status != Membership.Status.PENDING:
            raise ValidationError(_("This request has already been decided."), code="decided")
        locked.status = status
        locked.decided_by = decided_by
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_by", "decided_at"])
        _announce(membership_decided, locked)
    forget_per_request(locked.user)
    return locked


def approve_membership(membership: Membership, decided_by) -> Membership:
    return _decide(membership, decided_by, Membership.Status.APPROVED)


def decline_membership(membership: Membership, decided_by) -> Membership:
    return _decide(membership, decided_by, Membership.Status.DECLINED)


def decide_role_change(person, decided_by, *, requested_role: str, confirm: bool):
    """Confirm (or decline) the role a person asked for. `requested_role` is the change the
    decider saw: if the person has changed their request since, nothing is decided."""
    if not can_confirm_role(decided_by, person):
        raise PermissionDenied(_("Only the admins of the person's networks or KEHA can confirm a role."))
    with transaction.atomic():
        locked = get_user_model().objects.select_for_update().get(pk=person.pk)
        if not locked.requested_role:
            raise ValidationError(_("This role change has already been decided."), code="decided")
        if locked.requested_role != requested_role:
            raise ValidationError(
                _("The person has changed the request meanwhile. Check it again."), code="changed"
            )
        fields = ["requested_role"]
        if confirm:
            locked.role = locked.requested_role
            locked.role_confirmed_at = timezone.now()
            locked.role_confirmed_by = decided_by
            fields += ["role", "role_confirmed_at", "role_confirmed_by"]
        locked.requested_role = ""
        locked.save(update_fields=fields)
    return locked


def leave_network(user, network: Network) -> None:
    Membership.objects.filter(user=user, network=network).delete()
    forget_per_request(user)


def add_member(user, network: Network, role: str = Membership.Role.MEMBER) -> Membership:
    """Make someone an approved member directly (demo content, admin tools)."""
    membership, _created = Membership.objects.update_or_create(
        user=user,
        network=network,
        defaults={"role": role, "status": Membership.Status.APPROVED, "decided_at": timezone.now()},
    )
    forget_per_request(user)
    return membership
