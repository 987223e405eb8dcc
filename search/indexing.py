"""Keeping the index fresh: one document at a time, after the edit's transaction commits.

Every change only names the documents it affects ("page:12"; queued by `search.tasks.schedule`,
beside the task); the task then asks the document's source for the current state in the
database and indexes it, or deletes it from the index when the source says it is gone or no
longer indexable. That makes every update idempotent: a retried or repeated update cannot do
harm. A failure is retried with a short backoff and logged; if it still fails the key is
remembered in `PendingIndexUpdate` for `manage.py search_reindex --pending`. Nothing here
ever raises into the edit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from django.conf import settings

from .backends import get_backend
from .contracts import SearchDocument
from .models import PendingIndexUpdate
from .registry import get_source, split_key

logger = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = (0.5, 2.0)


def update_with_retries(keys: list[str]) -> bool:
    """The task's body: apply the update, retrying with backoff. True when it succeeded."""
    delays = getattr(settings, "SEARCH_INDEX_RETRY_DELAYS", DEFAULT_RETRY_DELAYS)
    error: Exception | None = None
    for attempt, delay in enumerate((0, *delays), start=1):
        if delay:
            time.sleep(delay)
        try:
            apply_update(keys)
        except Exception as caught:  # noqa: BLE001
            error = caught
            logger.warning("Search index update failed (attempt %s) for %s: %s", attempt, keys, caught)
            continue
        forget_failures(keys)
        return True
    logger.error("Search index update gave up for %s: %s", keys, error)
    remember_failure(keys, error)
    return False


def documents_for(keys: Iterable[str]) -> tuple[list[SearchDocument], list[str]]:
    """The documents to (re)index and the keys to delete, from the database as it is now."""
    to_index, to_delete = [], []
    for key in keys:
        source_name, pk = split_key(key)
        source = get_source(source_name)
        obj = source.get_object(pk) if source is not None else None
        document = source.document_for(obj) if source is not None and obj is not None else None
        if document is None:
            to_delete.append(key)
        else:
            to_index.append(document)
    return to_index, to_delete


def apply_update(keys: Iterable[str]) -> None:
    to_index, to_delete = documents_for(keys)
    backend = get_backend()
    if to_index:
        backend.index_documents(to_index)
    if to_delete:
        backend.delete_documents(to_delete)


def remember_failure(keys: Iterable[str], error: Exception | None) -> None:
    try:
        for key in keys:
            pending, _created = PendingIndexUpdate.objects.get_or_create(key=key)
            pending.attempts += 1
            pending.last_error = repr(error)[:2000]
            pending.save()
    except Exception:  # noqa: BLE001  (the database itself may be what failed)
        logger.exception("Could not record the failed search index update for %s", keys)


def forget_failures(keys: Iterable[str]) -> None:
    try:
        PendingIndexUpdate.objects.filter(key__in=list(keys)).delete()
    except Exception:  # noqa: BLE001
        logger.exception("Could not clear pending search index updates")
