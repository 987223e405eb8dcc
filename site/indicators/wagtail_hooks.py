"""The indicator definitions in the Wagtail admin: KEHA keeps them
(`permissions.can_keep_definitions`). The networks' figures are entered on the site by each
network's own admins, not here."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.exports import ExportSection
from typ_site.accounts.roles import KEHA_GROUP
from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset
from typ_site.core.demo import DemoStep

from .demo import load_indicators_demo
from .exports import entered_figures_rows, entered_figures_section
from .models import IndicatorDefinition
from .permissions import can_keep_definitions


class DefinitionKeeperPolicy(ModelPermissionPolicy):
    """KEHA staff may do everything with the definitions, nobody else anything."""

    def user_has_permission(self, user, action):
        return can_keep_definitions(user)

    def user_has_any_permission(self, user, actions):
        return can_keep_definitions(user)

    def users_with_any_permission(self, actions):
        people = get_user_model().objects.filter(is_active=True)
        return people.filter(Q(groups__name=KEHA_GROUP) | Q(is_superuser=True)).distinct()


class IndicatorDefinitionViewSet(SnippetViewSet):
    model = IndicatorDefinition
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "table"
    menu_label = _("Network indicators")
    menu_name = "network_indicators"
    menu_order = 306
    add_to_admin_menu = True
    list_display = ["name_fi", "key", "unit", "period_type", "is_active"]
    search_fields = ["name_fi", "name_sv", "name_en", "counted_fi"]

    @property
    def permission_policy(self):
        return DefinitionKeeperPolicy(self.model)


register_snippet(IndicatorDefinitionViewSet)


@hooks.register("typ_demo_steps")
def indicators_demo_step():
    # After the core step (the networks and the demo administrator).
    return DemoStep("network indicators", load_indicators_demo, order=27)


@hooks.register("typ_export_sections")
def entered_figures_export():
    return ExportSection("indicator_figures_entered", entered_figures_section, entered_figures_rows)
