"""Keeping the who's who up to date: its admins hear, in the site's notifications, of entries
past the network's review interval (at most once per interval) and of a person who left the
network while entries still name them."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from forums.models import Notification
from typ_site.networks.models import Membership

from .models import WhosWhoEntry, WhosWhoSettings
from .selectors import network_admins, networks_with_stale_entries


def notify_stale_entries(now: datetime.datetime | None = None) -> int:
    """Tell the admins of each network whose entries have not been confirmed within its review
    interval; a network's admins are told again only after another interval. Safe to run
    again. Returns the number of networks whose admins were told."""
    now = now or timezone.now()
    told = 0
    for network, _interval, _entries in networks_with_stale_entries(now):
        event = f"whoswho-review:{network.pk}:{now:%Y%m%d}"
        with transaction.atomic():
            Notification.objects.bulk_create(
                [
                    Notification(
                        recipient=admin,
                        event=event,
                        reason=Notification.Reason.WHOSWHO_REVIEW,
                        network=network,
                    )
                    for admin in network_admins(network.pk)
                ],
                ignore_conflicts=True,
            )
            WhosWhoSettings.objects.update_or_create(network=network, defaults={"review_notice_sent_at": now})
        told += 1
    return told


def notify_person_left(network_id: int, user_id: int) -> int:
    """Tell the network's admins that a person named in its who's who left it, so that they
    update the entries. Returns the number of admins told."""
    actor = get_user_model().objects.filter(pk=user_id).first()
    event = f"whoswho-left:{network_id}:{user_id}:{timezone.now():%Y%m%d}"
    admins = [admin for admin in network_admins(network_id) if admin.pk != user_id]
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=admin,
                event=event,
                reason=Notification.Reason.WHOSWHO_LEFT,
                network_id=network_id,
                actor=actor,
            )
            for admin in admins
        ],
        ignore_conflicts=True,
    )
    return len(admins)


def membership_ending(membership: Membership) -> None:
    """Before an approved membership is deleted: if entries of the network's who's who name the
    person, their admins are told once the deletion commits. Asked before the deletion, since
    deleting the account with it unlinks the entries from the person."""
    if membership.status != Membership.Status.APPROVED:
        return
    network_id, user_id = membership.network_id, membership.user_id
    named = WhosWhoEntry.objects.filter(network_id=network_id).filter(
        Q(user_id=user_id) | Q(counterpart_user_id=user_id)
    )
    if named.exists():
        transaction.on_commit(lambda: notify_person_left(network_id, user_id))
