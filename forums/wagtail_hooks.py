"""Forums are edited in the Wagtail admin (Snippets)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.exports import ExportSection
from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset
from typ_site.core.demo import DemoStep

from .demo import load_forum_demo
from .exports import forum_export_rows, forum_export_section
from .home import network_topics_section, notifications_section, reports_section
from .models import Forum


class ForumAdminForm(WagtailAdminModelForm):
    """A regional forum needs the networks that share it; no other forum has any."""

    def clean(self):
        cleaned = super().clean()
        kind, networks = cleaned.get("kind"), cleaned.get("networks")
        if kind == Forum.Kind.REGIONAL and not networks:
            self.add_error("networks", _("Choose the networks that share the regional forum."))
        if kind != Forum.Kind.REGIONAL and networks:
            self.add_error("networks", _("Only a regional forum is shared by networks; leave this empty."))
        return cleaned


class ForumViewSet(SnippetViewSet):
    model = Forum
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "group"
    menu_label = _("Forums")
    list_display = ["name", "kind", "network", "position"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("kind"),
            FieldPanel("network"),
            FieldPanel("networks"),
            FieldPanel("description"),
            FieldPanel("position"),
        ],
        base_form_class=ForumAdminForm,
    )


register_snippet(ForumViewSet)


@hooks.register("typ_export_sections")
def forums_export():
    return ExportSection("forums", forum_export_section, forum_export_rows)


@hooks.register("typ_demo_steps")
def forums_demo_step():
    return DemoStep("forums", load_forum_demo, order=30)


hooks.register("typ_home_sections", notifications_section)
hooks.register("typ_home_sections", network_topics_section)
hooks.register("typ_home_sections", reports_section)
