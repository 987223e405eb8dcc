"""Events in the Wagtail admin, as snippets (models.py says why not pages).

Who may manage which event is decided by `permissions.can_manage_event`: KEHA staff (and anyone
granted the model permissions) manage every event; a network's admins manage only their own
network's events. The permission policy below applies that rule to every admin view, and the
views' querysets are narrowed by it (`core.admin_scoping`), so another network's event is not
listed, not named in a bulk action and its edit, delete, copy, inspect, history or usage
address answers 404. The chooser lists the events the person may see on the site
(`selectors.visible_events_for`).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.exports import ExportSection
from typ_site.core.admin_scoping import (
    ScopedCopyView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedHistoryView,
    ScopedInspectView,
    ScopedUsageView,
    scoped_delete_bulk_action,
    scoped_snippet_chooser_viewset,
)
from typ_site.core.demo import DemoStep
from typ_site.networks.selectors import admin_network_ids

from .demo import load_calendar_demo
from .exports import calendar_export_rows, calendar_export_section
from .forms import EventAdminForm
from .home import next_events_section
from .models import Event
from .permissions import can_manage_all_events, can_manage_event
from .selectors import manageable_events_for, visible_events_for

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
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    # Choosing an event links it from content: only events the person may see on the site.
    chooser_viewset_class = scoped_snippet_chooser_viewset(visible_events_for)

    @property
    def permission_policy(self):
        return EventPermissionPolicy(self.model)

    def get_queryset(self, request):
        return manageable_events_for(request.user).select_related("network")


register_snippet(EventViewSet)


# Registered after Wagtail's own snippet bulk delete, which it replaces for events.
hooks.register("register_bulk_action", scoped_delete_bulk_action(Event), order=100)


hooks.register("typ_home_sections", next_events_section)


@hooks.register("typ_export_sections")
def calendar_export():
    return ExportSection("calendar", calendar_export_section, calendar_export_rows)


@hooks.register("typ_demo_steps")
def calendar_demo_step():
    return DemoStep("calendar", load_calendar_demo, order=40)
