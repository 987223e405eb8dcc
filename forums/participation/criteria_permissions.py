"""Who may do what in the criteria workspace: one `can_…` predicate per permission.

Answering and seeing results are the vote engine's rules (`engine.is_eligible`,
`permissions.can_see_results`) applied to each statement's poll; this module adds who may see
the workspace, propose, run the validation and review story proposals.
"""

from typ_site.accounts.models import Role
from typ_site.accounts.roles import is_keha_staff, is_verified_member

from . import engine, permissions
from .criteria_models import CriterionStatement, StoryProposal


def can_see_criteria(user) -> bool:
    """The workspace is national: every verified member, of any network or none, and KEHA."""
    return is_verified_member(user)


def can_propose(user) -> bool:
    """Members of the networks' organisations and KEHA propose statements and customer stories.

    Partners see the workspace and answer when a round lets them, but the criteria are the
    networks' own: they do not propose.
    """
    if is_keha_staff(user):
        return True
    return is_verified_member(user) and user.role != Role.PARTNER


def can_manage_criteria(user) -> bool:
    """KEHA staff open validation, decline, adopt into guidance and review story proposals."""
    return is_keha_staff(user)


def can_see_statement(user, statement: CriterionStatement) -> bool:
    """Every statement is shown to members, except a declined one: only KEHA and its proposer."""
    if not can_see_criteria(user):
        return False
    if statement.status == CriterionStatement.Status.DECLINED:
        return can_manage_criteria(user) or statement.proposed_by_id == user.pk
    return True


def can_answer(user, statement: CriterionStatement, now=None) -> bool:
    poll = statement.poll
    if poll is None or statement.status != CriterionStatement.Status.VALIDATION:
        return False
    return engine.is_eligible(user, poll) and engine.voting_state(poll, now) == engine.OPEN


def can_see_results(user, statement: CriterionStatement, now=None) -> bool:
    """THE results rule of the statement's poll (as for every poll)."""
    return statement.poll is not None and permissions.can_see_results(user, statement.poll, now)


def can_open_validation(user, statement: CriterionStatement) -> bool:
    return can_manage_criteria(user) and statement.status == CriterionStatement.Status.PROPOSED


def can_adopt(user, statement: CriterionStatement) -> bool:
    """KEHA adopts an agreed statement, but not one they proposed themselves (four eyes)."""
    return (
        can_manage_criteria(user)
        and statement.status == CriterionStatement.Status.VALIDATION
        and (statement.proposed_by_id is None or statement.proposed_by_id != user.pk)
    )


def can_review_story(user, proposal: StoryProposal) -> bool:
    """KEHA reviews a member's story proposal, never their own."""
    return (
        can_manage_criteria(user)
        and proposal.status == StoryProposal.Status.SUBMITTED
        and (proposal.proposed_by_id is None or proposal.proposed_by_id != user.pk)
    )


def can_see_story_proposal(user, proposal: StoryProposal) -> bool:
    if not is_verified_member(user):
        return False
    return can_manage_criteria(user) or proposal.proposed_by_id == user.pk
