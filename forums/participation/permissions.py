"""Who may do what in participation: one `can_…` predicate per permission.

Views, templates (through their context), selectors, services, the admin and the CSV export
ask these; none of them checks a role on its own. The rules they build on (eligibility, the
voting state) live in `engine`.
"""

from typ_site.accounts.roles import is_keha_staff, is_verified_member

from . import engine
from .models import Poll


def can_see_round(user, poll: Poll) -> bool:
    """A round is shown to KEHA staff and to verified members of the networks it is for.

    A member of the right network but of another role sees the round and is told why they
    cannot vote; a round of other networks is not shown at all.
    """
    if is_keha_staff(user):
        return True
    if not is_verified_member(user):
        return False
    return engine.in_poll_networks(user, poll)


def can_see_results(user, poll: Poll, now=None) -> bool:
    """THE results rule: totals, ranking, breakdowns and exports all ask it.

    Live results: eligible members and KEHA staff, from the opening on. After closing: the
    same people, only once the poll has closed. Staff only: KEHA staff, at any time. With
    "results only to those who have voted" a member must also have cast a ballot in the poll;
    KEHA staff, who run the rounds, see them all the same.
    """
    visibility = poll.results_visibility
    staff = is_keha_staff(user)
    if visibility == Poll.ResultsVisibility.STAFF:
        return staff
    if not (staff or engine.is_eligible(user, poll)):
        return False
    state = engine.voting_state(poll, now)
    if visibility == Poll.ResultsVisibility.AFTER_CLOSE:
        visible = state == engine.CLOSED
    else:
        visible = state != engine.UPCOMING
    if visible and poll.results_after_voting and not staff:
        return engine.has_voted(user, poll)
    return visible


def can_export_results(user, poll: Poll, now=None) -> bool:
    """The CSV export: KEHA staff, and never earlier than the results may be seen."""
    return is_keha_staff(user) and can_see_results(user, poll, now)


def can_manage_participation(user) -> bool:
    """KEHA staff run rounds and merge duplicate needs."""
    return is_keha_staff(user)


def can_propose_need(user) -> bool:
    return is_verified_member(user)
