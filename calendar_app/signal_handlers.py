from django.dispatch import receiver

from typ_site.accounts.signals import account_removed

from .services import remove_calendar_data_of


@receiver(account_removed)
def drop_calendar_data_of_removed_account(sender, user, **kwargs):
    remove_calendar_data_of(user)
