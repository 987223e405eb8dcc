"""The core's demo steps, and accessibility feedback in the Wagtail admin: read by KEHA staff
(and superusers), changed by nobody (it is what a visitor wrote)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.roles import KEHA_GROUP, in_any_group, is_keha_staff

from .admin_scoping import permission_checked_snippet_chooser_viewset
from .demo import DemoStep
from .demo_accessibility import load_accessibility_demo
from .demo_content import load_core_demo
from .member_pages import mark_keepable
from .models import AccessibilityFeedback
from .page_cache import mark_cacheable


class ReadByKehaStaffPolicy(ModelPermissionPolicy):
    """KEHA staff may view the model's rows; nobody may add, change or delete them."""

    def user_has_permission(self, user, action):
        return action == "view" and is_keha_staff(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        people = get_user_model().objects.filter(is_active=True)
        return people.filter(Q(groups__name=KEHA_GROUP) | Q(is_superuser=True)).distinct()


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    chooser_viewset_class = permission_checked_snippet_chooser_viewset()
    icon = "comment"
    menu_label = _("Accessibility feedback")
    menu_order = 320
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["created_at", "message", "page_address", "language"]
    list_filter = ["language"]
    search_fields = ["message", "page_address"]

    @property
    def permission_policy(self):
        return ReadByKehaStaffPolicy(self.model)


register_snippet(AccessibilityFeedbackViewSet)


@hooks.register("typ_demo_steps")
def core_demo_step():
    return DemoStep("core", load_core_demo, order=0)


@hooks.register("typ_demo_steps")
def accessibility_demo_step():
    # After the knowledge step, which makes the Swedish home page.
    return DemoStep("accessibility", load_accessibility_demo, order=90)


@hooks.register("on_serve_page", order=-1)
def hide_restricted_pages_from_signed_in_outsiders(serve):
    """A page open only to some groups (or to signed-in people) is not found for a signed-in
    person it is not open to, as the listings and the search leave it out. Wagtail's own
    check (after this one) would send them to the sign-in page, which sends a signed-in
    person straight back. Signed-out visitors still go to the sign-in (the site's own, with
    two-step verification: WAGTAIL_FRONTEND_LOGIN_URL)."""

    def serve_unless_hidden(page, request, serve_args, serve_kwargs):
        if request.user.is_authenticated:
            for restriction in page.get_view_restrictions():
                if not _lets_in_signed_in(restriction, request.user):
                    raise Http404
        return serve(page, request, serve_args, serve_kwargs)

    return serve_unless_hidden


def _lets_in_signed_in(restriction, user) -> bool:
    """Wagtail's `accept_request` for a signed-in person, the groups answered from those loaded
    with the person; a password is asked by Wagtail's own check."""
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return user.is_superuser or in_any_group(user, [group.name for group in restriction.groups.all()])
    return True


@hooks.register("before_serve_page")
def keep_public_pages_in_the_page_cache(page, request, serve_args, serve_kwargs):
    """A Wagtail page's answer may be kept in the shared page cache (typ_site.core.page_cache
    decides from the request and the answer whether it is)."""
    mark_cacheable(request)


@hooks.register("before_serve_page")
def keep_member_pages_for_their_standing(page, request, serve_args, serve_kwargs):
    """A page as members see it may be kept for everyone of the same standing
    (typ_site.core.member_pages decides from the page, the request and the answer)."""
    mark_keepable(request, page)
