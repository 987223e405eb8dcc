"""The index update task, and how updates get queued: after the edit's transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django_tasks import task

from .indexing import remember_failure, update_with_retries

logger = logging.getLogger(__name__)


@task()
def update_search_documents(keys: list[str]) -> bool:
    """Index or delete these documents ("page:12", ...) to match the database."""
    return update_with_retries(keys)


def schedule(keys: Iterable[str]) -> None:
    """Update these documents once the current transaction commits (now, outside one)."""
    keys = sorted(set(keys))
    if keys:
        transaction.on_commit(partial(enqueue, keys))


def schedule_objects(source_name: str, pks: Iterable) -> None:
    schedule(f"{source_name}:{pk}" for pk in pks)


def enqueue(keys: list[str]) -> None:
    try:
        update_search_documents.enqueue(keys)
    except Exception as error:  # noqa: BLE001  (the queue being down must not break the edit)
        logger.exception("Could not queue a search index update for %s", keys)
        remember_failure(keys, error)
