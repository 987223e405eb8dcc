from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """Comparable network indicators: shared definitions that KEHA keeps, and each network's
    aggregate figures per period, with small counts hidden everywhere they are shown."""

    name = "typ_site.indicators"
    label = "indicators"
    verbose_name = _("Network indicators")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .search import register_indicator_search

        register_indicator_search()
