"""Reads of participation: rounds a person may see, their own ballot, and the results.

Results are computed in the database (aggregates and a window function for the ranking), so
a results page costs the same number of queries for ten ballots and for a thousand. Result
functions never read who voted: only the role and organisation type copied onto ballots.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value, Window
from django.db.models.functions import Coalesce, Rank
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from typ_site.accounts.models import OrganisationType, Role
from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.core.sql import JoinedIds, ids_of

from . import engine, permissions
from .models import (
    THEME_ORDER,
    Ballot,
    BallotChoice,
    DevelopmentNeed,
    Level,
    Poll,
    PollOption,
    StoryAnswer,
    Timing,
    VotingRound,
)

# --- Rounds -----------------------------------------------------------------------------------


def _rounds() -> QuerySet[VotingRound]:
    return VotingRound.objects.prefetch_related("eligible_networks")


def _with_network_ids(polls: QuerySet) -> QuerySet:
    """The polls with their networks' ids in the same query (`eligible_network_ids`, read back
    by `_remember_network_ids`), without loading the networks themselves."""
    through = Poll._meta.get_field("eligible_networks").remote_field.through
    ids = (
        through.objects.filter(poll_id=OuterRef("pk"))
        .values("poll_id")
        .annotate(ids=JoinedIds("network_id"))
        .values("ids")
    )
    return polls.annotate(eligible_network_ids=Subquery(ids))


def _remember_network_ids(polls: list[Poll]) -> None:
    for poll in polls:
        engine.remember_network_ids(poll, ids_of(poll.eligible_network_ids))


def _round_rows(user, *conditions: Q) -> list[VotingRound]:
    """Rounds matching the conditions, newest first, each with `has_voted` (one query)."""
    polls = list(
        _with_network_ids(VotingRound.objects.filter(*conditions))
        .annotate(has_voted=Exists(Ballot.objects.filter(poll=OuterRef("pk"), voter=user)))
        .order_by("-opens_at", "pk")
    )
    _remember_network_ids(polls)
    return polls


def rounds_for(user) -> list[VotingRound]:
    """Rounds this person may see (`permissions.can_see_round`), each with `has_voted`.

    Closed rounds stay listed for their results. Rounds of other networks are left out in
    SQL already, so the rule only judges rounds that it may show.
    """
    return _visible_rounds(user)


def _visible_rounds(user, *conditions: Q) -> list[VotingRound]:
    if not is_verified_member(user):
        return []
    if not is_keha_staff(user):
        conditions = (*conditions, engine.network_filter(user))
    return [poll for poll in _round_rows(user, *conditions) if permissions.can_see_round(user, poll)]


def open_rounds_for(user, now=None) -> list[VotingRound]:
    """Open rounds this person may vote in, each with `has_voted`.

    SQL keeps only the rounds open now in the person's networks, so the cost does not grow
    with closed, coming or other networks' rounds; the rules then judge what is left.
    """
    if not is_verified_member(user):
        return []
    now = now or timezone.now()
    return [
        poll
        for poll in _round_rows(user, engine.open_filter(now), engine.network_filter(user))
        if engine.voting_state(poll, now) == engine.OPEN
        and permissions.can_see_round(user, poll)
        and engine.is_eligible(user, poll)
    ]


def polls_to_answer(user, now=None, limit: int = 5) -> list[Poll]:
    """Open priority rounds and customer-story validations this person may answer and has not
    answered yet, those closing first first (each rule as in `open_rounds_for`; a story's poll
    only while its page is published). One query."""
    if not is_verified_member(user):
        return []
    now = now or timezone.now()
    polls = list(
        _with_network_ids(Poll.objects.filter(engine.open_filter(now), engine.network_filter(user)))
        .exclude(Exists(Ballot.objects.filter(poll=OuterRef("pk"), voter=user)))
        .exclude(kind=Poll.Kind.STORY, subject_page__live=False)
        .exclude(kind=Poll.Kind.STORY, subject_page__isnull=True)
        .select_related("subject_page")
        .order_by(F("closes_at").asc(nulls_last=True), "-opens_at", "pk")
    )
    _remember_network_ids(polls)
    return [
        poll
        for poll in polls
        if engine.voting_state(poll, now) == engine.OPEN
        and (poll.kind == Poll.Kind.STORY or permissions.can_see_round(user, poll))
        and engine.is_eligible(user, poll)
    ][:limit]


def round_for_user_or_404(user, pk: int) -> VotingRound:
    poll = _rounds().filter(pk=pk).first()
    if poll is None or not permissions.can_see_round(user, poll):
        raise Http404
    return poll


def options_of(poll: Poll) -> QuerySet[PollOption]:
    return poll.options.select_related("need").prefetch_related("need__themes").order_by("position", "pk")


def ballot_of(user, poll: Poll) -> Ballot | None:
    """The person's own ballot with its choices (only ever shown to that person)."""
    if not user.is_authenticated:
        return None
    return (
        Ballot.objects.filter(poll=poll, voter=user)
        .prefetch_related(Prefetch("choices", queryset=BallotChoice.objects.order_by("pk")))
        .first()
    )


