from functools import partial

from django.db import transaction

from .notifications import create_network_notifications
from .services import forget_person
from .tasks import (
    deliver_adoption_reminder_notifications,
    deliver_membership_decision_notification,
    deliver_membership_request_notifications,
)


def forget_removed_account(sender, user, **kwargs):
    """Follows, notifications, reactions and feed addresses end with the account."""
    forget_person(user)


def tell_admins_of_membership_request(sender, membership, **kwargs):
    deliver_membership_request_notifications.enqueue(membership.pk)


def tell_applicant_of_decision(sender, membership, **kwargs):
    deliver_membership_decision_notification.enqueue(membership.pk)


def tell_admins_of_network_notice(sender, network_id, reason, event, actor_id=None, **kwargs):
    return create_network_notifications(network_id, reason, event, actor_id)


def tell_admins_of_adoption_reminder(sender, instance, created, **kwargs):
    """KEHA reminded a network to handle a national decision: tell its admins after commit."""
    if created:
        transaction.on_commit(partial(deliver_adoption_reminder_notifications.enqueue, instance.pk))
