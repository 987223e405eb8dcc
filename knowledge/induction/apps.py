from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InductionConfig(AppConfig):
    """Induction paths live beside the knowledge base but keep their own migrations."""

    name = "knowledge.induction"
    label = "induction"
    verbose_name = _("Induction")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from typ_site.accounts.exports import register_export_section
        from typ_site.core.demo import register_demo_step
        from typ_site.core.home import register_home_section

        from . import signal_handlers  # noqa: F401  (connects the handlers)
        from .demo import load_induction_demo
        from .exports import induction_export
        from .home import induction_home_section

        register_demo_step("induction", load_induction_demo, order=20)
        register_export_section("induction", induction_export)
        register_home_section("induction", induction_home_section)
