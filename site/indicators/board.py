"""The johtoryhmä's make-up: a structural indicator counted from who's who, never typed in.

Each network's johtoryhmä seats (who's who entries of the johtoryhmä kind) are counted by the
party of the client process each seat belongs to (`operating_model.Party`: the employment
authority, the wellbeing services county's social work and health care, Kela, the
municipality), seats of no party as "other", and vacant seats on their own. The counts follow
who's who's visibility: a reader who may see a network's whole who's who has all its seats
counted, anyone else only its public entries. Only numbers of seats leave here, never a name.

A seat count is not a count of clients: the small-count rule (`disclosure`) protects clients
and is not applied here; who's who's own visibility protects the entries.

One query, the networks read together with their counted seats (the parties come with the
national baseline from the shared cache), whatever the number of networks and entries.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, FilteredRelation, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from typ_site.networks.models import Network
from typ_site.operating_model.selectors import national_baseline
from typ_site.operating_model.whoswho.models import EntryKind
from typ_site.operating_model.whoswho.permissions import can_view_whole_whoswho

KEY = "johtoryhma"
NAME = gettext_lazy("Make-up of the johtoryhmä")
UNIT = gettext_lazy("seats")
OTHER = "other"
VACANT = "vacant"


@dataclass(frozen=True)
class Column:
    key: str  # the party's key, OTHER or VACANT
    label: str


@dataclass
class Row:
    """One network's seats by column (the columns' order), and whether only its public
    entries were counted for this reader."""

    network: Network | None
    label: str
    counts: list[int]
    public_only: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class BoardMakeup:
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)  # one per network
    national: Row | None = None
    date: datetime.date = field(default_factory=timezone.localdate)  # the day counted

    @property
    def has_public_only(self) -> bool:
        return any(row.public_only for row in self.rows) or bool(self.national and self.national.public_only)

    @property
    def networks(self) -> list[Network]:
        return [row.network for row in self.rows if row.network is not None]

    @property
    def reported(self) -> int:
        """The networks with at least one seat counted."""
        return sum(1 for row in self.rows if row.total)


def _vacant(prefix: str) -> Q:
    """`WhosWhoEntry.is_vacant` for a johtoryhmä seat, in SQL: nobody named."""
    return Q(**{f"{prefix}name": ""}) & (
        Q(**{f"{prefix}user__isnull": True}) | Q(**{f"{prefix}user__is_removed": True})
    )


def _column_filter(column: Column, party_ids: dict[str, int]) -> Q:
    vacant = _vacant("board__")
    if column.key == VACANT:
        return vacant
    if column.key == OTHER:
        return Q(board__party__isnull=True) & ~vacant
    return Q(board__party_id=party_ids[column.key]) & ~vacant


def board_makeup(user, networks: QuerySet[Network]) -> BoardMakeup:
    """The make-up of the johtoryhmä of `networks` (read here, in the same query as their
    seats: each network with two counts per column, all its seats and its public ones)."""
    parties = national_baseline().parties  # kept in the shared cache: no query while kept
    columns = [Column(party.key, party.abbreviation) for party in parties]
    columns += [Column(OTHER, _("Other")), Column(VACANT, _("Vacant"))]
    party_ids = {party.key: party.pk for party in parties}
    annotations = {}
    for position, column in enumerate(columns):
        where = _column_filter(column, party_ids)
        annotations[f"board_{position}_all"] = Count("board", filter=where)
        annotations[f"board_{position}_public"] = Count("board", filter=where & Q(board__is_public=True))
    counted = networks.annotate(
        board=FilteredRelation("whoswho_entries", condition=Q(whoswho_entries__kind=EntryKind.BOARD))
    ).annotate(**annotations)
    rows = []
    for network in counted:
        whole = can_view_whole_whoswho(user, network)
        suffix = "all" if whole else "public"
        counts = [getattr(network, f"board_{position}_{suffix}") for position in range(len(columns))]
        rows.append(Row(network, network.name, counts, public_only=not whole))
    national = Row(
        None,
        _("All networks"),
        [sum(row.counts[position] for row in rows) for position in range(len(columns))],
        public_only=any(row.public_only for row in rows),
    )
    return BoardMakeup(columns, rows, national)
