"""Two submissions by one member at the same moment leave one ballot."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from forums.participation import services
from forums.participation.engine import Selection
from forums.participation.models import Ballot, BallotChoice
from tests.factories import make_user
from tests.helpers import run_at_once

from .conftest import make_round, options_of


def _outcome(submit) -> str:
    try:
        submit()
    except ValidationError as error:
        return error.code
    return "saved"


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_ballots_by_one_member_leave_one_ballot():
    Group.objects.get_or_create(name="KEHA")
    member = make_user()
    poll = make_round()
    first, second = options_of(poll)[:2]

    outcomes = run_at_once(
        [
            lambda: _outcome(lambda: services.submit_ballot(member, poll, [Selection(first.pk, 1)])),
            lambda: _outcome(lambda: services.submit_ballot(member, poll, [Selection(second.pk, 1)])),
        ]
    )

    assert sorted(outcomes) == ["already_voted", "saved"]
    assert Ballot.objects.filter(poll=poll, voter=member).count() == 1
    assert BallotChoice.objects.filter(ballot__poll=poll).count() == 1
