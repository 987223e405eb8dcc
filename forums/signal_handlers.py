from .services import forget_person


def forget_removed_account(sender, user, **kwargs):
    """Follows, notifications, reactions and feed addresses end with the account."""
    forget_person(user)
