"""The identity of a change note, shared by the page models and the admin's edit form."""

import datetime
import hashlib
from collections import defaultdict
from typing import Any

from django.db.models import Max, Model
from django.utils import timezone


def note_fingerprint(date: datetime.date, note: str) -> str:
    """The same for the same note in every revision (inline rows get new ids on each publish);
    differences of white space do not count."""
    text = " ".join(note.split())
    return hashlib.sha256(f"{date.isoformat()}|{text}".encode()).hexdigest()


def attach_newest_note_dates(pages) -> None:
    """Give each page with a change history the date of its newest note (or None), so that its
    `last_updated` costs no query: one query per kind of page among them, whatever their number."""
    by_model: dict[type[Model], list] = defaultdict(list)
    for page in pages:
        if hasattr(page, "change_notes"):
            by_model[type(page)].append(page)
    for model, some_pages in by_model.items():
        note_model: Any = model._meta.get_field("change_notes").related_model
        newest = dict(
            note_model._default_manager.filter(page_id__in=[page.pk for page in some_pages])
            .values("page_id")
            .annotate(newest=Max("date"))
            .values_list("page_id", "newest")
        )
        for page in some_pages:
            page.__dict__["newest_note_date"] = newest.get(page.pk)


def change_day(newest_note: datetime.date | None, last_published_at) -> datetime.date | None:
    """When a page last changed, for "what changed lately": the date of its newest change
    note, or the day it was last published when it has none."""
    if newest_note is not None:
        return newest_note
    return timezone.localdate(last_published_at) if last_published_at else None
