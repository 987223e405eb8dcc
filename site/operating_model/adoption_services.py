"""Writing the adoption of national decisions: a network's admins set its status of a decision;
KEHA staff remind the networks that have not handled one."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from typ_site.networks.models import Network

from .adoption_models import AdoptionReminder, AdoptionState, AdoptionStatus, AdoptionStatusChange
from .adoption_permissions import can_follow_adoption, can_set_adoption
from .adoption_selectors import Decision, active_networks, recent_reminders, statuses


def set_adoption_status(
    user,
    network: Network,
    decision: Decision,
    *,
    state: str,
    handled_on: datetime.date | None = None,
    deviation_reason: str = "",
) -> AdoptionStatus:
    """Save the network's status of the decision and keep the change in its history.

    "Handled by the johtoryhmä" needs the date; "in use with a deviation" needs a reason. A
    reason is kept only with a deviation."""
    if not can_set_adoption(user, network):
        raise PermissionDenied
    if state not in AdoptionState.values:
        raise ValidationError(_("Choose a status."))
    deviation_reason = deviation_reason.strip() if state == AdoptionState.DEVIATION else ""
    if state == AdoptionState.HANDLED and handled_on is None:
        raise ValidationError(_("Give the date the johtoryhmä handled the decision."))
    if state == AdoptionState.DEVIATION and not deviation_reason:
        raise ValidationError(_("Give a short reason for the deviation."))
    if state == AdoptionState.NOT_HANDLED:
        handled_on = None
    if handled_on and handled_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))
    with transaction.atomic():
        existing = AdoptionStatus.objects.select_for_update().filter(network=network)
        if decision.page_id is None:
            existing = existing.filter(page__isnull=True)
        else:
            existing = existing.filter(page_id=decision.page_id)
        status = existing.first() or AdoptionStatus(network=network, page_id=decision.page_id)
        status.state = state
        status.handled_on = handled_on
        status.deviation_reason = deviation_reason
        status.updated_by = user
        # save() (not bulk or update()): the client-data guard checks every text before writing.
        status.save()
        AdoptionStatusChange(
            network=network,
            page_id=decision.page_id,
            state=state,
            handled_on=handled_on,
            deviation_reason=deviation_reason,
            changed_by=user,
        ).save()
    return status


def networks_to_remind(decision: Decision) -> list[Network]:
    """The active networks that have not handled the decision and were not reminded of it
    within REMINDER_INTERVAL."""
    networks = list(active_networks())
    current = statuses([network.pk for network in networks], [decision])
    reminded = recent_reminders()
    return [
        network
        for network in networks
        if (network.pk, decision.key) not in reminded
        and (
            (network.pk, decision.key) not in current
            or current[(network.pk, decision.key)].state == AdoptionState.NOT_HANDLED
        )
    ]


def remind_networks(user, decision: Decision) -> list[AdoptionReminder]:
    """Remind every network that has not handled the decision (and was not reminded lately):
    its admins get a notification on the site, and an e-mail as their settings say (the forums'
    notifications, which hear of each new reminder after commit)."""
    if not can_follow_adoption(user):
        raise PermissionDenied
    reminders = []
    with transaction.atomic():
        for network in networks_to_remind(decision):
            reminder = AdoptionReminder.objects.create(
                network=network, page_id=decision.page_id, sent_by=user
            )
            reminders.append(reminder)
    return reminders
