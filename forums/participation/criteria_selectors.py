"""Reads of the criteria workspace. Counts come from `selectors.answer_summaries` (one query
for any number of statements and answers); each statement's results are shown only as its
poll's visibility allows (`permissions.can_see_results`)."""

from dataclasses import dataclass

from django.db.models import (
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from knowledge.models import CaseStoryPage, LawSection

from . import criteria_permissions as rules
from . import engine
from .criteria_models import Column, CriterionStatement, RecordingRule, StoryProposal
from .models import Ballot, BallotChoice
from .selectors import StorySummary, answer_summaries

AGREED = "agreed"


@dataclass
class StatementRow:
    statement: CriterionStatement
    summary: StorySummary | None  # None: the person may not see the results (yet)
    stage: str  # a Status value, or AGREED
    may_answer: bool = False

    @property
    def stage_label(self) -> str:
        return stage_label(self.stage)


def stage_label(stage: str) -> str:
    if stage == AGREED:
        return str(AGREED_LABEL)
    return str(CriterionStatement.Status(stage).label)


AGREED_LABEL = _("Agreed")


def stage_of(statement: CriterionStatement, summary: StorySummary | None) -> str:
    """Under validation becomes "agreed" once the story rule holds, shown only to those who may
    see the results (the stage would otherwise tell them)."""
    if (
        statement.status == CriterionStatement.Status.VALIDATION
        and summary is not None
        and summary.totals_shown
        and summary.validated
    ):
        return AGREED
    return statement.status


def _search_filter(query: str) -> Q:
    condition = Q()
    for word in query.split()[:8]:
        condition &= Q(text__icontains=word) | Q(explanation__icontains=word)
    return condition


def statements_for(user, query: str = "", now=None) -> list[StatementRow]:
    """The statements this person may see, with the results they may see (five queries)."""
    if not rules.can_see_criteria(user):
        return []
    statements = CriterionStatement.objects.select_related("poll", "guidance_page").annotate(
        has_voted=Exists(Ballot.objects.filter(poll_id=OuterRef("poll_id"), voter=user))
    )
    if not rules.can_manage_criteria(user):
        statements = statements.filter(~Q(status=CriterionStatement.Status.DECLINED) | Q(proposed_by=user))
    if query.strip():
        statements = statements.filter(_search_filter(query))
    found = list(statements.order_by("column", "pk"))
    polls = [statement.poll for statement in found if statement.poll is not None]
    for statement in found:
        if statement.poll is not None:
            statement.poll.has_voted = statement.has_voted
    _without_networks(polls)
    visible = [
        statement.poll_id
        for statement in found
        if statement.poll and rules.can_see_results(user, statement, now)
    ]
    summaries = answer_summaries(visible)
    rows = []
    for statement in found:
        summary = summaries.get(statement.poll_id) if statement.poll_id else None
        rows.append(
            StatementRow(
                statement=statement,
                summary=summary,
                stage=stage_of(statement, summary),
                may_answer=rules.can_answer(user, statement, now),
            )
        )
    return rows


def columns_of(rows: list[StatementRow]) -> list[tuple[str, str, list[StatementRow]]]:
    by_column: dict[str, list[StatementRow]] = {value: [] for value in Column.values}
    for row in rows:
        by_column[row.statement.column].append(row)
    return [(value, str(label), by_column[value]) for value, label in Column.choices]


def _without_networks(polls) -> None:
    """Criterion polls are for members of every network: none is ever restricted (they are
    made by `criteria_services.open_validation` and edited nowhere), so no query is needed."""
    for poll in polls:
        engine.remember_network_ids(poll, ())


def unrestricted_stories() -> QuerySet[CaseStoryPage]:
    """Live customer stories under no view restriction, in SQL (no query of its own): a
    statement's page links only to stories that every member may open."""
    restricted = PageViewRestriction.objects.annotate(
        story_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    ).filter(story_path__startswith=F("page__path"))
    return CaseStoryPage.objects.live().exclude(Exists(restricted)).order_by("title")


def statement_or_404(user, pk: int) -> CriterionStatement:
    """The statement with the person's own answer (`my_ballot_id`, `my_answer`) in one query."""
    statements = CriterionStatement.objects.select_related(
        "poll", "guidance_page", "proposed_by", "round"
    ).prefetch_related(
        Prefetch("stories", queryset=unrestricted_stories()),
        Prefetch("law_sections", queryset=LawSection.objects.select_related("statute")),
    )
    if user.is_authenticated:
        own = Ballot.objects.filter(poll_id=OuterRef("poll_id"), voter=user)
        statements = statements.annotate(
            my_ballot_id=Subquery(own.values("pk")[:1]),
            my_answer=Subquery(
                BallotChoice.objects.filter(
                    ballot__poll_id=OuterRef("poll_id"), ballot__voter=user, points__gt=0
                ).values("option__key")[:1]
            ),
        )
    statement = statements.filter(pk=pk).first()
    if statement is None or not rules.can_see_statement(user, statement):
        raise Http404
    if statement.poll is not None:
        _without_networks([statement.poll])
    return statement


def my_answer(statement: CriterionStatement) -> tuple[int | None, str]:
    """The person's own ballot id and answer key, only ever shown to them."""
    return getattr(statement, "my_ballot_id", None), getattr(statement, "my_answer", None) or ""


def summary_for(user, statement: CriterionStatement, now=None) -> StorySummary | None:
    if statement.poll_id is None or not rules.can_see_results(user, statement, now):
        return None
    return answer_summaries([statement.poll_id])[statement.poll_id]


def recording_rules() -> QuerySet[RecordingRule]:
    return RecordingRule.objects.select_related("guidance_page", "statement").order_by(
        "position", "title", "pk"
    )


def story_proposals_for(user) -> QuerySet[StoryProposal]:
    """KEHA: every proposal; a member: their own."""
    proposals = StoryProposal.objects.select_related("story_page").order_by("-created_at", "pk")
    if rules.can_manage_criteria(user):
        return proposals
    return proposals.filter(proposed_by=user) if user.is_authenticated else proposals.none()


def adopted_for_guidance(page) -> list[CriterionStatement]:
    """The statements adopted into this guidance page and the rules it holds (for its link back
    to the evidence); adoption is public with the guidance page."""
    return list(
        CriterionStatement.objects.filter(
            guidance_page=page, status=CriterionStatement.Status.ADOPTED
        ).order_by("column", "pk")
    )


def visible_engine_state(statement: CriterionStatement, now=None) -> str | None:
    return engine.voting_state(statement.poll, now) if statement.poll is not None else None
