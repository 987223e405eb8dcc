from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile

from .admin_language import adopt_admin_language, sync_admin_language


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_sync_admin_language")
def user_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return  # loading fixtures: the profile comes with them
    if update_fields is not None and "preferred_language" not in update_fields:
        return  # e.g. the last sign-in time: the language did not change
    sync_admin_language(instance)


@receiver(post_save, sender=UserProfile, dispatch_uid="accounts_adopt_admin_language")
def profile_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        adopt_admin_language(instance)
