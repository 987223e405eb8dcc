"""Keeping the who's who up to date: its admins hear, in the site's notifications, of entries
past the network's review interval (at most once per interval) and of a person who left the
network while entries still name them. The notice goes out as the networks' signal
`network_admins_notice`; the forums' notifications receive it."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from typ_site.networks.models import Membership
from typ_site.networks.signals import network_admins_notice

from .models import WhosWhoEntry, WhosWhoSettings
from .selectors import networks_with_stale_entries

# The notification reasons (forums.models.Notification.Reason) these notices use.
REVIEW_REASON = "whoswho_review"
LEFT_REASON = "whoswho_left"


def _notice(network_id: int, reason: str, event: str, actor_id: int | None = None) -> int:
    responses = network_admins_notice.send(
        sender=WhosWhoEntry, network_id=network_id, reason=reason, event=event, actor_id=actor_id
    )
    told = 0
    for _receiver, response in responses:
        if isinstance(response, int):
            told += response
    return told


def notify_stale_entries(now: datetime.datetime | None = None) -> int:
    """Tell the admins of each network whose entries have not been confirmed within its review
    interval; a network's admins are told again only after another interval. Safe to run
    again. Returns the number of networks whose admins were told."""
    now = now or timezone.now()
    told = 0
    for network, _interval, _entries in networks_with_stale_entries(now):
        with transaction.atomic():
            _notice(network.pk, REVIEW_REASON, f"whoswho-review:{network.pk}:{now:%Y%m%d}")
            WhosWhoSettings.objects.update_or_create(network=network, defaults={"review_notice_sent_at": now})
        told += 1
    return told


def notify_person_left(network_id: int, user_id: int) -> int:
    """Tell the network's admins that a person named in its who's who left it, so that they
    update the entries. Returns the number of admins told."""
    event = f"whoswho-left:{network_id}:{user_id}:{timezone.now():%Y%m%d}"
    return _notice(network_id, LEFT_REASON, event, actor_id=user_id)


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
