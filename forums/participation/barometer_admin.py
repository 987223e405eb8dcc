"""KEHA staff keep the barometer's statement bank in the Wagtail admin (Snippets)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .admin import KehaStaffSnippetViewSet
from .barometer_models import BarometerStatement


class BarometerStatementViewSet(KehaStaffSnippetViewSet):
    model = BarometerStatement
    icon = "list-ul"
    menu_label = _("Barometer statements")
    list_display = ["text_fi", "key", "active", "position"]
    search_fields = ["text_fi", "text_sv", "text_en"]
    panels = [
        FieldPanel("text_fi"),
        FieldPanel("text_sv"),
        FieldPanel("text_en"),
        FieldRowPanel([FieldPanel("key"), FieldPanel("position"), FieldPanel("active")]),
    ]
