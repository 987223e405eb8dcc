"""Reading the register: the baseline grid, a network's agreement and the national comparison.

Each function costs a fixed number of queries, however many tasks, parties and networks there
are; the views, the exports and the search use them.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from knowledge.models import LawSection
from typ_site.networks.models import Network

from . import baseline_cache
from .models import AgreementCell, BaselineCell, ClientProcessTask, Involvement, LocalAgreement, Party


@dataclass
class Cell:
    """One party's part in one task, as shown: the involvement, its note, and (in an
    agreement) the baseline it was agreed against and the reason it differs."""

    party: Party
    involvement: str
    note: str = ""
    baseline_involvement: str | None = None
    deviation_reason: str = ""

    @property
    def label(self) -> str:
        return str(Involvement(self.involvement).label)

    @property
    def baseline_label(self) -> str:
        return str(Involvement(self.baseline_involvement).label) if self.baseline_involvement else ""

    @property
    def deviates(self) -> bool:
        return self.baseline_involvement is not None and self.involvement != self.baseline_involvement


@dataclass
class Row:
    task: ClientProcessTask
    cells: list[Cell]

    @property
    def deviation_count(self) -> int:
        return sum(cell.deviates for cell in self.cells)


@dataclass
class Register:
    parties: list[Party]
    rows: list[Row] = field(default_factory=list)

    @property
    def deviation_count(self) -> int:
        return sum(row.deviation_count for row in self.rows)


@dataclass
class Baseline:
    """The national baseline, read once: tasks in order, parties in order, and the cells."""

    tasks: list[ClientProcessTask]
    parties: list[Party]
    cells: dict[tuple[int, int], BaselineCell]

    def involvement(self, task_id: int, party_id: int) -> str:
        cell = self.cells.get((task_id, party_id))
        return cell.involvement if cell else Involvement.NONE

    def register(self) -> Register:
        rows = []
        for task in self.tasks:
            cells = []
            for party in self.parties:
                cell = self.cells.get((task.pk, party.pk))
                cells.append(
                    Cell(
                        party,
                        cell.involvement if cell else Involvement.NONE,
                        cell.translated_note if cell else "",
                    )
                )
            rows.append(Row(task, cells))
        return Register(self.parties, rows)


def national_baseline() -> Baseline:
    """The baseline from the shared cache (`baseline_cache`: no query while it is kept), read
    again after KEHA changes it."""
    return baseline_cache.kept_or_read(_read_national_baseline)


def _read_national_baseline() -> Baseline:
    """Four queries: the tasks, their law sections, the parties, the cells."""
    tasks = list(
        ClientProcessTask.objects.prefetch_related(
            Prefetch("law_sections", queryset=LawSection.objects.select_related("statute"))
        )
    )
    parties = list(Party.objects.all())
    cells = {(cell.task_id, cell.party_id): cell for cell in BaselineCell.objects.all()}
    return Baseline(tasks, parties, cells)


def agreement_register(agreement: LocalAgreement, baseline: Baseline) -> Register:
    """The agreement's cells on the baseline's grid (one query). A task or party added to the
    baseline after the agreement shows the baseline, marked as not agreed locally."""
    agreed = {(cell.task_id, cell.party_id): cell for cell in agreement.cells.all()}
    return _register_from_cells(agreed, baseline)


def _register_from_cells(agreed: dict, baseline: Baseline) -> Register:
    rows = []
    for task in baseline.tasks:
        cells = []
        for party in baseline.parties:
            cell = agreed.get((task.pk, party.pk))
            if cell is None:
                cells.append(Cell(party, baseline.involvement(task.pk, party.pk)))
            else:
                cells.append(
                    Cell(
                        party,
                        cell.involvement,
                        cell.note,
                        baseline_involvement=cell.baseline_involvement,
                        deviation_reason=cell.deviation_reason,
                    )
                )
        rows.append(Row(task, cells))
    return Register(baseline.parties, rows)


def agreement_versions_marked(network: Network) -> QuerySet[LocalAgreement]:
    """The network's versions, each with `is_current` (no newer version), in the same query."""
    newer = LocalAgreement.objects.filter(network=OuterRef("network"), version__gt=OuterRef("version"))
    return network.responsibility_agreements.select_related("recorded_by").annotate(is_current=~Exists(newer))


def current_agreement(network: Network) -> LocalAgreement | None:
    return network.responsibility_agreements.select_related("recorded_by").order_by("-version").first()


def agreement_versions(network: Network) -> QuerySet[LocalAgreement]:
    return (
        network.responsibility_agreements.select_related("recorded_by")
        .order_by("-version")
        .only("pk", "network_id", "version", "confirmed_on", "change_note", "recorded_at", "recorded_by")
    )


def active_networks() -> QuerySet[Network]:
    return Network.objects.filter(is_active=True).only("pk", "name", "slug", "region")


@dataclass
class NetworkColumn:
    network: Network
    agreement: LocalAgreement | None


@dataclass
class ComparisonRow:
    task: ClientProcessTask
    baseline: list[Cell]
    networks: list[tuple[NetworkColumn, list[Cell]]]

    @property
    def deviation_count(self) -> int:
        return sum(cell.deviates for _column, cells in self.networks for cell in cells)


@dataclass
class Comparison:
    parties: list[Party]
    columns: list[NetworkColumn]
    rows: list[ComparisonRow]


def national_comparison(baseline: Baseline) -> Comparison:
    """Every active network's current agreement, task by task (two queries beyond the
    baseline's: the networks with their current version annotated, and its cells). A network
    with no agreement yet shows the baseline, marked as such."""
    newest = LocalAgreement.objects.filter(network=OuterRef("pk")).order_by("-version")
    networks = list(
        active_networks().annotate(
            agreement_pk=Subquery(newest.values("pk")[:1]),
            agreement_version=Subquery(newest.values("version")[:1]),
            agreement_confirmed_on=Subquery(newest.values("confirmed_on")[:1]),
        )
    )
    agreements = {
        network.pk: LocalAgreement(
            pk=network.agreement_pk,
            network=network,
            version=network.agreement_version,
            confirmed_on=network.agreement_confirmed_on,
        )
        for network in networks
        if network.agreement_pk is not None
    }
    cells_by_agreement: dict[int, dict] = {}
    for cell in AgreementCell.objects.filter(
        agreement__in=[agreement.pk for agreement in agreements.values()]
    ):
        cells_by_agreement.setdefault(cell.agreement_id, {})[(cell.task_id, cell.party_id)] = cell
    columns = [NetworkColumn(network, agreements.get(network.pk)) for network in networks]
    registers = [
        _register_from_cells(
            cells_by_agreement.get(column.agreement.pk, {}) if column.agreement else {}, baseline
        )
        for column in columns
    ]
    baseline_register = baseline.register()
    rows = []
    for index, baseline_row in enumerate(baseline_register.rows):
        rows.append(
            ComparisonRow(
                baseline_row.task,
                baseline_row.cells,
                [
                    (column, register.rows[index].cells)
                    for column, register in zip(columns, registers, strict=True)
                ],
            )
        )
    return Comparison(baseline.parties, columns, rows)
