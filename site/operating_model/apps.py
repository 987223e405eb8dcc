from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperatingModelConfig(AppConfig):
    """The network's operating model as data. Its first part is the responsibility register:
    who does what in the client process, nationally (the baseline) and in each network."""

    name = "typ_site.operating_model"
    label = "operating_model"
    verbose_name = _("Operating model")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .adoption_search import register_adoption_search
        from .baseline_cache import connect_signals
        from .search import register_operating_model_search
        from .service_catalogue_models import Municipality, ServiceCategory
        from .service_catalogue_search import register_service_catalogue_search
        from .service_catalogue_selectors import CATALOGUE_LISTS
        from .whoswho import signal_handlers  # noqa: F401
        from .whoswho.search import register_whoswho_search

        register_operating_model_search()
        connect_signals()
        register_whoswho_search()
        register_service_catalogue_search()
        CATALOGUE_LISTS.depends_on([ServiceCategory, Municipality])
        register_adoption_search()
