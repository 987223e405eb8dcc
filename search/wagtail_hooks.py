"""The search's vocabulary in the Wagtail admin: synonym groups, edited by KEHA only."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.roles import KEHA_GROUP, is_keha_staff
from typ_site.core.admin_scoping import permission_checked_snippet_chooser_viewset

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


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
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
