from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.core.member_pages import Part, register_part

        from . import signal_handlers  # noqa: F401  (connects the handlers)
        from .models.following import follow_part_values

        register_part("follow", Part("knowledge/includes/follow.html", follow_part_values))
