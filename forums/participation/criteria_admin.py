"""KEHA staff keep criteria rounds and the register of recording rules in the Wagtail admin
(Snippets). Statements are proposed, opened, declined and adopted on the site, where the
rules of `criteria_permissions` hold (nobody adopts their own proposal)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .admin import KehaStaffSnippetViewSet
from .criteria_models import CriteriaRound, RecordingRule


class CriteriaRoundViewSet(KehaStaffSnippetViewSet):
    model = CriteriaRound
    icon = "tasks"
    menu_label = _("Criteria rounds")
    list_display = ["title", "opens_at", "closes_at", "results_visibility"]
    search_fields = ["title", "description"]
    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("results_visibility"),
    ]


class RecordingRuleViewSet(KehaStaffSnippetViewSet):
    model = RecordingRule
    icon = "list-ul"
    menu_label = _("Recording rules")
    list_display = ["title", "agreed_on", "position"]
    search_fields = ["title", "rule"]
    panels = [
        FieldPanel("title"),
        FieldPanel("rule"),
        FieldPanel("statement"),
        FieldPanel("guidance_page"),
        FieldRowPanel([FieldPanel("agreed_on"), FieldPanel("position")]),
    ]
