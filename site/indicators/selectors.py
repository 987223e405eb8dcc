"""Reading the indicators: every figure leaves here already passed through `disclosure`, so
no view, chart, export or search document sees a hidden count.

Each function reads the definitions in one query and the figures in one more, whatever the
number of networks and periods.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from typ_site.networks.models import Network

from . import disclosure
from .disclosure import Shown
from .models import IndicatorDefinition, IndicatorFigure
from .periods import Period


def definitions(active_only: bool = True) -> list[IndicatorDefinition]:
    queryset: QuerySet[IndicatorDefinition] = IndicatorDefinition.objects.all()
    if active_only:
        queryset = queryset.filter(is_active=True)
    return list(queryset)


def active_networks_queryset() -> QuerySet[Network]:
    return Network.objects.filter(is_active=True).only("pk", "name", "slug")


def active_networks() -> list[Network]:
    return list(active_networks_queryset())


@dataclass
class Series:
    """One definition's shown figures: for the nation or a network, by period."""

    definition: IndicatorDefinition
    periods: list[Period]
    values: dict[Period, Shown] = field(default_factory=dict)

    def row(self) -> list[Shown]:
        return [self.values.get(period, disclosure.MISSING) for period in self.periods]

    @property
    def has_hidden(self) -> bool:
        return any(shown.hidden for shown in self.values.values())


@dataclass
class Comparison:
    """One definition, every network by period, and the national figure."""

    definition: IndicatorDefinition
    periods: list[Period]
    national: Series
    networks: list[tuple[Network, Series]]
    # How many networks reported each period, of how many: a national figure over fewer
    # networks than all says so wherever it is shown.
    reported: dict[Period, int] = field(default_factory=dict)
    network_count: int = 0

    def is_partial(self, period: Period) -> bool:
        return self.reported.get(period, 0) < self.network_count

    def reported_notes(self) -> list[str]:
        """By period: "n of m networks reported" where not all did, "" where all did."""
        return [
            disclosure.reported_text(self.reported.get(period, 0), self.network_count)
            if self.is_partial(period)
            else ""
            for period in self.periods
        ]

    @property
    def latest(self) -> Period | None:
        return self.periods[-1] if self.periods else None

    def latest_by_network(self) -> list[tuple[Network, Shown]]:
        latest = self.latest
        if latest is None:
            return []
        return [(network, series.values.get(latest, disclosure.MISSING)) for network, series in self.networks]


@dataclass
class Indicators:
    definitions: list[IndicatorDefinition]
    networks: list[Network]
    comparisons: list[Comparison]
    has_demo: bool


def _raw_figures(definition_ids, network_ids):
    return IndicatorFigure.objects.filter(
        definition_id__in=definition_ids, network_id__in=network_ids
    ).values_list("definition_id", "network_id", "year", "number", "value", "is_demo")


def indicators(networks: list[Network] | None = None, definition_key: str | None = None) -> Indicators:
    """The figures of the active definitions for `networks` (all active networks when None),
    national totals over the same networks, hidden where they must be."""
    all_definitions = definitions()
    if definition_key is not None:
        all_definitions = [d for d in all_definitions if d.key == definition_key]
    networks = active_networks() if networks is None else networks
    by_definition = {definition.pk: definition for definition in all_definitions}
    raw: dict[int, dict[int, dict[Period, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    has_demo = False
    if by_definition and networks:
        for definition_id, network_id, year, number, value, is_demo in _raw_figures(
            list(by_definition), [network.pk for network in networks]
        ):
            period = Period(year, number, by_definition[definition_id].period_type)
            raw[definition_id][network_id][period] = value
            has_demo = has_demo or is_demo
    comparisons = []
    for definition in all_definitions:
        per_network = raw.get(definition.pk, {})
        periods = sorted({period for values in per_network.values() for period in values})
        national = Series(definition, periods)
        reported = {}
        for period in periods:
            values = [values[period] for values in per_network.values() if period in values]
            national.values[period] = disclosure.national(definition.unit, values)
            reported[period] = len(values)
        rows = []
        for network in networks:
            series = Series(definition, periods)
            for period, value in per_network.get(network.pk, {}).items():
                series.values[period] = disclosure.show(definition.unit, value)
            rows.append((network, series))
        comparisons.append(Comparison(definition, periods, national, rows, reported, len(networks)))
    return Indicators(all_definitions, networks, comparisons, has_demo)


def network_figures(network: Network, definitions_of_type: list[IndicatorDefinition], period: Period):
    """{definition id: value} of one network's stored figures for one period, for the entry
    form (the network's own admins see their own numbers, small ones included)."""
    return dict(
        IndicatorFigure.objects.filter(
            network=network,
            definition__in=definitions_of_type,
            year=period.year,
            number=period.number,
        ).values_list("definition_id", "value")
    )
