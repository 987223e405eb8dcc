"""The search in the Wagtail admin, for KEHA only: the vocabulary's synonym groups, and the
report of searches that found nothing (Reports menu), which links to adding a synonym."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from typ_site.accounts.roles import KEHA_GROUP, is_keha_staff
from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset

from .admin_views import ZeroResultSearchesView
from .models import SynonymGroup


class KehaOnlyPolicy(ModelPermissionPolicy):
    """KEHA's support team may do everything with the model, nobody else anything."""

    def user_has_permission(self, user, action):
        return is_keha_staff(user)

    def user_has_any_permission(self, user, actions):
        return is_keha_staff(user)

    def users_with_any_permission(self, actions):
        people = get_user_model().objects.filter(is_active=True)
        return people.filter(Q(groups__name=KEHA_GROUP) | Q(is_superuser=True)).distinct()


class SynonymGroupCreateView(CreateView):
    """The form starts with `?expressions=` when given (the zero-result report's link)."""

    def get_initial(self):
        initial = super().get_initial()
        expressions = self.request.GET.get("expressions", "").strip()
        if expressions:
            initial["expressions"] = expressions[:200]
        return initial


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    add_view_class = SynonymGroupCreateView
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "note"]
    search_fields = ["expressions", "note"]
    panels = [FieldPanel("expressions"), FieldPanel("note")]

    @property
    def permission_policy(self):
        return KehaOnlyPolicy(self.model)


register_snippet(SynonymGroupViewSet)


zero_result_urls = [
    path("", ZeroResultSearchesView.as_view(), name="zero_results"),
    path("results/", ZeroResultSearchesView.as_view(results_only=True), name="zero_results_results"),
]


@hooks.register("register_admin_urls")
def register_zero_result_report_urls():
    return [path("reports/searches-without-results/", include((zero_result_urls, "search_reports")))]


class KehaMenuItem(MenuItem):
    def is_shown(self, request):
        return is_keha_staff(request.user)


@hooks.register("register_reports_menu_item")
def register_zero_result_report_menu_item():
    return KehaMenuItem(
        _("Searches that found nothing"),
        reverse("search_reports:zero_results"),
        name="searches-that-found-nothing",
        icon_name="search",
        order=900,
    )
