"""The home page box: the signed-in person's next events."""

from typ_site.core.home import HomeSection

from .selectors import upcoming_occurrences_for


def next_events_section(request) -> HomeSection | None:
    if not request.user.is_authenticated:
        return None
    return HomeSection(
        template="calendar_app/includes/home_section.html",
        context={"occurrences": upcoming_occurrences_for(request.user, limit=3)},
        order=40,
    )
