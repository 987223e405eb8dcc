"""The rules of voting, one function per rule. Priority rounds and story answers share them.

Views, the home page section, results pages and exports all ask these functions; none of
them decides eligibility, openness or visibility on its own.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from typ_site.accounts.roles import is_verified_member
from typ_site.networks.selectors import member_network_ids

from .models import Ballot, Level, Poll, Timing

UPCOMING = "upcoming"
OPEN = "open"
CLOSED = "closed"


# --- Settings ---------------------------------------------------------------------------------


def min_group_size() -> int:
    """Breakdowns show a group only when at least this many voters are in it."""
    return int(getattr(settings, "PARTICIPATION_MIN_GROUP_SIZE", 5))


def story_min_answers() -> int:
    return int(getattr(settings, "PARTICIPATION_STORY_MIN_ANSWERS", 20))


def story_agree_share() -> float:
    return float(getattr(settings, "PARTICIPATION_STORY_AGREE_SHARE", 0.7))


# --- When -------------------------------------------------------------------------------------


def voting_state(poll: Poll, now=None) -> str:
    """UPCOMING before opening, OPEN until closing, CLOSED from the closing moment on."""
    now = now or timezone.now()
    if now < poll.opens_at:
        return UPCOMING
    if poll.closes_at is not None and now >= poll.closes_at:
        return CLOSED
    return OPEN


# --- Who --------------------------------------------------------------------------------------


def eligible_network_ids(poll: Poll) -> frozenset[int]:
    """The networks a poll is restricted to; empty when members of any network may vote.

    Lists of polls load these for all their polls in one query and hand them over with
    `remember_network_ids`; otherwise they are read from the poll (prefetch when checking
    many polls).
    """
    known = getattr(poll, "_eligible_network_ids", None)
    if known is not None:
        return known
    return frozenset(network.pk for network in poll.eligible_networks.all())


def remember_network_ids(poll: Poll, network_ids) -> None:
    """Give a poll loaded for a list its networks, as stored in the database."""
    poll._eligible_network_ids = frozenset(network_ids)


def has_voted(user, poll: Poll) -> bool:
    """Whether the person has a ballot in the poll. Lists of polls annotate `has_voted` for
    the person viewing them (`selectors`), so checking many polls costs no query each."""
    known = getattr(poll, "has_voted", None)
    if known is not None:
        return bool(known)
    if not user.is_authenticated:
        return False
    return Ballot.objects.filter(poll=poll, voter=user).exists()


def in_poll_networks(user, poll: Poll) -> bool:
    network_ids = eligible_network_ids(poll)
    return not network_ids or bool(network_ids & member_network_ids(user))


def is_eligible(user, poll: Poll) -> bool:
    """THE eligibility rule: a verified member, of a chosen role and network if the poll says."""
    if not is_verified_member(user):
        return False
    roles = poll.eligible_roles or []
    if roles and user.role not in roles:
        return False
    return in_poll_networks(user, poll)


# --- Narrowing lists in SQL -------------------------------------------------------------------
# Lists of polls first narrow the rows in the database with these filters and then apply the
# rules above to what is left. Each filter keeps every poll its rule could accept (it may keep
# more, never fewer), so the rules above stay the only judges.


def open_filter(now) -> Q:
    """The polls `voting_state` calls OPEN at `now`."""
    return Q(opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))


def network_filter(user) -> Q:
    """The polls whose network condition (`is_eligible`, `permissions.can_see_round`) this person meets."""
    through = Poll._meta.get_field("eligible_networks").remote_field.through
    restricted = Exists(through.objects.filter(poll_id=OuterRef("pk")))
    mine = member_network_ids(user)
    if not mine:
        return Q(~restricted)
    return Q(~restricted) | Q(Exists(through.objects.filter(poll_id=OuterRef("pk"), network_id__in=mine)))


def check_can_vote(user, poll: Poll, now=None) -> None:
    """Raise a ValidationError with the reason when this person cannot vote now."""
    if not is_eligible(user, poll):
        raise ValidationError(
            _("You are not among the members who may vote in this round."), code="ineligible"
        )
    state = voting_state(poll, now)
    if state == UPCOMING:
        raise ValidationError(
            _("Voting has not opened yet. It opens on %(moment)s.") % {"moment": _local(poll.opens_at)},
            code="not_open",
        )
    if state == CLOSED:
        raise ValidationError(
            _("Voting closed on %(moment)s; ballots can no longer be cast or changed.")
            % {"moment": _local(poll.closes_at)},
            code="closed",
        )


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


# --- What -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What a ballot says about one option."""

    option_id: int
    points: int = 0
    level: str = ""
    timing: str = ""


