"""Reading the adoption of national decisions: the decisions, each network's statuses, the
national matrix and the reminders. Each function costs a fixed number of queries, however
many networks, decisions and changes there are.

A decision is a live, valid national guidance page or a live, agreed law interpretation, in
the site's first language (a translation shares its original's status), or the national
baseline of the responsibility register (key "baseline", no page).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from knowledge.models import DocumentStatus, GuidancePage, InterpretationStatus, LawInterpretationPage
from knowledge.visibility import page_access_key, visible_pages
from typ_site.core.access import MEMBERS, PUBLIC
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


def _all_decision_pages() -> QuerySet[Page]:
    """The live decision pages in the site's first language, with their kind and date."""
    return (
        Page.objects.live()
        .filter(locale__language_code=default_language())
        .filter(
            Q(guidancepage__status=DocumentStatus.VALID)
            | Q(lawinterpretationpage__status=InterpretationStatus.AGREED)
        )
        .annotate(
            effective_date=F("guidancepage__effective_date"),
            agreed_on=F("lawinterpretationpage__agreed_on"),
            is_guidance=Q(guidancepage__isnull=False),
        )
        .only("pk", "title", "url_path", "path", "depth", "locale_id")
    )


def _decision_pages(user):
    """The live decision pages the person may see, in the site's first language, with their
    kind and date (one query, and the view restrictions once per request)."""
    return visible_pages(_all_decision_pages(), user)


def _page_decision(page) -> Decision:
    # The site root paths come from the cache that Wagtail keeps for them, not a query per page.
    url = page.get_url() or ""
    if page.is_guidance:
        return Decision(str(page.pk), page.pk, page.title, _("National guidance"), url, page.effective_date)
    return Decision(str(page.pk), page.pk, page.title, _("Law interpretation"), url, page.agreed_on)


def national_decisions(user) -> list[Decision]:
    """Every decision the person may see: guidance (newest in effect first), agreed
    interpretations (newest first), then the baseline. One query (and the view restrictions,
    once per request)."""
    pages = sorted(_decision_pages(user), key=_decision_order)
    return [_page_decision(page) for page in pages] + [baseline_decision()]


def _decision_order(page):
    return (
        not page.is_guidance,
        -(page.effective_date or page.agreed_on or datetime.date.min).toordinal(),
        page.title,
    )


def decision_by_key(user, key: str) -> Decision | None:
    """One decision by its key (one query for a page, none for the baseline)."""
    if key == BASELINE_KEY:
        return baseline_decision()
    if not key.isdigit():
        return None
    page = _decision_pages(user).filter(pk=int(key)).first()
    return _page_decision(page) if page else None


def decision_for_index(page_id: int | None) -> Decision | None:
    """The decision as the site search holds a network's status of it, or None when the page
    is no decision now (unpublished, no longer valid or agreed, a translation) or stands behind
    a restriction stricter than signing in, which the search keeps out as it keeps out the
    page itself (`search.pages.page_access_key`). Two queries for a page, none for the
    baseline."""
    if page_id is None:
        return baseline_decision()
    page = _all_decision_pages().filter(pk=page_id).first()
    if page is None or page_access_key(page) not in (PUBLIC, MEMBERS):
        return None
    return _page_decision(page)


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
    status: AdoptionStatus | AdoptionStatusChange | None
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


def national_matrix(user) -> Matrix:
    """Every decision × every active network, with counts per decision and in all (five queries)."""
    decisions = national_decisions(user)
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


def _status_annotations(status: QuerySet[AdoptionStatus]) -> dict:
    """The status's fields as annotations of the row that `status` (filtered by OuterRef)
    belongs to: no query of its own."""
    return {
        "adoption_state": Subquery(status.values("state")[:1]),
        "adoption_handled_on": Subquery(status.values("handled_on")[:1]),
        "adoption_reason": Subquery(status.values("deviation_reason")[:1]),
        "adoption_updated_at": Subquery(status.values("updated_at")[:1]),
    }


def _annotated_status(row, network_id: int, page_id: int | None) -> AdoptionStatus | None:
    if not row.adoption_state:
        return None
    return AdoptionStatus(
        network_id=network_id,
        page_id=page_id,
        state=row.adoption_state,
        handled_on=row.adoption_handled_on,
        deviation_reason=row.adoption_reason or "",
        updated_at=row.adoption_updated_at,
    )


def network_with_baseline_status(slug: str) -> QuerySet[Network]:
    """The active network of the slug, with its status of the national baseline annotated
    (for `network_adoption`)."""
    baseline_status = AdoptionStatus.objects.filter(network=OuterRef("pk"), page__isnull=True)
    return Network.objects.filter(is_active=True, slug=slug).annotate(**_status_annotations(baseline_status))


def network_adoption(user, network: Network) -> list[Cell]:
    """The network's status of each decision, those awaiting handling first: two queries (the
    decision pages with the network's statuses, and the view restrictions once per request).
    The baseline's status comes annotated on the network (`network_with_baseline_status`), or
    costs one query more when it is not."""
    page_status = AdoptionStatus.objects.filter(network=network.pk, page=OuterRef("pk"))
    pages = sorted(_decision_pages(user).annotate(**_status_annotations(page_status)), key=_decision_order)
    cells = [
        Cell(network, _page_decision(page), _annotated_status(page, network.pk, page.pk)) for page in pages
    ]
    if not hasattr(network, "adoption_state"):
        network = network_with_baseline_status(network.slug).first() or network
    baseline = _annotated_status(network, network.pk, None) if hasattr(network, "adoption_state") else None
    cells.append(Cell(network, baseline_decision(), baseline))
    return sorted(cells, key=lambda cell: not cell.awaits)


def status_history(network: Network, decision: Decision) -> QuerySet[AdoptionStatusChange]:
    changes = AdoptionStatusChange.objects.filter(network=network).select_related("changed_by")
    if decision.page_id:
        return changes.filter(page_id=decision.page_id)
    return changes.filter(page__isnull=True)


def page_statuses(page_id: int, network_ids) -> list[Cell]:
    """The status of one decision page in each of the given active networks (one query)."""
    status = AdoptionStatus.objects.filter(network=OuterRef("pk"), page_id=page_id)
    networks = (
        Network.objects.filter(pk__in=list(network_ids), is_active=True)
        .only("pk", "name", "slug")
        .annotate(**_status_annotations(status))
        .order_by("name")
    )
    decision = Decision(str(page_id), page_id, "", "", "")
    return [Cell(network, decision, _annotated_status(network, network.pk, page_id)) for network in networks]
