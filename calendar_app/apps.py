from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Development calendar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import occurrence_cache, signal_handlers  # noqa: F401  (connects the handlers)
        from .search import register_calendar_search

        register_calendar_search()
        occurrence_cache.connect_signals()
