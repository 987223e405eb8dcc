"""Small counts are never shown: THE rule, used by the pages, the charts, the CSV export and
the search.

A figure that counts people or their actions (`models.COUNT_UNITS`) under the minimum group
size of the participation engine (`PARTICIPATION_MIN_GROUP_SIZE`, 5) is shown as "< 5"; its
number never leaves this module. A national total is a sum over the networks: where the
networks whose counts are hidden add up to a small group, the total would give them away
(the total minus the shown networks), so it is hidden too; and so it is when the hidden
networks other than the largest of them do, since a network's own admins know its figure.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from forums.participation.engine import min_group_size

from .models import COUNT_UNITS, Unit


@dataclass(frozen=True)
class Shown:
    """A figure as it may be shown: `number` is None when it is hidden or missing."""

    number: Decimal | None
    text: str
    hidden: bool = False
    missing: bool = False


MISSING = Shown(None, "–", missing=True)


def hidden_text() -> str:
    return f"< {min_group_size()}"


def is_small_count(unit: str, value: Decimal) -> bool:
    return unit in COUNT_UNITS and value < min_group_size()


def format_number(unit: str, value: Decimal) -> str:
    decimals = 0 if unit in COUNT_UNITS else 1
    text = number_format(value, decimal_pos=decimals, use_l10n=True)
    return f"{text} %" if unit == Unit.PERCENT else text


def show(unit: str, value: Decimal | None) -> Shown:
    if value is None:
        return MISSING
    if is_small_count(unit, value):
        return Shown(None, hidden_text(), hidden=True)
    return Shown(value, format_number(unit, value))


def national(unit: str, values: Iterable[Decimal]) -> Shown:
    """The networks together: a sum, or for shares the mean of the networks that reported.
    Hidden when it would reveal a small group hidden in the networks' own figures."""
    values = list(values)
    if not values:
        return MISSING
    if unit == Unit.PERCENT:
        return show(unit, sum(values, Decimal(0)) / len(values))
    hidden = [value for value in values if is_small_count(unit, value)]
    # Whoever knows one hidden network's figure (its own admins do) subtracts it as well: the
    # other hidden networks must still add up to a group large enough to show. A lone hidden
    # network, even one of 0, is given away by any total.
    if hidden and sum(hidden, Decimal(0)) - max(hidden) < min_group_size():
        return Shown(None, _("hidden"), hidden=True)
    return show(unit, sum(values, Decimal(0)))


def reported_text(reported: int, total: int) -> str:
    """“n of m networks reported”: said beside a national figure that not every network is in,
    so that nobody reads a partial sum as the whole country's."""
    return _("%(reported)s of %(total)s networks reported") % {"reported": reported, "total": total}
