"""The service catalogue's shared lists in the Wagtail admin: KEHA keeps the service categories
and the municipalities (`service_catalogue_permissions.can_keep_catalogue_lists`, the same rule
as the responsibility baseline). The networks' services are kept on the site by their admins."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset
from typ_site.core.demo import DemoStep

from .admin_policies import BaselineKeeperPolicy
from .service_catalogue_demo import load_service_catalogue_demo
from .service_catalogue_models import Municipality, ServiceCategory


class ServiceCategoryViewSet(SnippetViewSet):
    model = ServiceCategory
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "tag"
    menu_label = _("Service categories")
    list_display = ["name_fi", "key", "sort_order"]
    search_fields = ["name_fi", "name_sv", "name_en"]

    @property
    def permission_policy(self):
        return BaselineKeeperPolicy(self.model)


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["name_fi", "name_sv", "region"]
    list_filter = ["region"]
    search_fields = ["name_fi", "name_sv"]

    @property
    def permission_policy(self):
        return BaselineKeeperPolicy(self.model)


class ServiceCatalogueGroup(SnippetViewSetGroup):
    items = (ServiceCategoryViewSet, MunicipalityViewSet)
    menu_icon = "list-ul"
    menu_label = _("Service catalogue")
    menu_name = "service_catalogue"
    menu_order = 306


register_snippet(ServiceCatalogueGroup)


@hooks.register("typ_demo_steps")
def service_catalogue_demo_step():
    # After the operating model's step (order 25), which needs the same networks and people.
    return DemoStep("service catalogue", load_service_catalogue_demo, order=26)
