from django.dispatch import receiver

from typ_site.accounts.signals import account_removed

from .models import Membership


@receiver(account_removed)
def drop_memberships_of_removed_account(sender, user, **kwargs):
    Membership.objects.filter(user=user).delete()
