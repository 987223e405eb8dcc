from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from typ_site.accounts.signals import account_removed

from .admin_groups import admin_group_for, sync_admin_group_membership
from .models import Membership


@receiver(account_removed)
def drop_memberships_of_removed_account(sender, user, **kwargs):
    for membership in Membership.objects.filter(user=user).select_related("network", "user"):
        membership.delete()


@receiver(post_save, sender=Membership)
def keep_admin_group_in_step_on_save(sender, instance, **kwargs):
    sync_admin_group_membership(instance)


@receiver(post_delete, sender=Membership)
def keep_admin_group_in_step_on_delete(sender, instance, **kwargs):
    group = admin_group_for(instance.network)
    instance.user.groups.remove(group)
