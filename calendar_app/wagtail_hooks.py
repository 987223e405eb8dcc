"""Events in the Wagtail admin, as snippets (models.py says why not pages).

Who may manage which event is decided by `selectors.can_manage_event`: KEHA staff (and anyone
granted the model permissions) manage every event; a network's admins manage only their own
network's events. The permission policy below applies that rule to every admin view, and the
views' querysets are narrowed by it, so another network's event is not listed and its edit or
delete address answers 404.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.networks.selectors import admin_network_ids

from .forms import EventAdminForm
from .models import Event
from .selectors import can_manage_all_events, can_manage_event, manageable_events_for

NETWORK_ADMIN_ACTIONS = {"add", "change", "delete", "view"}


class EventPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if can_manage_all_events(user):
            return True
        if super().user_has_permission(user, action):
            return True
        return action in NETWORK_ADMIN_ACTIONS and bool(admin_network_ids(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in NETWORK_ADMIN_ACTIONS and not can_manage_all_events(user):
            return False
        return can_manage_event(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return Event.objects.none()
        return manageable_events_for(user)

    def users_with_any_permission(self, actions):
        # Model-permission holders; network admins are found through their networks.
        return super().users_with_any_permission(actions) | get_user_model().objects.filter(
            network_memberships__role="admin", network_memberships__status="approved"
        )


class ScopedObjectMixin:
    """Looks the object up among the events the user may manage: others are a 404."""

    def get_queryset(self):
        return manageable_events_for(self.request.user)


class EventEditView(ScopedObjectMixin, snippet_views.EditView):
    pass


class EventDeleteView(ScopedObjectMixin, snippet_views.DeleteView):
    pass


class EventCopyView(snippet_views.CopyView):
    def get_object(self, queryset=None):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(manageable_events_for(self.request.user), pk=self.kwargs[self.pk_url_kwarg])


class EventInspectView(ScopedObjectMixin, snippet_views.InspectView):
    pass


class EventHistoryView(ScopedObjectMixin, snippet_views.HistoryView):
    pass


class EventUsageView(ScopedObjectMixin, snippet_views.UsageView):
    pass


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Calendar")
    menu_order = 260
    add_to_admin_menu = True
    edit_handler = ObjectList(Event.panels, base_form_class=EventAdminForm)
    list_display = ["title", "start", "network", "level", "event_type", "visibility"]
    list_filter = ["level", "event_type", "visibility", "network"]
    ordering = ["-start"]
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    copy_view_class = EventCopyView
    inspect_view_class = EventInspectView
    history_view_class = EventHistoryView
    usage_view_class = EventUsageView

    @property
    def permission_policy(self):
        return EventPermissionPolicy(self.model)

    def get_queryset(self, request):
        return manageable_events_for(request.user).select_related("network")


register_snippet(EventViewSet)
