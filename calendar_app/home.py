"""The home page box: the signed-in person's next events, those they registered to first."""

from typ_site.core.home import HomeSection

from .selectors import next_registrations_of, upcoming_occurrences_for

SHOWN = 3


def next_events_section(request) -> HomeSection | None:
    user = request.user
    if not user.is_authenticated:
        return None
    registrations = next_registrations_of(user, limit=SHOWN)
    registered = {(registration.event_id, registration.occurrence_start) for registration in registrations}
    others = [
        occurrence
        for occurrence in upcoming_occurrences_for(user, limit=SHOWN)
        if (occurrence.event.pk, occurrence.original_start) not in registered
    ]
    return HomeSection(
        template="calendar_app/includes/home_section.html",
        context={"registrations": registrations, "occurrences": others},
        order=40,
    )
