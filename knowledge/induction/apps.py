from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InductionConfig(AppConfig):
    """Induction paths live beside the knowledge base but keep their own migrations."""

    name = "knowledge.induction"
    label = "induction"
    verbose_name = _("Induction")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the handlers)
