"""The calendar's part of a person's data export."""

from .models import FeedToken
from .selectors import registrations_of


def calendar_export_section(user) -> dict:
    registrations = registrations_of(user)
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_url": registration.event.get_absolute_url(),
                "occurrence_start": registration.occurrence_start.isoformat(),
                "status": registration.status,
                "note_to_organisers": registration.note,
                "registered_at": registration.created_at.isoformat(),
                "promoted_at": (registration.promoted_at.isoformat() if registration.promoted_at else None),
            }
            for registration in registrations
        ],
        "feed_addresses": [
            {
                "created_at": token.created_at.isoformat(),
                "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
            }
            for token in FeedToken.objects.filter(user=user).order_by("created_at")
        ],
    }
