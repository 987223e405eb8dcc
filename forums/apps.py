from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.accounts.exports import register_export_section
        from typ_site.accounts.signals import account_removed
        from typ_site.core.demo import register_demo_step

        from .demo import load_forum_demo
        from .exports import forum_export_section
        from .search import register_forum_search
        from .signal_handlers import forget_removed_account

        register_export_section("forums", forum_export_section)
        account_removed.connect(forget_removed_account, dispatch_uid="forums.account_removed")
        register_demo_step("forums", load_forum_demo, order=30)
        register_forum_search()
