"""The networks' part of the home page: the membership requests waiting for this person's
decision (`selectors.pending_requests_for_admin`, the rule of the management page)."""

from django.urls import reverse

from typ_site.accounts.roles import is_verified_member
from typ_site.core.home import WAITING, HomeSection

from .selectors import admin_network_ids, pending_requests_for_admin


def membership_requests_section(request) -> HomeSection | None:
    user = request.user
    if not is_verified_member(user) or not (user.is_superuser or admin_network_ids(user)):
        return None
    count = pending_requests_for_admin(user).count()
    if not count:
        return None
    return HomeSection(
        template="networks/includes/home_requests_waiting.html",
        context={"count": count, "url": reverse("networks:manage")},
        order=10,
        group=WAITING,
    )
