from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.accounts.signals import account_removed

        from .search import register_forum_search
        from .signal_handlers import forget_removed_account

        account_removed.connect(forget_removed_account, dispatch_uid="forums.account_removed")
        register_forum_search()