# --- Results ----------------------------------------------------------------------------------


@dataclass
class OptionResult:
    option_id: int
    label: str
    key: str
    need_id: int | None
    themes: list
    total: int
    voters: int
    rank: int
    tied: bool = False
    levels: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    share_of_max: float = 0.0

    @property
    def bar_width(self) -> float:
        """The bar's length in percent of the longest bar (for the chart)."""
        return round(self.share_of_max * 100, 1)


@dataclass
class Breakdown:
    dimension: str
    label: str | Promise  # translated when shown
    groups: list  # [(key, label, size)]
    rows: list  # [(OptionResult, [value per group])]
    hidden: bool  # some groups were combined or left out


@dataclass
class Results:
    poll: Poll
    ballot_count: int
    options: list[OptionResult]
    breakdowns: list[Breakdown] = field(default_factory=list)
    # False below the minimum group (`engine.totals_may_be_shown`): options and breakdowns
    # are then empty and only the number of ballots is known.
    totals_shown: bool = True

    @property
    def maximum(self) -> int:
        return max((option.total for option in self.options), default=0)

    @property
    def ties(self) -> list[list[OptionResult]]:
        by_rank: dict[int, list] = {}
        for option in self.options:
            by_rank.setdefault(option.rank, []).append(option)
        return [group for group in by_rank.values() if len(group) > 1 and group[0].total > 0]


def _theme_slugs_of_needs(need_ids: list[int]) -> dict[int, list[str]]:
    """One query: the theme slugs of each need, in the themes' own order."""
    through = DevelopmentNeed.themes.through
    found: dict[int, list[str]] = {}
    rows = through.objects.filter(developmentneed_id__in=need_ids).values_list(
        "developmentneed_id", "tag__slug"
    )
    for need_id, slug in rows:
        if slug in THEME_ORDER:
            found.setdefault(need_id, []).append(slug)
    return {need_id: sorted(slugs, key=THEME_ORDER.__getitem__) for need_id, slugs in found.items()}


def _option_tallies(poll: Poll) -> list[OptionResult]:
    """One query: every option's totals, counts of level and timing answers, and its rank."""
    annotations = {
        "total": Coalesce(Sum("choices__points"), Value(0)),
        "voters": Count("choices", filter=Q(choices__points__gt=0)),
    }
    # A level or a timing counts only beside a pick: answers stored for unpicked needs (before
    # the ballot refused them) are not votes.
    picked = Q(choices__points__gt=0)
    for level in Level.values:
        annotations[f"level_{level}"] = Count("choices", filter=picked & Q(choices__level=level))
    for timing in Timing.values:
        annotations[f"timing_{timing}"] = Count("choices", filter=picked & Q(choices__timing=timing))
    rows = (
        PollOption.objects.filter(poll=poll)
        .annotate(**annotations)
        .annotate(rank=Window(expression=Rank(), order_by=F("total").desc()))
        .values(
            "pk",
            "key",
            "need_id",
            "need__title",
            "total",
            "voters",
            "rank",
            *[f"level_{level}" for level in Level.values],
            *[f"timing_{timing}" for timing in Timing.values],
        )
        .order_by("rank", "position", "pk")
    )
    rows = list(rows)
    themes = _theme_slugs_of_needs([row["need_id"] for row in rows if row["need_id"]])
    answer_labels = dict(StoryAnswer.choices)
    results = [
        OptionResult(
            option_id=row["pk"],
            label=row["need__title"] or str(answer_labels.get(row["key"], row["key"])),
            key=row["key"],
            need_id=row["need_id"],
            themes=themes.get(row["need_id"], []),
            total=row["total"],
            voters=row["voters"],
            rank=row["rank"],
            levels={level: row[f"level_{level}"] for level in Level.values},
            timings={timing: row[f"timing_{timing}"] for timing in Timing.values},
        )
        for row in rows
    ]
    ranks = [result.rank for result in results]
    maximum = max((result.total for result in results), default=0)
    for result in results:
        result.tied = ranks.count(result.rank) > 1
        result.share_of_max = result.total / maximum if maximum else 0.0
    return results


