"""Participation's signal handlers; `apps.ParticipationConfig.ready()` connects them."""

from .services import ensure_story_poll, forget_voter


def anonymise_ballots_of_removed_account(sender, user, **kwargs):
    """Ballots keep counting (totals do not change) but no longer point to the person."""
    forget_voter(user)


def open_story_for_answers(sender, instance, created, raw=False, **kwargs):
    """Every customer story gets its agree / disagree / can't say poll."""
    if raw:
        return
    ensure_story_poll(instance)
