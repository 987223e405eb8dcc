from django.db.models.signals import post_delete
from django.dispatch import receiver

from typ_site.networks.models import Membership

from .reminders import membership_ended


@receiver(post_delete, sender=Membership, dispatch_uid="whoswho_membership_ended")
def prompt_admins_when_a_named_person_leaves(sender, instance, **kwargs):
    membership_ended(instance)
