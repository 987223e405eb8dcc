from django.dispatch import receiver

from typ_site.accounts.signals import account_removed

from .services import forget_progress_of


@receiver(account_removed, dispatch_uid="induction_forget_progress")
def forget_progress_of_removed_account(sender, user, **kwargs):
    forget_progress_of(user)
