from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import vocabulary, wagtail_signals
        from .pages import register_wagtail_sources

        register_wagtail_sources()
        wagtail_signals.connect()
        vocabulary.connect_signals()
