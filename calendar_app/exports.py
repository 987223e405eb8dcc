"""The calendar's part of a person's data export."""

from typ_site.accounts.exports import ExportRows, Rows

from .models import Event, FeedToken
from .selectors import registrations_of


def calendar_export_rows(user) -> dict[str, ExportRows]:
    return {
        "registrations": ExportRows(
            registrations_of(user),
            {
                "event": "event_id",
                "title": "event__title",
                "occurrence_start": "occurrence_start",
                "status": "status",
                "note": "note",
                "created_at": "created_at",
                "promoted_at": "promoted_at",
            },
            order_by=("occurrence_start",),
        ),
        "feed_tokens": ExportRows(
            FeedToken.objects.filter(user=user),
            {"created_at": "created_at", "last_used_at": "last_used_at"},
            order_by=("created_at",),
        ),
    }


def calendar_export_section(user, rows: Rows) -> dict:
    return {
        "registrations": [
            {
                "event": registration["title"],
                "event_url": Event(pk=registration["event"]).get_absolute_url(),
                "occurrence_start": registration["occurrence_start"].isoformat(),
                "status": registration["status"],
                "note_to_organisers": registration["note"],
                "registered_at": registration["created_at"].isoformat(),
                "promoted_at": registration["promoted_at"].isoformat()
                if registration["promoted_at"]
                else None,
            }
            for registration in rows["registrations"]
        ],
        "feed_addresses": [
            {
                "created_at": token["created_at"].isoformat(),
                "last_used_at": token["last_used_at"].isoformat() if token["last_used_at"] else None,
            }
            for token in rows["feed_tokens"]
        ],
    }
