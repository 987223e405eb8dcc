"""The national baseline in the Wagtail admin: KEHA keeps the parties and the client-process
tasks, each task with its baseline cells. `permissions.can_keep_baseline` decides; the local
agreements are recorded on the site by each network's admins, not here."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from typ_site.accounts.exports import ExportSection
from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset
from typ_site.core.demo import DemoStep

from .admin_policies import BaselineKeeperPolicy
from .adoption_demo import load_adoption_demo
from .adoption_exports import recorded_statuses_rows, recorded_statuses_section
from .demo import load_operating_model_demo
from .exports import recorded_agreements_rows, recorded_agreements_section
from .models import ClientProcessTask, Party
from .whoswho import wagtail_hooks as whoswho_hooks  # noqa: F401  (registers its hooks)


class PartyViewSet(SnippetViewSet):
    model = Party
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "group"
    menu_label = _("Parties")
    list_display = ["name_fi", "short_name", "key", "sort_order"]

    @property
    def permission_policy(self):
        return BaselineKeeperPolicy(self.model)


class ClientProcessTaskViewSet(SnippetViewSet):
    model = ClientProcessTask
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "list-ol"
    menu_label = _("Client-process tasks and baseline")
    list_display = ["name_fi", "key", "sort_order"]
    search_fields = ["name_fi", "name_sv", "name_en", "description_fi"]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        form_class.base_fields["law_sections"].widget = forms.CheckboxSelectMultiple()
        return form_class

    @property
    def permission_policy(self):
        return BaselineKeeperPolicy(self.model)


class ResponsibilityRegisterGroup(SnippetViewSetGroup):
    items = (ClientProcessTaskViewSet, PartyViewSet)
    menu_icon = "table"
    menu_label = _("Division of responsibilities")
    menu_name = "responsibility_register"
    menu_order = 305


register_snippet(ResponsibilityRegisterGroup)


@hooks.register("typ_demo_steps")
def operating_model_demo_step():
    # After the core step (the networks and people) and the knowledge step (the law sections).
    return DemoStep("operating model", load_operating_model_demo, order=25)


@hooks.register("typ_export_sections")
def recorded_agreements_export():
    return ExportSection(
        "responsibility_agreements_recorded", recorded_agreements_section, recorded_agreements_rows
    )


@hooks.register("typ_demo_steps")
def adoption_demo_step():
    # After the operating model's step (the agreements) and the knowledge step (the pages).
    return DemoStep("adoption of national decisions", load_adoption_demo, order=26)


@hooks.register("typ_export_sections")
def adoption_statuses_export():
    return ExportSection("adoption_statuses_recorded", recorded_statuses_section, recorded_statuses_rows)


# The service catalogue's snippets and demo step, in a module of their own.
from . import service_catalogue_admin  # noqa: E402, F401