DIMENSIONS = {
    "voter_role": (Role, _("By role")),
    "voter_organisation_type": (OrganisationType, _("By organisation type")),
}


def _breakdown(poll: Poll, dimension: str, options: list[OptionResult]) -> Breakdown:
    """Totals per group, showing only groups large enough to stay anonymous (two queries)."""
    choices_class, label = DIMENSIONS[dimension]
    sizes = dict(
        Ballot.objects.filter(poll=poll)
        .values_list(dimension)
        .annotate(size=Count("pk"))
        .values_list(dimension, "size")
    )
    shown, show_other = engine.shown_groups(sizes)
    if not shown and not show_other:
        return Breakdown(dimension=dimension, label=label, groups=[], rows=[], hidden=bool(sizes))
    group_of = {key: key if key in shown else engine.OTHER_GROUPS for key in sizes}
    totals: dict[tuple[int, str], int] = {}
    for option_id, key, total in (
        BallotChoice.objects.filter(ballot__poll=poll)
        .values_list("option_id", f"ballot__{dimension}")
        .annotate(total=Sum("points"))
        .values_list("option_id", f"ballot__{dimension}", "total")
    ):
        group = group_of.get(key, engine.OTHER_GROUPS)
        totals[(option_id, group)] = totals.get((option_id, group), 0) + (total or 0)
    labels = dict(choices_class.choices)
    groups = [(key, str(labels.get(key, key)) if key else gettext("Not given"), sizes[key]) for key in shown]
    if show_other:
        other_size = sum(size for key, size in sizes.items() if key not in shown)
        groups.append((engine.OTHER_GROUPS, gettext("Other groups combined"), other_size))
    rows = [
        (option, [totals.get((option.option_id, key), 0) for key, _l, _s in groups]) for option in options
    ]
    hidden = show_other or len(shown) < len(sizes)
    return Breakdown(dimension=dimension, label=label, groups=groups, rows=rows, hidden=hidden)


def results_of(poll: Poll, *, dimensions=tuple(DIMENSIONS)) -> Results:
    """The poll's results. The caller must have asked `permissions.can_see_results` first.

    Below the minimum group only the number of ballots is read (`totals_shown` is False).
    """
    ballot_count = Ballot.objects.filter(poll=poll).count()
    if not engine.totals_may_be_shown(ballot_count):
        return Results(poll=poll, ballot_count=ballot_count, options=[], totals_shown=False)
    options = _option_tallies(poll)
    results = Results(poll=poll, ballot_count=ballot_count, options=options)
    results.breakdowns = [_breakdown(poll, dimension, options) for dimension in dimensions]
    return results


# --- Customer stories -------------------------------------------------------------------------


@dataclass
class StorySummary:
    answers: int = 0
    agree: int = 0
    disagree: int = 0
    cant_say: int = 0

    @property
    def agree_share(self) -> float | None:
        return engine.agree_share(self.agree, self.answers)

    @property
    def agree_percent(self) -> int | None:
        share = self.agree_share
        return None if share is None else round(share * 100)

    @property
    def validated(self) -> bool:
        return engine.is_validated(self.agree, self.answers)

    @property
    def totals_shown(self) -> bool:
        """Below the minimum group only the number of answers is shown."""
        return engine.totals_may_be_shown(self.answers)


def story_summaries(page_ids) -> dict[int, StorySummary]:
    """Answer counts of many stories in one query (pages without answers get zeros)."""
    return _answer_summaries("ballot__poll__subject_page_id", page_ids)


def answer_summaries(poll_ids) -> dict[int, StorySummary]:
    """Agree / disagree / can't say counts of many polls in one query, by poll (criterion
    statements are counted exactly as customer stories are)."""
    return _answer_summaries("ballot__poll_id", poll_ids)


