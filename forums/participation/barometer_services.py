"""Writes of the TYP barometer: opening a year's round and answering it.

An answer is a ballot of the one vote engine (`services.submit_ballot`): the engine checks who
may answer, that the round is open and that every statement has one step of the scale.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from typ_site.networks.selectors import member_network_ids

from . import permissions, services
from .barometer_models import BarometerItem, BarometerResponse, BarometerRound, BarometerStatement
from .engine import Selection
from .models import Ballot, Poll, PollOption


@transaction.atomic
def open_round(user, *, year: int, opens_at, closes_at, title: str = "") -> BarometerRound:
    """KEHA opens a year's round asking the bank's active statements."""
    if not permissions.can_manage_participation(user):
        raise PermissionDenied
    if BarometerRound.objects.filter(year=year).exists():
        raise ValidationError(_("That year already has a barometer round."), code="year_taken")
    statements = list(BarometerStatement.objects.filter(active=True))
    if not statements:
        raise ValidationError(_("The statement bank has no active statements."), code="no_statements")
    poll = Poll(
        kind=Poll.Kind.BAROMETER,
        title=title or _("TYP barometer %(year)s") % {"year": year},
        method=Poll.Method.LIKERT,
        max_choices=len(statements),
        opens_at=opens_at,
        closes_at=closes_at,
        # Counts that change while the round is open would tell who answered what.
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    poll.full_clean()
    poll.save()
    round_ = BarometerRound.objects.create(poll=poll, year=year)
    for position, statement in enumerate(statements):
        option = PollOption.objects.create(poll=poll, key=f"s{statement.pk}", position=position)
        BarometerItem.objects.create(round=round_, statement=statement, option=option)
    return round_


def answer_round(
    user,
    round_: BarometerRound,
    steps: dict[int, int],
    *,
    network_id: int | None,
    ballot_id: int | None = None,
    now=None,
) -> Ballot:
    """Cast or change the person's answer: {statement id: step 1–5} and the network answered for.

    The network must be one of the person's own (or none when they are in no network).
    """
    mine = member_network_ids(user)
    if network_id is None and mine:
        raise ValidationError(_("Choose the network you answer for."), code="network")
    if network_id is not None and network_id not in mine:
        raise ValidationError(_("You can only answer for a network you are a member of."), code="network")
    option_of = dict(round_.items.values_list("statement_id", "option_id"))
    unknown = set(steps) - set(option_of)
    if unknown:
        raise ValidationError(
            _("The answer contains a statement that is not in this round."), code="foreign_option"
        )
    selections = [
        Selection(option_id=option_of[statement_id], points=step) for statement_id, step in steps.items()
    ]
    with transaction.atomic():
        ballot = services.submit_ballot(user, round_.poll, selections, ballot_id=ballot_id, now=now)
        BarometerResponse.objects.update_or_create(ballot=ballot, defaults={"network_id": network_id})
    return ballot
