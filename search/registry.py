"""The registry of content sources: a dict from a source's name to its `SearchSource`.

Apps register their sources in their AppConfig.ready() (`search.contracts` shows how); the
search app's ready() then connects the sources' model signals (`search.signals`). This module
only keeps and looks up: it imports nothing but the contracts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .contracts import SearchDocument, SearchSource

_sources: dict[str, SearchSource] = {}
_kind_labels: dict[str, Any] = {}


def register_source(source: SearchSource) -> SearchSource:
    """Add a source (idempotent by name: registering again replaces it)."""
    if ":" in source.name:
        raise ValueError("A source name cannot contain ':'")
    _sources[source.name] = source
    _kind_labels.update(source.kinds)
    return source


def register_kind(name: str, label: Any) -> None:
    _kind_labels[name] = label


def get_sources() -> list[SearchSource]:
    return list(_sources.values())


def get_source(name: str) -> SearchSource | None:
    return _sources.get(name)


def kind_label(kind: str):
    return _kind_labels.get(kind, kind)


def split_key(key: str) -> tuple[str, str]:
    source_name, _, pk = key.partition(":")
    return source_name, pk


def iter_all_documents() -> Iterable[SearchDocument]:
    for source in get_sources():
        yield from source.iter_documents()


def count_all() -> int:
    return sum(source.count() for source in get_sources())
