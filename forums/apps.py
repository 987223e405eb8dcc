from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums and participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.accounts.exports import register_export_section
        from typ_site.accounts.signals import account_removed
        from typ_site.core.demo import register_demo_step
        from typ_site.core.home import register_home_section
        from typ_site.networks.signals import membership_decided, membership_requested

        from .demo import load_forum_demo
        from .exports import forum_export_section
        from .participation.demo import load_participation_demo
        from .participation.exports import participation_export_section
        from .participation.home import open_rounds_section
        from .participation.signal_handlers import anonymise_ballots_of_removed_account
        from .search import register_forum_search
        from .signal_handlers import (
            forget_removed_account,
            tell_admins_of_membership_request,
            tell_applicant_of_decision,
        )

        register_export_section("forums", forum_export_section)
        register_export_section("participation", participation_export_section)
        account_removed.connect(forget_removed_account, dispatch_uid="forums.account_removed")
        membership_requested.connect(
            tell_admins_of_membership_request, dispatch_uid="forums.membership_requested"
        )
        membership_decided.connect(tell_applicant_of_decision, dispatch_uid="forums.membership_decided")
        account_removed.connect(
            anonymise_ballots_of_removed_account, dispatch_uid="forums.participation.account_removed"
        )
        register_demo_step("forums", load_forum_demo, order=30)
        register_demo_step("participation", load_participation_demo, order=50)
        register_home_section("participation", open_rounds_section)
        register_forum_search()
