"""Every write of the criteria workspace, each in one transaction.

Answers go through `services.submit_ballot`, the one way a ballot is cast; the agreement rule
is `engine.is_validated`, the same as for customer stories.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from knowledge.models import CaseStoryIndexPage, CaseStoryPage
from typ_site.accounts.roles import is_keha_staff

from . import criteria_permissions as rules
from . import engine, services
from .criteria_models import Column, CriteriaRound, CriterionStatement, StoryProposal
from .engine import Selection
from .models import Ballot, Poll, PollOption, StoryAnswer
from .selectors import answer_summaries

# --- Statements -------------------------------------------------------------------------------


@transaction.atomic
def propose_statement(
    user, *, column: str, text: str, explanation: str = "", stories=(), law_sections=()
) -> CriterionStatement:
    if not rules.can_propose(user):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the statement."), code="empty")
    if column not in Column.values:
        raise ValidationError(_("Choose the column."), code="column")
    statement = CriterionStatement(
        column=column,
        text=text,
        explanation=explanation.strip(),
        proposed_by=user,
        proposed_by_keha=is_keha_staff(user),
    )
    statement.full_clean()
    statement.save()
    statement.stories.set(stories)
    statement.law_sections.set(law_sections)
    return statement


@transaction.atomic
def open_validation(user, statement: CriterionStatement, criteria_round: CriteriaRound) -> Poll:
    """KEHA opens the statement's agree / disagree / can't say poll in a criteria round."""
    statement = CriterionStatement.objects.select_for_update().get(pk=statement.pk)
    if not rules.can_manage_criteria(user):
        raise PermissionDenied
    if not rules.can_open_validation(user, statement):
        raise ValidationError(_("Only a proposed statement can be opened for validation."), code="state")
    poll = Poll.objects.create(
        kind=Poll.Kind.CRITERION,
        title=statement.text[:200],
        method=Poll.Method.SINGLE,
        max_choices=1,
        opens_at=criteria_round.opens_at,
        closes_at=criteria_round.closes_at,
        results_visibility=criteria_round.results_visibility,
    )
    PollOption.objects.bulk_create(
        [PollOption(poll=poll, key=key, position=position) for position, key in enumerate(StoryAnswer.values)]
    )
    statement.poll = poll
    statement.round = criteria_round
    statement.status = CriterionStatement.Status.VALIDATION
    statement.save(update_fields=["poll", "round", "status"])
    return poll


def answer_statement(
    user, statement: CriterionStatement, answer: str, *, ballot_id: int | None = None, now=None
) -> Ballot:
    """Agree, disagree or can't say: a ballot in the statement's poll, by the engine's rules."""
    if answer not in StoryAnswer.values:
        raise ValidationError(_("Choose agree, disagree or can't say."), code="empty")
    if statement.poll is None or statement.status != CriterionStatement.Status.VALIDATION:
        raise ValidationError(_("This statement is not open for answers."), code="not_open")
    option_id = statement.poll.options.filter(key=answer).values_list("pk", flat=True).get()
    return services.submit_ballot(
        user, statement.poll, [Selection(option_id=option_id, points=1)], ballot_id=ballot_id, now=now
    )


def is_agreed(statement: CriterionStatement) -> bool:
    """Past the agreement threshold and the minimum number of answers, as a story is."""
    if statement.poll_id is None:
        return False
    summary = answer_summaries([statement.poll_id])[statement.poll_id]
    return engine.is_validated(summary.agree, summary.answers)


@transaction.atomic
def adopt_statement(user, statement: CriterionStatement, guidance_page) -> CriterionStatement:
    """KEHA adopts an agreed statement into national guidance and links the guidance page."""
    statement = CriterionStatement.objects.select_for_update().get(pk=statement.pk)
    if not rules.can_manage_criteria(user):
        raise PermissionDenied
    if statement.proposed_by_id is not None and statement.proposed_by_id == user.pk:
        raise PermissionDenied(_("A statement is adopted by someone other than its proposer."))
    if statement.status != CriterionStatement.Status.VALIDATION or not is_agreed(statement):
        raise ValidationError(_("Only an agreed statement can be adopted."), code="not_agreed")
    if guidance_page is None:
        raise ValidationError(_("Choose the guidance page."), code="guidance")
    statement.status = CriterionStatement.Status.ADOPTED
    statement.guidance_page = guidance_page
    statement.adopted_by = user
    statement.adopted_at = timezone.now()
    statement.save(update_fields=["status", "guidance_page", "adopted_by", "adopted_at"])
    return statement


@transaction.atomic
def decline_statement(user, statement: CriterionStatement) -> CriterionStatement:
    """KEHA leaves a proposed statement out (a duplicate, or outside the criteria)."""
    if not rules.can_manage_criteria(user):
        raise PermissionDenied
    if statement.status != CriterionStatement.Status.PROPOSED:
        raise ValidationError(_("Only a proposed statement can be declined."), code="state")
    statement.status = CriterionStatement.Status.DECLINED
    statement.save(update_fields=["status"])
    return statement


# --- Customer story proposals -----------------------------------------------------------------


def propose_story(
    user,
    *,
    title: str,
    persona_name: str,
    age: int,
    situation: str,
    belongs_in_typ: bool,
    deciding_factors="",
) -> StoryProposal:
    if not rules.can_propose(user):
        raise PermissionDenied
    proposal = StoryProposal(
        title=title.strip(),
        persona_name=persona_name.strip(),
        age=age,
        situation=situation.strip(),
        belongs_in_typ=belongs_in_typ,
        deciding_factors=deciding_factors.strip(),
        proposed_by=user,
    )
    proposal.full_clean()  # the identity-code guard runs here, before anything is written
    proposal.save()
    return proposal


@transaction.atomic
def review_story(user, proposal: StoryProposal, *, accept: bool, note: str = "") -> StoryProposal:
    """KEHA accepts or declines a proposal; never the proposer. An accepted story becomes a
    draft customer story page: its validation opens when an editor publishes it."""
    proposal = StoryProposal.objects.select_for_update().get(pk=proposal.pk)
    if not rules.can_manage_criteria(user):
        raise PermissionDenied
    if proposal.proposed_by_id is not None and proposal.proposed_by_id == user.pk:
        raise PermissionDenied(_("A story is reviewed by someone other than its proposer."))
    if proposal.status != StoryProposal.Status.SUBMITTED:
        raise ValidationError(_("This proposal has already been reviewed."), code="reviewed")
    if accept:
        proposal.story_page = _draft_story_page(user, proposal)
        proposal.status = StoryProposal.Status.ACCEPTED
    else:
        proposal.status = StoryProposal.Status.DECLINED
    proposal.review_note = note.strip()
    proposal.reviewed_by = user
    proposal.reviewed_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    return proposal


def _draft_story_page(user, proposal: StoryProposal) -> CaseStoryPage:
    index = CaseStoryIndexPage.objects.first()
    if index is None:
        raise ValidationError(
            _("The site has no customer story section to add the story to."), code="no_index"
        )
    slug = f"{slugify(proposal.title)[:40] or 'tarina'}-{proposal.pk}"
    paragraphs = "".join(
        f"<p>{escape(part)}</p>" for part in proposal.situation.split("\n\n") if part.strip()
    )
    page = CaseStoryPage(
        title=proposal.title,
        slug=slug,
        persona_name=proposal.persona_name,
        age=proposal.age,
        situation=paragraphs or "<p></p>",
        belongs_in_typ=proposal.belongs_in_typ,
        deciding_factors=proposal.deciding_factors,
        live=False,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
