"""The demo: fifteen needs in five themes, a closed round with a tie, an open round, six
stories with answers; running it again changes nothing."""

from forums.participation import engine, selectors
from forums.participation.models import Ballot, BallotChoice, DevelopmentNeed, VotingRound
from knowledge.models import CaseStoryPage
from tests.helpers import load_demo_steps


def test_the_demo_has_needs_rounds_with_a_tie_and_answered_stories(db):
    load_demo_steps("core", "knowledge", "forums", "participation")

    needs = DevelopmentNeed.objects.filter(proposed_by__isnull=True)
    assert needs.count() == 15 and needs.values("themes").exclude(themes=None).distinct().count() == 5
    rounds = {engine.voting_state(poll): poll for poll in VotingRound.objects.all()}
    assert set(rounds) == {engine.OPEN, engine.CLOSED}
    assert selectors.results_of(rounds[engine.CLOSED]).ties
    stories = list(CaseStoryPage.objects.live())
    summaries = selectors.story_summaries([story.pk for story in stories])
    assert len(stories) == 6
    assert all(summary.answers >= 20 for summary in summaries.values())
    assert 0 < sum(summary.validated for summary in summaries.values()) < 6


def test_loading_the_demo_again_changes_nothing(db):
    load_demo_steps("core", "knowledge", "forums", "participation")
    counts = (
        Ballot.objects.count(),
        BallotChoice.objects.count(),
        DevelopmentNeed.objects.count(),
        CaseStoryPage.objects.count(),
    )

    load_demo_steps("core", "knowledge", "forums", "participation")

    assert (
        Ballot.objects.count(),
        BallotChoice.objects.count(),
        DevelopmentNeed.objects.count(),
        CaseStoryPage.objects.count(),
    ) == counts
