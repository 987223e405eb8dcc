from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge base")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.accounts.exports import register_export_section
        from typ_site.core.demo import register_demo_step

        from . import signal_handlers  # noqa: F401  (connects the handlers)
        from .demo import load_knowledge_demo
        from .exports import knowledge_export

        register_demo_step("knowledge", load_knowledge_demo, order=10)
        register_export_section("knowledge", knowledge_export)