def answers_without_pick(selections: list[Selection]) -> list[Selection]:
    """Selections that give a level or a timing to an option the voter did not pick.

    A level or a timing qualifies a pick; on its own it is not a vote and is never counted.
    """
    return [
        selection
        for selection in selections
        if selection.points <= 0 and (selection.level or selection.timing)
    ]


def answer_without_pick_message(poll: Poll) -> str:
    if poll.method == Poll.Method.POINTS:
        return _("Give this need points first, or leave its level and timing unanswered.")
    return _("Pick this need first, or leave its level and timing unanswered.")


def check_selections(poll: Poll, option_ids: set[int], selections: list[Selection]) -> list[Selection]:
    """Check a ballot against the poll's method; returns the selections worth storing."""
    stored = []
    seen = set()
    for selection in selections:
        if selection.option_id not in option_ids:
            raise ValidationError(
                _("The ballot contains a choice that is not in this round."), code="foreign_option"
            )
        if selection.option_id in seen:
            raise ValidationError(_("Each option can be chosen only once."), code="duplicate")
        seen.add(selection.option_id)
        if selection.points < 0:
            raise ValidationError(_("Points cannot be negative."), code="negative")
        if selection.level and (not poll.asks_level or selection.level not in Level.values):
            raise ValidationError(_("Unknown level."), code="level")
        if selection.timing and (not poll.asks_timing or selection.timing not in Timing.values):
            raise ValidationError(_("Unknown timing."), code="timing")
        if answers_without_pick([selection]):
            raise ValidationError(answer_without_pick_message(poll), code="answer_without_pick")
        if selection.points:
            stored.append(selection)
    picks = [selection for selection in stored if selection.points > 0]
    if poll.method == Poll.Method.LIKERT:
        return _check_likert(option_ids, picks)
    if poll.method == Poll.Method.POINTS:
        total = sum(selection.points for selection in picks)
        if total > poll.points_total:
            raise ValidationError(
                ngettext(
                    "You gave %(given)d points; at most %(allowed)d point can be distributed.",
                    "You gave %(given)d points; at most %(allowed)d points can be distributed.",
                    poll.points_total,
                )
                % {"given": total, "allowed": poll.points_total},
                code="too_many_points",
            )
    else:
        if any(selection.points > 1 for selection in picks):
            raise ValidationError(_("A pick is worth one vote."), code="points_not_allowed")
        allowed = 1 if poll.method == Poll.Method.SINGLE else poll.max_choices
        if len(picks) > allowed:
            raise ValidationError(
                ngettext(
                    "You picked %(given)d; at most %(allowed)d may be picked.",
                    "You picked %(given)d; at most %(allowed)d may be picked.",
                    allowed,
                )
                % {"given": len(picks), "allowed": allowed},
                code="too_many_picks",
            )
    if not picks:
        raise ValidationError(_("Choose at least one option."), code="empty")
    return stored


# The steps of an agree–disagree (Likert) poll, stored as a choice's points: 1 strongly
# disagree, 2 disagree, 3 neither agree nor disagree, 4 agree, 5 strongly agree.
LIKERT_STEPS = (1, 2, 3, 4, 5)
# "Can't say" (en osaa sanoa), stored as points 6: the statement is answered, but the answer is
# not a step of the scale, so it stays out of the agree–disagree distribution and its shares.
LIKERT_CANT_SAY = 6
LIKERT_ANSWERS = (*LIKERT_STEPS, LIKERT_CANT_SAY)


def _check_likert(option_ids: set[int], picks: list[Selection]) -> list[Selection]:
    """Every statement answered with one step of the scale or "can't say".

    All statements are required so that every statement of a round has the same answerers:
    a group's size is then the same for every statement, and no statement's counts can be
    set against another's to single out one answer.
    """
    if any(selection.points not in LIKERT_ANSWERS for selection in picks):
        raise ValidationError(_("Choose one step of the scale for each statement."), code="likert_step")
    if {selection.option_id for selection in picks} != option_ids:
        raise ValidationError(_("Answer every statement."), code="empty")
    return picks


