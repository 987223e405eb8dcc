"""Reading the adoption of national decisions: the decisions, each network's statuses, the
national matrix and the reminders. Each function costs a fixed number of queries, however
many networks, decisions and changes there are.

A decision is a live, valid national guidance page or a live, agreed law interpretation, in
the site's first language (a translation shares its original's status), or the national
baseline of the responsibility register (key "baseline", no page).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from knowledge.models import DocumentStatus, GuidancePage, InterpretationStatus, LawInterpretationPage
from knowledge.visibility import visible_pages
from typ_site.core.languages import default_language
from typ_site.networks.models import Network

from .adoption_models import AdoptionReminder, AdoptionState, AdoptionStatus, AdoptionStatusChange

BASELINE_KEY = "baseline"
# A network is not reminded of the same decision twice within this time.
REMINDER_INTERVAL = datetime.timedelta(days=14)


@dataclass(frozen=True)
class Decision:
    key: str  # the page's id, or "baseline"
    page_id: int | None
    title: str
    kind: str
    url: str
    decided_on: datetime.date | None = None


def baseline_decision() -> Decision:
    return Decision(
        BASELINE_KEY,
        None,
        _("National baseline of the division of responsibilities"),
        _("Division of responsibilities"),
        reverse("operating_model:baseline"),
    )


def _page_decision(page, kind: str, decided_on, request) -> Decision:
    return Decision(str(page.pk), page.pk, page.title, kind, page.get_url(request) or "", decided_on)


def national_decisions(user, request=None) -> list[Decision]:
    """Every decision the person may see: guidance (newest in effect first), agreed
    interpretations (newest first), then the baseline. Two queries (and the view restrictions,
    once per request)."""
    language = default_language()
    guidance = visible_pages(
        GuidancePage.objects.filter(locale__language_code=language, status=DocumentStatus.VALID), user
    ).only("pk", "title", "url_path", "effective_date", "path", "depth", "locale_id")
    interpretations = visible_pages(
        LawInterpretationPage.objects.filter(
            locale__language_code=language, status=InterpretationStatus.AGREED
        ),
        user,
    ).only("pk", "title", "url_path", "agreed_on", "path", "depth", "locale_id")
    decisions = [
        _page_decision(page, _("National guidance"), page.effective_date, request)
        for page in guidance.order_by("-effective_date", "title")
    ]
    decisions += [
        _page_decision(page, _("Law interpretation"), page.agreed_on, request)
        for page in interpretations.order_by("-agreed_on", "title")
    ]
    decisions.append(baseline_decision())
    return decisions


def decision_by_key(user, key: str, request=None) -> Decision | None:
    for decision in national_decisions(user, request):
        if decision.key == key:
            return decision
    return None


def original_page_id(page: Page) -> int | None:
    """The id of the page in the site's first language that `page` translates (one query when
    `page` is itself a translation)."""
    if page.locale.language_code == default_language():
        return page.pk
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=default_language())
        .values_list("pk", flat=True)
        .first()
    )


def is_decision_page(page) -> bool:
    if isinstance(page, GuidancePage):
        return page.status == DocumentStatus.VALID
    if isinstance(page, LawInterpretationPage):
        return page.status == InterpretationStatus.AGREED
    return False


def _key(page_id: int | None) -> str:
    return str(page_id) if page_id else BASELINE_KEY


def statuses(network_ids, decisions: list[Decision] | None = None) -> dict[tuple[int, str], AdoptionStatus]:
    """{(network id, decision key): status} of the networks (one query)."""
    rows = AdoptionStatus.objects.filter(network_id__in=list(network_ids)).select_related("updated_by")
    if decisions is not None:
        page_ids = [decision.page_id for decision in decisions if decision.page_id]
        rows = rows.filter(page_id__in=page_ids) | rows.filter(page__isnull=True)
    return {(row.network_id, _key(row.page_id)): row for row in rows}


@dataclass
class Cell:
    network: Network
    decision: Decision
    status: AdoptionStatus | None
    reminded_at: datetime.datetime | None = None

    @property
    def state(self) -> str:
        return self.status.state if self.status else AdoptionState.NOT_HANDLED

    @property
    def label(self) -> str:
        return str(AdoptionState(self.state).label)

    @property
    def awaits(self) -> bool:
        return self.state == AdoptionState.NOT_HANDLED


@dataclass
class MatrixRow:
    decision: Decision
    cells: list[Cell]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def awaiting(self) -> int:
        return self.counts.get(AdoptionState.NOT_HANDLED, 0)

    @property
    def can_remind(self) -> bool:
        """Some network that has not handled it was not reminded lately."""
        return any(cell.awaits and cell.reminded_at is None for cell in self.cells)


@dataclass
class Matrix:
    networks: list[Network]
    rows: list[MatrixRow]
    totals: dict[str, int]
    states: list[tuple[str, str]]


def active_networks() -> QuerySet[Network]:
    return Network.objects.filter(is_active=True).only("pk", "name", "slug", "region").order_by("name")


def recent_reminders(since: datetime.datetime | None = None) -> dict[tuple[int, str], datetime.datetime]:
    """{(network id, decision key): the latest reminder} sent within REMINDER_INTERVAL (one query)."""
    since = since or timezone.now() - REMINDER_INTERVAL
    latest: dict[tuple[int, str], datetime.datetime] = {}
    for network_id, page_id, sent_at in AdoptionReminder.objects.filter(sent_at__gte=since).values_list(
        "network_id", "page_id", "sent_at"
    ):
        key = (network_id, _key(page_id))
        if key not in latest or sent_at > latest[key]:
            latest[key] = sent_at
    return latest


def _counts(cells: list[Cell]) -> dict[str, int]:
    counts = dict.fromkeys(AdoptionState.values, 0)
    for cell in cells:
        counts[cell.state] += 1
    return counts


def national_matrix(user, request=None) -> Matrix:
    """Every decision × every active network, with counts per decision and in all (five queries)."""
    decisions = national_decisions(user, request)
    networks = list(active_networks())
    current = statuses([network.pk for network in networks], decisions)
    reminded = recent_reminders()
    rows = []
    totals = dict.fromkeys(AdoptionState.values, 0)
    for decision in decisions:
        cells = [
            Cell(
                network,
                decision,
                current.get((network.pk, decision.key)),
                reminded.get((network.pk, decision.key)),
            )
            for network in networks
        ]
        counts = _counts(cells)
        for state, count in counts.items():
            totals[state] += count
        rows.append(MatrixRow(decision, cells, counts))
    return Matrix(networks, rows, totals, [(state.value, str(state.label)) for state in AdoptionState])


def network_adoption(user, network: Network, request=None) -> list[Cell]:
    """The network's status of each decision, those awaiting handling first (three queries)."""
    decisions = national_decisions(user, request)
    current = statuses([network.pk], decisions)
    cells = [Cell(network, decision, current.get((network.pk, decision.key))) for decision in decisions]
    return sorted(cells, key=lambda cell: not cell.awaits)


def status_history(network: Network, decision: Decision) -> QuerySet[AdoptionStatusChange]:
    changes = AdoptionStatusChange.objects.filter(network=network).select_related("changed_by")
    if decision.page_id:
        return changes.filter(page_id=decision.page_id)
    return changes.filter(page__isnull=True)


def page_statuses(page_id: int, networks: list[Network]) -> list[Cell]:
    """The status of one decision page in each of the given networks (one query)."""
    rows = {
        row.network_id: row
        for row in AdoptionStatus.objects.filter(page_id=page_id, network__in=[n.pk for n in networks])
    }
    decision = Decision(str(page_id), page_id, "", "", "")
    return [Cell(network, decision, rows.get(network.pk)) for network in networks]
