"""Searches that found nothing, counted per normalised query and day for KEHA's editors.

Nothing about the person is kept: no user, session, address or time of day, only the query
as normalised here and how many times it found nothing that day. A query that holds a personal
identity code is never stored (the search view refuses to search for it at all; `record`
checks again). Rows older than `KEEP_DAYS` are deleted by `purge` (`manage.py
search_purge_zero_results`, run daily by the timers).
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet, Sum
from django.utils import timezone

from typ_site.core.validators import contains_personal_identity_code

from .models import ZeroResultSearch

KEEP_DAYS = 90
MAX_LENGTH = 200


def normalise(query: str) -> str:
    """One spelling per query: NFKC, lower case, single spaces, at most `MAX_LENGTH`."""
    text = unicodedata.normalize("NFKC", query).casefold()
    return " ".join(text.split())[:MAX_LENGTH].strip()


def record(query: str, day: date | None = None) -> bool:
    """Count one search for `query` that found nothing; False when it is not stored."""
    if contains_personal_identity_code(query):
        return False
    text = normalise(query)
    if not text or contains_personal_identity_code(text):
        return False
    day = day or timezone.localdate()
    rows = ZeroResultSearch.objects.filter(query=text, day=day)
    if rows.update(count=F("count") + 1):
        return True
    try:
        with transaction.atomic():
            ZeroResultSearch.objects.create(query=text, day=day, count=1)
    except IntegrityError:  # another request created the row meanwhile
        rows.update(count=F("count") + 1)
    return True


def first_day_kept(today: date | None = None) -> date:
    return (today or timezone.localdate()) - timedelta(days=KEEP_DAYS - 1)


def report(today: date | None = None) -> QuerySet:
    """One row per query of the last `KEEP_DAYS` days: query, total, last_seen; most first."""
    return (
        ZeroResultSearch.objects.filter(day__gte=first_day_kept(today))
        .values("query")
        .annotate(total=Sum("count"), last_seen=Max("day"))
        .order_by("-total", "-last_seen", "query")
    )


def purge(today: date | None = None) -> int:
    """Delete the rows older than `KEEP_DAYS` days; the number deleted."""
    deleted, _ = ZeroResultSearch.objects.filter(day__lt=first_day_kept(today)).delete()
    return deleted
