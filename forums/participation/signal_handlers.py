from .services import forget_voter


def anonymise_ballots_of_removed_account(sender, user, **kwargs):
    """Ballots keep counting (totals do not change) but no longer point to the person."""
    forget_voter(user)
