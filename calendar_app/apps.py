from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Development calendar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.core.member_pages import Part, register_part

        from . import occurrence_cache, signal_handlers  # noqa: F401  (connects the handlers)
        from .search import register_calendar_search
        from .views import private_feed_part_values

        register_calendar_search()
        register_part(
            "private_feed", Part("calendar_app/includes/private_feed.html", private_feed_part_values)
        )
        occurrence_cache.connect_signals()
