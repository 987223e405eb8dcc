from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "typ_site.core"
    label = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import client_data, demo, demo_accessibility, navigation

        client_data.install_client_data_guard()

        navigation.connect_signals()

        demo.register_demo_step("core", demo.load_core_demo, order=0)
        # After the knowledge step, which makes the Swedish home page.
        demo.register_demo_step("accessibility", demo_accessibility.load_accessibility_demo, order=90)
