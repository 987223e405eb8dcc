"""The knowledge base's parts of the home page: guidance (the latest for a visitor, what
changed since the last visit for a member), and the practices waiting for this person's review."""

from django.urls import reverse

from typ_site.accounts.roles import holds_powers, is_verified_member
from typ_site.core.home import HomeSection, WaitingCount, previous_visit

from .selectors import guidance_index, practices_awaiting_review, recently_changed_guidance

LATEST_FOR_VISITORS = 3
CHANGED_FOR_MEMBERS = 5


def guidance_home_section(request) -> HomeSection:
    user = request.user
    if not is_verified_member(user):
        pages = recently_changed_guidance(user, limit=LATEST_FOR_VISITORS)
        since = None
    else:
        since = previous_visit(request)
        pages = recently_changed_guidance(user, since=since.date(), limit=CHANGED_FOR_MEMBERS)
    # The menu links the guidance section; the box links it too when it has nothing to list.
    return HomeSection(
        template="knowledge/includes/home_guidance.html",
        context={"pages": pages, "since": since, "index": None if pages else guidance_index(user)},
        order=60 if since else 20,
    )


def practices_review_section(request) -> WaitingCount | None:
    """Only people with powers beyond a member's review anything (a member's review groups
    would make them hold powers), so nothing is asked for the others."""
    if not holds_powers(request.user):
        return None
    return WaitingCount(
        template="knowledge/includes/home_practices_waiting.html",
        rows=practices_awaiting_review(request.user),
        url=reverse("wagtailadmin_home"),
        order=30,
    )
