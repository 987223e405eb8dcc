from django.db.models.signals import pre_delete
from django.dispatch import receiver

from typ_site.networks.models import Membership

from .reminders import membership_ending


@receiver(pre_delete, sender=Membership, dispatch_uid="whoswho_membership_ending")
def prompt_admins_when_a_named_person_leaves(sender, instance, **kwargs):
    membership_ending(instance)
