from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Development calendar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.accounts.exports import register_export_section
        from typ_site.core.demo import register_demo_step
        from typ_site.core.home import register_home_section

        from . import signal_handlers  # noqa: F401
        from .demo import load_calendar_demo
        from .exports import calendar_export_section
        from .home import next_events_section
        from .search import register_calendar_search

        register_export_section("calendar", calendar_export_section)
        register_home_section("calendar", next_events_section)
        register_demo_step("calendar", load_calendar_demo, order=40)
        register_calendar_search()
