from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import results_cache, signals, vocabulary, wagtail_signals
        from .pages import register_wagtail_sources
        from .registry import get_sources

        register_wagtail_sources()
        # The apps listed before `search` in INSTALLED_APPS have registered their sources.
        signals.connect_sources(get_sources())
        wagtail_signals.connect()
        vocabulary.connect_signals()
        results_cache.connect_signals()
