"""Writing the register: a network's admins record a new version of its local agreement."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from typ_site.networks.models import Network

from .models import AgreementCell, LocalAgreement
from .permissions import can_edit_agreement
from .selectors import Baseline


@dataclass(frozen=True)
class AgreedCell:
    task_id: int
    party_id: int
    involvement: str
    note: str = ""
    deviation_reason: str = ""


def record_agreement(
    user,
    network: Network,
    *,
    confirmed_on: datetime.date,
    cells: list[AgreedCell],
    baseline: Baseline,
    change_note: str = "",
) -> LocalAgreement:
    """Save the johtoryhmä's confirmed agreement as the network's next version, whole or not
    at all. Each cell keeps the baseline it was agreed against; a cell that differs from the
    baseline needs a reason. The earlier versions are kept unchanged."""
    if not can_edit_agreement(user, network):
        raise PermissionDenied
    missing = [
        cell
        for cell in cells
        if cell.involvement != baseline.involvement(cell.task_id, cell.party_id)
        and not cell.deviation_reason.strip()
    ]
    if missing:
        raise ValidationError(_("Give a short reason for each deviation from the national baseline."))
    with transaction.atomic():
        # Lock the network's row so that two admins saving at once get consecutive versions.
        Network.objects.select_for_update().filter(pk=network.pk).first()
        latest = network.responsibility_agreements.aggregate(latest=Max("version"))["latest"] or 0
        agreement = LocalAgreement.objects.create(
            network=network,
            version=latest + 1,
            confirmed_on=confirmed_on,
            change_note=change_note,
            recorded_by=user,
        )
        for cell in cells:
            baseline_involvement = baseline.involvement(cell.task_id, cell.party_id)
            deviates = cell.involvement != baseline_involvement
            # save() (not bulk_create): the client-data guard checks every text before writing.
            AgreementCell(
                agreement=agreement,
                task_id=cell.task_id,
                party_id=cell.party_id,
                involvement=cell.involvement,
                baseline_involvement=baseline_involvement,
                note=cell.note.strip(),
                deviation_reason=cell.deviation_reason.strip() if deviates else "",
            ).save()
    return agreement
