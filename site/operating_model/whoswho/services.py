"""Writing a network's who's who: its admins save, confirm and remove entries and set the
review interval. Saving an entry also confirms it (the admin has just checked it)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from typ_site.networks.models import Network

from .models import WhosWhoEntry, WhosWhoSettings
from .permissions import can_edit_whoswho


def _check(user, network_id: int) -> None:
    if not can_edit_whoswho(user, network_id):
        raise PermissionDenied


def save_entry(user, entry: WhosWhoEntry) -> WhosWhoEntry:
    _check(user, entry.network_id)
    if entry.user is not None and not entry.name:
        entry.name = entry.user.get_full_name()
    if entry.counterpart_user is not None and not entry.counterpart_name:
        entry.counterpart_name = entry.counterpart_user.get_full_name()
    entry.confirmed_at = timezone.now()
    entry.confirmed_by = user
    entry.save()
    return entry


def confirm_entries(user, network: Network, entry_ids=None) -> int:
    """Mark the network's entries (all, or those of `entry_ids`) as still correct today."""
    _check(user, network.pk)
    entries = WhosWhoEntry.objects.filter(network=network)
    if entry_ids is not None:
        entries = entries.filter(pk__in=entry_ids)
    return entries.update(confirmed_at=timezone.now(), confirmed_by=user)


def delete_entry(user, entry: WhosWhoEntry) -> None:
    _check(user, entry.network_id)
    entry.delete()


def set_review_interval(user, network: Network, months: int) -> WhosWhoSettings:
    _check(user, network.pk)
    with transaction.atomic():
        own, _created = WhosWhoSettings.objects.update_or_create(
            network=network, defaults={"review_interval_months": months}
        )
    return own