def _answer_summaries(key_field: str, ids) -> dict[int, StorySummary]:
    summaries = {pk: StorySummary() for pk in ids}
    if not summaries:
        return summaries
    rows = (
        BallotChoice.objects.filter(**{f"{key_field}__in": list(summaries)}, points__gt=0)
        .values_list(key_field, "option__key")
        .annotate(count=Count("pk"))
        .values_list(key_field, "option__key", "count")
    )
    for page_id, key, count in rows:
        summary = summaries[page_id]
        if key in (StoryAnswer.AGREE, StoryAnswer.DISAGREE, StoryAnswer.CANT_SAY):
            setattr(summary, key, count)
            summary.answers += count
    return summaries


def story_poll_of(page) -> Poll | None:
    return Poll.objects.filter(subject_page_id=page.pk).prefetch_related("eligible_networks").first()


def summary_from(results: Results) -> StorySummary:
    summary = StorySummary()
    for option in results.options:
        if option.key in StoryAnswer.values:
            setattr(summary, option.key, option.total)
            summary.answers += option.total
    return summary


def story_context(page, user, now=None) -> dict:
    """What a customer story page shows about its answers to this person."""
    poll = story_poll_of(page)
    context: dict[str, object] = {
        "story_poll": poll,
        "story_answer_choices": StoryAnswer.choices,
        "story_min_answers": engine.story_min_answers(),
        "story_agree_percent": round(engine.story_agree_share() * 100),
        "story_min_group": engine.min_group_size(),
        "story_can_answer": False,
        "story_results": None,
        "story_summary": None,
        "story_by_role": None,
        "story_my_ballot": None,
        "story_my_answer": "",
    }
    if poll is None:
        # Every story gets its poll when saved; without one nobody has answered yet.
        context["story_can_answer"] = is_verified_member(user)
        return context
    state = engine.voting_state(poll, now)
    context["story_state"] = state
    context["story_can_answer"] = engine.is_eligible(user, poll) and state == engine.OPEN
    ballot = ballot_of(user, poll)
    poll.has_voted = ballot is not None
    if ballot is not None:
        context["story_my_ballot"] = ballot
        keys = dict(poll.options.values_list("pk", "key"))
        chosen = [keys.get(choice.option_id) for choice in ballot.choices.all() if choice.points]
        context["story_my_answer"] = chosen[0] if chosen else ""
    if permissions.can_see_results(user, poll, now):
        results = results_of(poll, dimensions=("voter_role",))
        context["story_results"] = results
        if results.totals_shown:
            context["story_summary"] = summary_from(results)
            context["story_by_role"] = results.breakdowns[0]
        else:
            context["story_summary"] = StorySummary(answers=results.ballot_count)
    return context


# --- Development needs ------------------------------------------------------------------------


def needs_list() -> QuerySet[DevelopmentNeed]:
    """Needs that have not been merged into another, for the public list of members."""
    return (
        DevelopmentNeed.objects.filter(merged_into__isnull=True)
        .select_related("proposed_by")
        .prefetch_related("themes")
        .order_by("position", "title")
    )


def need_or_404(pk: int) -> DevelopmentNeed:
    need = (
        DevelopmentNeed.objects.select_related("topic", "proposed_by", "merged_into")
        .prefetch_related("themes")
        .filter(pk=pk)
        .first()
    )
    if need is None:
        raise Http404
    return need


def rounds_of_need(user, need: DevelopmentNeed) -> list[VotingRound]:
    """The rounds this person may see (as in `rounds_for`) that have the need as an option."""
    return _visible_rounds(user, Q(pk__in=PollOption.objects.filter(need=need).values("poll_id")))


def story_listing_summaries(user, page_ids) -> dict[int, StorySummary]:
    """Summaries of the listed stories whose results this person may see."""
    page_ids = list(page_ids)
    if not page_ids or not is_verified_member(user):
        return {}
    polls = (
        Poll.objects.filter(subject_page_id__in=page_ids)
        .annotate(has_voted=Exists(Ballot.objects.filter(poll=OuterRef("pk"), voter=user)))
        .prefetch_related("eligible_networks")
    )
    visible = [poll.subject_page_id for poll in polls if permissions.can_see_results(user, poll)]
    return story_summaries(visible) if visible else {}
