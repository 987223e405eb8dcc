"""Who may do what in the calendar, each rule once: seeing an event, a network's own events,
managing events. `calendar_app.selectors` lists what these allow (`visible_events_for`,
`manageable_events_for`); views, forms, tasks, feeds and the admin ask these."""

from typ_site.accounts.roles import is_keha_staff
from typ_site.core.access import access_keys_for, sees_everything
from typ_site.networks.selectors import admin_network_ids, member_network_ids

from .models import Event


def sees_every_event(user) -> bool:
    """A superuser (signed in, active) sees every event, as they see every forum."""
    return sees_everything(user)


def is_event_visible_to(user, event: Event) -> bool:
    return sees_every_event(user) or event.access_key in access_keys_for(user)


def can_see_network_events(user, network_id: int) -> bool:
    """Whether the person sees the network's own (network-only) events: its members, and a
    superuser."""
    return sees_every_event(user) or network_id in member_network_ids(user)


def can_manage_all_events(user) -> bool:
    """KEHA staff and those granted the model permission manage every event."""
    if not (user.is_authenticated and user.is_active):
        return False
    return is_keha_staff(user) or user.has_perm("calendar_app.change_event")


def can_manage_event(user, event: Event) -> bool:
    """The organiser side: KEHA staff for everything, a network's admins for its events."""
    if can_manage_all_events(user):
        return True
    return bool(event.network_id) and event.network_id in admin_network_ids(user)
