"""Two submissions by one member at the same moment leave one ballot."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import close_old_connections

from forums.participation import services
from forums.participation.engine import Selection
from forums.participation.models import Ballot, BallotChoice
from tests.factories import make_user

from .conftest import make_round, options_of


def _run_at_once(functions):
    barrier = threading.Barrier(len(functions))
    outcomes = []

    def runner(function):
        try:
            barrier.wait()
            function()
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(error.code)
        except Exception as error:  # noqa: BLE001  (reported by the assertion)
            outcomes.append(repr(error))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=runner, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_ballots_by_one_member_leave_one_ballot():
    Group.objects.get_or_create(name="KEHA")
    member = make_user()
    poll = make_round()
    first, second = options_of(poll)[:2]

    outcomes = _run_at_once(
        [
            lambda: services.submit_ballot(member, poll, [Selection(first.pk, 1)]),
            lambda: services.submit_ballot(member, poll, [Selection(second.pk, 1)]),
        ]
    )

    assert outcomes == ["already_voted", "saved"]
    assert Ballot.objects.filter(poll=poll, voter=member).count() == 1
    assert BallotChoice.objects.filter(ballot__poll=poll).count() == 1
