from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from typ_site.accounts.signals import account_removed
from typ_site.core import cache_reads
from typ_site.networks.signals import membership_decided, membership_requested, network_admins_notice


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.core.access import register_access_keys

        from . import header_cache
        from .search import register_forum_search
        from .selectors import forum_access_keys, shared_forum_keys
        from .signal_handlers import (
            forget_removed_account,
            tell_admins_of_adoption_reminder,
            tell_admins_of_membership_request,
            tell_admins_of_network_notice,
            tell_applicant_of_decision,
        )

        account_removed.connect(forget_removed_account, dispatch_uid="forums.account_removed")
        membership_requested.connect(
            tell_admins_of_membership_request, dispatch_uid="forums.membership_requested"
        )
        membership_decided.connect(tell_applicant_of_decision, dispatch_uid="forums.membership_decided")
        network_admins_notice.connect(
            tell_admins_of_network_notice, dispatch_uid="forums.network_admins_notice"
        )
        # KEHA's reminder to handle a national decision (typ_site.operating_model, which the
        # forums do not import: the sender is named by its label).
        post_save.connect(
            tell_admins_of_adoption_reminder,
            sender="operating_model.AdoptionReminder",
            dispatch_uid="forums.adoption_reminder",
        )
        header_cache.connect_signals()
        cache_reads.read_with_every_request("forums.header_counts", header_cache.keys_for)
        cache_reads.read_with_every_request("forums.access", forum_access_keys)
        register_forum_search()
        register_access_keys(shared_forum_keys)
