"""Writing a network's figures: all of a form or a file in one transaction, or nothing."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from typ_site.networks.models import Network

from .models import COUNT_UNITS, IndicatorDefinition, IndicatorFigure, Unit
from .periods import Period
from .permissions import can_enter_figures

MAX_VALUE = Decimal("9999999999")


@dataclass(frozen=True)
class Entry:
    definition: IndicatorDefinition
    period: Period
    value: Decimal | None  # None: remove the stored figure


def value_error(definition: IndicatorDefinition, value: Decimal) -> str | None:
    """Why a value cannot be a figure of the definition (None: it can): one rule for the form
    and the CSV file."""
    if value < 0:
        return _("The value cannot be negative.")
    if value > MAX_VALUE:
        return _("The value is too large.")
    if definition.unit in COUNT_UNITS and value != value.to_integral_value():
        return _("A count is a whole number.")
    if definition.unit == Unit.PERCENT and value > 100:
        return _("A share is at most 100 %.")
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        return _("Give at most two decimals.")
    return None


def period_error(definition: IndicatorDefinition, period: Period) -> str | None:
    if period.period_type != definition.period_type:
        return _("This indicator is reported by %(period)s.") % {
            "period": definition.get_period_type_display().lower()
        }
    if not period.has_started(timezone.localdate()):
        return _("The period has not started yet.")
    return None


@transaction.atomic
def record_figures(user, network: Network, entries: list[Entry], *, is_demo: bool = False) -> int:
    """Store the entries of one form or file; returns how many figures were stored or removed."""
    if not can_enter_figures(user, network):
        raise PermissionDenied(_("Only the network's admins enter its figures."))
    for entry in entries:
        error = (
            value_error(entry.definition, entry.value) if entry.value is not None else None
        ) or period_error(entry.definition, entry.period)
        if error:
            raise ValidationError(f"{entry.definition.name}, {entry.period.label}: {error}")
    changed = 0
    for entry in entries:
        key: dict[str, Any] = {
            "definition": entry.definition,
            "network": network,
            "year": entry.period.year,
            "number": entry.period.number,
        }
        if entry.value is None:
            deleted, _details = IndicatorFigure.objects.filter(**key).delete()
            changed += deleted
            continue
        IndicatorFigure.objects.update_or_create(
            **key,
            defaults={
                "value": entry.value,
                "is_demo": is_demo,
                "entered_by": user,
            },
        )
        changed += 1
    return changed
