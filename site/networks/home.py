"""The networks' part of the home page: the membership requests waiting for this person's
decision (`selectors.pending_requests_for_admin`, the rule of the management page)."""

from django.urls import reverse

from typ_site.accounts.roles import is_verified_member
from typ_site.core.home import WaitingCount

from .selectors import admin_network_ids, pending_requests_for_admin


def membership_requests_section(request) -> WaitingCount | None:
    user = request.user
    if not is_verified_member(user) or not (user.is_superuser or admin_network_ids(user)):
        return None
    return WaitingCount(
        template="networks/includes/home_requests_waiting.html",
        rows=pending_requests_for_admin(user),
        url=reverse("networks:manage"),
        order=10,
    )
