"""The forums' parts of the home page: my networks' new topics, my unread notifications, and
for moderators the reports waiting for their decision. What each person may see is decided
in `forums.selectors` (the forum rule), as everywhere else."""

from django.urls import reverse

from typ_site.accounts.roles import is_verified_member
from typ_site.core.home import WAITING, HomeSection
from typ_site.networks.selectors import member_network_ids

from .selectors import (
    network_topics_for,
    open_report_count_of,
    unread_notification_count_of,
    unread_notifications_for,
)


def network_topics_section(request) -> HomeSection | None:
    """Shown to the members of a network: its newest topics, or how to start one."""
    user = request.user
    if not is_verified_member(user) or not member_network_ids(user):
        return None
    return HomeSection(
        template="forums/includes/home_topics.html",
        context={"topics": network_topics_for(user)},
        order=15,
    )


def notifications_section(request) -> HomeSection | None:
    """The unread notifications, when there are any (the header links to all of them)."""
    user = request.user
    if not is_verified_member(user) or not unread_notification_count_of(request):
        return None
    return HomeSection(
        template="forums/includes/home_notifications.html",
        context={
            "notifications": unread_notifications_for(user),
            "count": unread_notification_count_of(request),
        },
        order=5,
    )


def reports_section(request) -> HomeSection | None:
    """Open reports in the forums this person moderates (asked as the header asks it)."""
    user = request.user
    if not is_verified_member(user):
        return None
    count = open_report_count_of(request)
    if not count:
        return None
    return HomeSection(
        template="forums/includes/home_reports_waiting.html",
        context={"count": count, "url": reverse("forums:moderation")},
        order=20,
        group=WAITING,
    )