# --- Results ----------------------------------------------------------------------------------


# --- Anonymity --------------------------------------------------------------------------------

OTHER_GROUPS = "__other__"


def totals_may_be_shown(ballot_count: int) -> bool:
    """Totals (and anything built on them) are shown once at least the minimum group has voted.

    Below it, a round's or a story's totals would give away a ballot (one voter: his exact
    picks, level and timing), so only the number of ballots is shown.
    """
    return ballot_count >= min_group_size()


def shown_groups(sizes: dict[str, int], minimum: int | None = None) -> tuple[list[str], bool]:
    """Which groups of a breakdown may be shown, and whether a combined "other" row may.

    Groups smaller than the minimum are combined into "other". When that combination is
    itself too small (but not empty), the smallest shown group joins it too, so that no
    small group can be worked out by subtracting the shown ones from the total.
    """
    minimum = min_group_size() if minimum is None else minimum
    shown = sorted((key for key, size in sizes.items() if size >= minimum), key=lambda key: (sizes[key], key))
    other = sum(size for key, size in sizes.items() if size < minimum)
    while 0 < other < minimum and shown:
        other += sizes[shown.pop(0)]
    show_other = other >= minimum
    return sorted(shown), show_other


def shown_cells(
    sizes: dict[tuple, int], tables: list[tuple[int, ...]], minimum: int | None = None
) -> dict[tuple[int, ...], set[tuple]]:
    """Which cells of several cross-tabulations of the same ballots may be shown together.

    `sizes` counts ballots by their full key (one value per dimension, e.g. role,
    organisation type, network); each table is a tuple of dimension indexes, () being the
    total. A table's cell is the tuple of its dimensions' values. Returns the shown cells of
    every table.

    A cell is shown only with at least `minimum` ballots. Beyond that, no hidden group may be
    worked out by subtraction: wherever a shown cell (the parent) is split in a finer table,
    the ballots of the hidden parts of the split add up to none or to at least `minimum`;
    otherwise the smallest shown parts are hidden too, and all pairs are checked again until
    nothing changes. The figures of a page are therefore safe against "the shown total minus
    the shown groups" within and across its tables, e.g. the national figures against a
    network's, or a role's against the role in one network.
    """
    minimum = min_group_size() if minimum is None else minimum
    cells: dict[tuple[int, ...], dict[tuple, int]] = {}
    for table in tables:
        counts: dict[tuple, int] = {}
        for key, size in sizes.items():
            cell = tuple(key[index] for index in table)
            counts[cell] = counts.get(cell, 0) + size
        cells[table] = counts
    shown = {
        table: {cell for cell, size in counts.items() if size >= minimum} for table, counts in cells.items()
    }
    pairs = [(parent, child) for parent in tables for child in tables if set(parent) < set(child)]
    changed = True
    while changed:
        changed = False
        for parent, child in pairs:
            positions = [child.index(index) for index in parent]
            parts: dict[tuple, list[tuple]] = {}
            for cell in cells[child]:
                parts.setdefault(tuple(cell[position] for position in positions), []).append(cell)
            for parent_cell in list(shown[parent]):
                children = parts.get(parent_cell, [])
                hidden = sum(cells[child][cell] for cell in children if cell not in shown[child])
                visible = sorted(
                    (cell for cell in children if cell in shown[child]),
                    key=lambda cell: (cells[child][cell], repr(cell)),
                )
                while 0 < hidden < minimum and visible:
                    cell = visible.pop(0)
                    shown[child].discard(cell)
                    hidden += cells[child][cell]
                    changed = True
    return shown


# --- Customer stories -------------------------------------------------------------------------


def agree_share(agree: int, answers: int) -> float | None:
    return agree / answers if answers else None


def is_validated(agree: int, answers: int) -> bool:
    """A story is validated once enough members answered and enough of them agree."""
    share = agree_share(agree, answers)
    return answers >= story_min_answers() and share is not None and share >= story_agree_share()
