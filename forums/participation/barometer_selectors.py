"""Reads of the TYP barometer: rounds, a person's own answer, and the protected results.

Results are counted in the database (one query for group sizes, one for the answers, for any
number of rounds), and which groups may be shown is decided once for all tables of a round by
`engine.shown_cells`, the same way for every viewer. Nothing here reads who answered.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from typ_site.accounts.models import OrganisationType, Role
from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.networks.selectors import member_network_ids

from . import engine, permissions
from .barometer_models import BarometerBaseline, BarometerItem, BarometerRound
from .models import Ballot, BallotChoice, Poll

# The dimensions of a barometer ballot, in the order of a ballot's key.
ROLE, ORGANISATION, NETWORK = 0, 1, 2
# Every table any page or export shows; their cells are protected together.
TABLES: list[tuple[int, ...]] = [
    (),
    (ROLE,),
    (ORGANISATION,),
    (NETWORK,),
    (ROLE, ORGANISATION),
    (NETWORK, ROLE),
    (NETWORK, ORGANISATION),
]
STEP_LABELS = {
    1: _("Strongly disagree"),
    2: _("Disagree"),
    3: _("Neither agree nor disagree"),
    4: _("Agree"),
    5: _("Strongly agree"),
}
AGREE_STEPS = (4, 5)
CANT_SAY_LABEL = _("Can't say")
# The answers a person chooses from: the five steps and "can't say", which is counted as an
# answer but kept out of the distribution and the shares (`Cell.cant_say`).
ANSWER_LABELS = {**STEP_LABELS, engine.LIKERT_CANT_SAY: CANT_SAY_LABEL}


# --- Rounds -----------------------------------------------------------------------------------


def rounds_for(user) -> list[BarometerRound]:
    """The rounds this person may see, newest first, each poll with `has_voted` (two queries)."""
    if not is_verified_member(user):
        return []
    rounds = list(
        BarometerRound.objects.select_related("poll")
        .annotate(has_voted=Exists(Ballot.objects.filter(poll=OuterRef("poll_id"), voter=user)))
        .order_by("-year")
    )
    for round_ in rounds:
        round_.poll.has_voted = round_.has_voted
        engine.remember_network_ids(round_.poll, ())
    return [round_ for round_ in rounds if permissions.can_see_round(user, round_.poll)]


def round_or_404(user, pk: int) -> BarometerRound:
    """A round by its poll's id. Barometer rounds are national: `open_round` gives them no
    networks, so none are read."""
    round_ = BarometerRound.objects.select_related("poll").filter(poll_id=pk).first()
    if round_ is None:
        raise Http404
    engine.remember_network_ids(round_.poll, ())
    if not permissions.can_see_round(user, round_.poll):
        raise Http404
    return round_


def items_up_to_or_404(user, pk: int) -> tuple[BarometerRound, list[BarometerItem], list[BarometerItem]]:
    """The round (by its poll's id), its statements, and the statements of earlier rounds: one query."""
    year = BarometerRound.objects.filter(poll_id=pk).values("year")[:1]
    items = list(
        BarometerItem.objects.filter(round__year__lte=Subquery(year))
        .select_related("statement", "round__poll", "option")
        .order_by("round__year", "option__position", "pk")
    )
    current = [item for item in items if item.round.poll_id == pk]
    if not current:
        raise Http404
    round_ = current[0].round
    engine.remember_network_ids(round_.poll, ())
    if not permissions.can_see_round(user, round_.poll):
        raise Http404
    return round_, current, [item for item in items if item.round.poll_id != pk]


def items_of(round_: BarometerRound) -> list[BarometerItem]:
    return list(round_.items.select_related("statement").order_by("option__position", "pk"))


def own_answer(user, round_: BarometerRound) -> tuple[Ballot | None, dict[int, int], int | None]:
    """The person's own ballot, {option id: step} and the network it was given for."""
    if not user.is_authenticated:
        return None, {}, None
    # Every barometer ballot has a choice for each statement, so its choices bring it along.
    choices = list(
        BallotChoice.objects.filter(ballot__poll=round_.poll, ballot__voter=user).select_related(
            "ballot__barometer_response"
        )
    )
    if not choices:
        return None, {}, None
    ballot = choices[0].ballot
    response = getattr(ballot, "barometer_response", None)
    steps = {choice.option_id: choice.points for choice in choices}
    return ballot, steps, response.network_id if response else None


def own_answers(ballots: list[dict], choices_of: dict[int, list[dict]]) -> list[dict]:
    """The person's own barometer answers for their own-data export, from the rows of their
    ballots and choices that `exports.participation_export_rows` reads (no query of its own)."""
    return [
        {
            "year": ballot["year"],
            "network": ballot["network"],
            "role": ballot["voter_role"],
            "organisation_type": ballot["voter_organisation_type"],
            "cast_at": ballot["cast_at"].isoformat(),
            "changed_at": ballot["changed_at"].isoformat() if ballot["changed_at"] else None,
            "answers": [
                {
                    "statement": choice["statement"],
                    "step": choice["points"],
                    "step_label": str(ANSWER_LABELS.get(choice["points"], "")),
                }
                for choice in choices_of.get(ballot["id"], [])
            ],
        }
        for ballot in ballots
        if ballot["kind"] == Poll.Kind.BAROMETER
    ]


# --- Results ----------------------------------------------------------------------------------


@dataclass
class Cell:
    """One shown group: its size and, per statement (option id), answers per step and the
    "can't say" answers, which are outside the distribution and its shares."""

    size: int
    counts: dict[int, list[int]] = field(default_factory=dict)
    cant_say_counts: dict[int, int] = field(default_factory=dict)

    def distribution(self, option_id: int) -> list[int]:
        return self.counts.get(option_id, [0, 0, 0, 0, 0])

    def cant_say(self, option_id: int) -> int:
        return self.cant_say_counts.get(option_id, 0)

    def agree_percent(self, option_id: int) -> int | None:
        counts = self.distribution(option_id)
        total = sum(counts)
        return round(100 * (counts[3] + counts[4]) / total) if total else None


@dataclass
class RoundFigures:
    """A round's shown cells, table by table: {table: {cell: Cell}}."""

    ballot_count: int
    tables: dict[tuple[int, ...], dict[tuple, Cell]]

    @property
    def national(self) -> Cell | None:
        return self.tables.get((), {}).get(())

    def cell(self, table: tuple[int, ...], key: tuple) -> Cell | None:
        return self.tables.get(table, {}).get(key)


def figures_of(polls: list[Poll], names: dict | None = None) -> dict[int, RoundFigures]:
    """Shown figures of the rounds: two queries for any number of rounds and answers.

    `names`, when given, is filled with the names of the networks answered for.
    """
    poll_ids = [poll.pk for poll in polls]
    names = {} if names is None else names
    sizes: dict[int, dict[tuple, int]] = {pk: {} for pk in poll_ids}
    fields = ("poll_id", "voter_role", "voter_organisation_type", "barometer_response__network_id")
    for poll_id, role, organisation, network, name, size in (
        Ballot.objects.filter(poll_id__in=poll_ids)
        .values_list(*fields, "barometer_response__network__name")
        .annotate(size=Count("pk"))
        .values_list(*fields, "barometer_response__network__name", "size")
    ):
        names[network] = name
        key = (role, organisation, network)
        sizes[poll_id][key] = sizes[poll_id].get(key, 0) + size
    counts: dict[int, dict[tuple, dict[int, list[int]]]] = {pk: {} for pk in poll_ids}
    for poll_id, role, organisation, network, option_id, step, number in (
        BallotChoice.objects.filter(ballot__poll_id__in=poll_ids)
        .values_list(
            "ballot__poll_id",
            "ballot__voter_role",
            "ballot__voter_organisation_type",
            "ballot__barometer_response__network_id",
            "option_id",
            "points",
        )
        .annotate(number=Count("pk"))
        .values_list(
            "ballot__poll_id",
            "ballot__voter_role",
            "ballot__voter_organisation_type",
            "ballot__barometer_response__network_id",
            "option_id",
            "points",
            "number",
        )
    ):
        if step not in engine.LIKERT_ANSWERS:
            continue
        per_option = counts[poll_id].setdefault((role, organisation, network), {})
        # position 5 (the sixth) holds "can't say"; `_protected` moves it out of the steps
        per_option.setdefault(option_id, [0, 0, 0, 0, 0, 0])[step - 1] += number
    figures = {}
    for poll_id in poll_ids:
        figures[poll_id] = _protected(sizes[poll_id], counts[poll_id])
    return figures


def _protected(sizes: dict[tuple, int], counts: dict[tuple, dict[int, list[int]]]) -> RoundFigures:
    """The shown cells (the same groups whether or not anyone said "can't say": a cell's
    size is its ballots, and every ballot answers every statement)."""
    ballot_count = sum(sizes.values())
    if not engine.totals_may_be_shown(ballot_count):
        return RoundFigures(ballot_count=ballot_count, tables={})
    shown = engine.shown_cells(sizes, TABLES)
    tables: dict[tuple[int, ...], dict[tuple, Cell]] = {}
    for table in TABLES:
        cells: dict[tuple, Cell] = {}
        for key, size in sizes.items():
            cell_key = tuple(key[index] for index in table)
            if cell_key not in shown[table]:
                continue
            cell = cells.setdefault(cell_key, Cell(size=0))
            cell.size += size
            for option_id, steps in counts.get(key, {}).items():
                total = cell.counts.setdefault(option_id, [0, 0, 0, 0, 0])
                for index, number in enumerate(steps[: len(engine.LIKERT_STEPS)]):
                    total[index] += number
                cell.cant_say_counts[option_id] = cell.cant_say(option_id) + sum(
                    steps[len(engine.LIKERT_STEPS) :]
                )
        tables[table] = cells
    return RoundFigures(ballot_count=ballot_count, tables=tables)


def group_label(dimension: int, value, networks: dict[int, str]) -> str:
    if dimension == ROLE:
        return str(dict(Role.choices).get(value, value)) if value else gettext("Role not given")
    if dimension == ORGANISATION:
        return str(dict(OrganisationType.choices).get(value, value)) if value else gettext("Not given")
    if value is None:
        return gettext("No network")
    return networks.get(value, str(value))


def results_context(user, pk: int, now=None) -> dict:
    """Everything the results page shows this person (four queries; 404 when not visible)."""
    now = now or timezone.now()
    round_, items, earlier_items = items_up_to_or_404(user, pk)
    if not permissions.can_see_results(user, round_.poll, now):
        raise Http404
    option_ids = [item.option_id for item in items]
    # Earlier rounds the person may see, for the year-by-year comparison.
    earlier_rounds: dict[int, BarometerRound] = {}
    for item in earlier_items:
        if item.round_id not in earlier_rounds:
            engine.remember_network_ids(item.round.poll, ())
            earlier_rounds[item.round_id] = item.round
    earlier = [
        other for other in earlier_rounds.values() if permissions.can_see_results(user, other.poll, now)
    ]
    networks: dict = {}
    figures = figures_of([round_.poll, *(other.poll for other in earlier)], networks)
    current = figures[round_.poll.pk]
    statement_option = {(item.round_id, item.statement_id): item.option_id for item in earlier_items}
    mine = sorted(member_network_ids(user), key=lambda pk: networks.get(pk, ""))
    staff = is_keha_staff(user)

    def group_table(table, title, keys=None):
        dimension = table[-1]
        cells = current.tables.get(table, {})
        columns = [
            (group_label(dimension, key[-1], networks), cells[key])
            for key in sorted(cells, key=lambda key: group_label(dimension, key[-1], networks))
            if keys is None or key[:-1] == keys
        ]
        hidden = bool(current.tables) and not columns
        rows = [(item, [cell.agree_percent(item.option_id) for _label, cell in columns]) for item in items]
        return {"title": title, "columns": columns, "rows": rows, "hidden": hidden}

    national = current.national
    own_networks = []
    for network_id in mine:
        cell = current.cell((NETWORK,), (network_id,))
        name = networks.get(network_id, "")
        own_networks.append(
            {
                "name": name,
                "chart_id": f"network-{network_id}-chart",
                "role_id": f"network-{network_id}-by-role",
                "organisation_id": f"network-{network_id}-by-organisation",
                "caption": gettext("%(network)s and all of Finland: answers per statement")
                % {"network": name},
                "chart": chart(
                    [
                        (
                            item.statement.text,
                            [
                                (name, cell.distribution(item.option_id)),
                                (
                                    gettext("All of Finland"),
                                    national.distribution(item.option_id) if national else None,
                                ),
                            ],
                        )
                        for item in items
                    ]
                )
                if cell
                else None,
                "cell": cell,
                "by_role": group_table((NETWORK, ROLE), gettext("By role"), keys=(network_id,))
                if cell
                else None,
                "by_organisation": group_table(
                    (NETWORK, ORGANISATION), gettext("By organisation type"), keys=(network_id,)
                )
                if cell
                else None,
                "rows": [
                    (
                        item,
                        [*national.distribution(item.option_id), national.cant_say(item.option_id)]
                        if national
                        else None,
                        [*cell.distribution(item.option_id), cell.cant_say(item.option_id)] if cell else None,
                    )
                    for item in items
                ],
            }
        )
    baselines: dict[tuple[int, str], BarometerBaseline] = {
        (baseline.statement_id, baseline.role): baseline
        for baseline in BarometerBaseline.objects.filter(statement__in=[item.statement_id for item in items])
    }
    years = []
    for item in items:
        row = []
        for other in earlier:
            option_id = statement_option.get((other.pk, item.statement_id))
            cell = figures[other.poll.pk].national
            row.append(cell.agree_percent(option_id) if cell and option_id else None)
        row.append(national.agree_percent(item.option_id) if national else None)
        years.append((item, row))
    role_years = []
    for item in items:
        for role in Role.values:
            baseline = baselines.get((item.statement_id, role))
            if baseline is None:
                continue
            cell = current.cell((ROLE,), (role,))
            role_years.append(
                {
                    "item": item,
                    "role": dict(Role.choices)[role],
                    "baseline": baseline,
                    "baseline_percent": round(
                        100 * (baseline.counts[3] + baseline.counts[4]) / baseline.total
                    )
                    if baseline.total
                    else None,
                    "current": cell,
                    "current_percent": cell.agree_percent(item.option_id) if cell else None,
                }
            )
    return {
        "round": round_,
        "poll": round_.poll,
        "items": items,
        "option_ids": option_ids,
        "figures": current,
        "national": national,
        "national_rows": [
            (
                item,
                national.distribution(item.option_id),
                national.agree_percent(item.option_id),
                national.cant_say(item.option_id),
            )
            for item in items
        ]
        if national
        else [],
        "national_caption": gettext("All answers in Finland per statement"),
        "national_chart": chart(
            [
                (item.statement.text, [(gettext("All of Finland"), national.distribution(item.option_id))])
                for item in items
            ]
        )
        if national
        else None,
        "own_networks": own_networks,
        "by_role": group_table((ROLE,), gettext("By role")),
        "by_organisation": group_table((ORGANISATION,), gettext("By organisation type")),
        "by_network": group_table((NETWORK,), gettext("By network")) if staff else None,
        "earlier_years": [other.year for other in earlier],
        "years": years,
        "role_years": role_years,
        "step_labels": [str(label) for label in STEP_LABELS.values()],
        "cant_say_label": str(CANT_SAY_LABEL),
        "min_group": engine.min_group_size(),
    }


def csv_rows(round_: BarometerRound) -> list[list]:
    """The shown aggregates of a round for the CSV export; hidden groups are left out."""
    items = items_of(round_)
    networks: dict = {}
    figures = figures_of([round_.poll], networks)[round_.poll.pk]
    names = {ROLE: "role", ORGANISATION: "organisation_type", NETWORK: "network"}
    rows = []
    for table in TABLES:
        for key, cell in sorted(figures.tables.get(table, {}).items(), key=repr):
            values = dict(zip(table, key, strict=True))
            described = [
                group_label(dimension, values[dimension], networks) if dimension in values else ""
                for dimension in (ROLE, ORGANISATION, NETWORK)
            ]
            for item in items:
                rows.append(
                    [
                        round_.year,
                        "+".join(names[dimension] for dimension in table) or "national",
                        *described,
                        item.statement.key,
                        item.statement.text,
                        cell.size,
                        *cell.distribution(item.option_id),
                        cell.cant_say(item.option_id),
                    ]
                )
    return rows


# --- Charts -----------------------------------------------------------------------------------


def chart(rows: list[tuple[str, list[tuple[str, list[int] | None]]]]) -> dict:
    """Stacked percentage bars: for each statement one bar per series (national, a network).

    Returns the SVG's height and its rectangles in a 0–100 wide box; every rectangle has a
    title, and the page shows the same counts in a table after the chart.
    """
    rects = []
    y = 0
    for _statement, series in rows:
        for name, counts in series:
            total = sum(counts) if counts else 0
            x = 0.0
            if counts and total:
                for step, number in enumerate(counts, start=1):
                    width = 100 * number / total
                    if width:
                        rects.append(
                            {
                                "step": step,
                                "x": x,
                                "y": y,
                                "width": width,
                                "title": f"{name}: {STEP_LABELS[step]} {number}",
                            }
                        )
                    x += width
            y += 8
        y += 4
    return {"height": max(y, 8), "rects": rects}
