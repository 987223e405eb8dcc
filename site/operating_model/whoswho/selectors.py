"""Reading a network's who's who: its entries by kind, which are past the review interval,
and who may hear of it. Each function costs a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from typ_site.networks.models import Network

from .models import EntryKind, WhosWhoEntry, WhosWhoSettings

DEFAULT_REVIEW_INTERVAL_MONTHS = 12


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day `months` calendar months earlier (the month's last day where it is shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


def review_interval(network: Network) -> int:
    """The network's review interval in months, the default without settings (no query when
    the network was read with `select_related("whoswho_settings")`)."""
    try:
        return network.whoswho_settings.review_interval_months
    except WhosWhoSettings.DoesNotExist:
        return DEFAULT_REVIEW_INTERVAL_MONTHS


def entries_for(user, network: Network, *, whole: bool) -> QuerySet[WhosWhoEntry]:
    """The entries the person may see: all of them, or (`whole` False) the public ones."""
    entries = network.whoswho_entries.select_related("user", "counterpart_user", "confirmed_by", "party")
    return entries if whole else entries.filter(is_public=True)


@dataclass
class WhosWho:
    network: Network
    interval_months: int
    board: list[WhosWhoEntry] = field(default_factory=list)
    pairs: list[WhosWhoEntry] = field(default_factory=list)
    areas: list[WhosWhoEntry] = field(default_factory=list)
    stale_ids: set[int] = field(default_factory=set)

    @property
    def entries(self) -> list[WhosWhoEntry]:
        return [*self.board, *self.pairs, *self.areas]

    @property
    def vacancies(self) -> list[WhosWhoEntry]:
        return [entry for entry in self.entries if entry.is_vacant]

    @property
    def stale_count(self) -> int:
        return len(self.stale_ids)


def whoswho_of(user, network: Network, *, whole: bool, now: datetime.datetime | None = None) -> WhosWho:
    """The network's who's who as the person may see it (one query for the entries)."""
    interval = review_interval(network)
    limit = months_before(now or timezone.now(), interval)
    result = WhosWho(network, interval)
    by_kind = {EntryKind.BOARD: result.board, EntryKind.PAIR: result.pairs, EntryKind.AREA: result.areas}
    for entry in entries_for(user, network, whole=whole):
        by_kind[EntryKind(entry.kind)].append(entry)
        if entry.confirmed_at < limit:
            result.stale_ids.add(entry.pk)
    return result


def entries_naming(user) -> QuerySet[WhosWhoEntry]:
    return WhosWhoEntry.objects.filter(Q(user=user) | Q(counterpart_user=user)).select_related("network")


def networks_with_stale_entries(now: datetime.datetime) -> list[tuple[Network, int, list[WhosWhoEntry]]]:
    """Active networks with entries past their review interval whose admins have not been
    told within the interval: (network, interval, the old entries). Three queries."""
    networks = {network.pk: network for network in Network.objects.filter(is_active=True)}
    settings_of = {s.network_id: s for s in WhosWhoSettings.objects.filter(network_id__in=list(networks))}
    due: dict[int, list[WhosWhoEntry]] = {}
    for entry in WhosWhoEntry.objects.filter(network_id__in=list(networks)).order_by("network_id", "pk"):
        own = settings_of.get(entry.network_id)
        interval = own.review_interval_months if own else DEFAULT_REVIEW_INTERVAL_MONTHS
        if entry.confirmed_at >= months_before(now, interval):
            continue
        if own and own.review_notice_sent_at and own.review_notice_sent_at >= months_before(now, interval):
            continue
        due.setdefault(entry.network_id, []).append(entry)
    result = []
    for network_id, entries in due.items():
        own = settings_of.get(network_id)
        result.append(
            (
                networks[network_id],
                own.review_interval_months if own else DEFAULT_REVIEW_INTERVAL_MONTHS,
                entries,
            )
        )
    return result
