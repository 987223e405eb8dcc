"""What an app gives the search: its documents (`SearchDocument`) and where they come from
(`SearchSource`). Plain types; this module imports nothing of the project.

An app plugs its content into the search by registering a `SearchSource` in its
AppConfig.ready()::

    from search.contracts import SearchSource
    from search.registry import register_source

    register_source(SearchSource(
        name="post",                       # key prefix: documents are "post:<pk>"
        label=_("Forum posts"),
        model=Post,
        document_for=post_document,       # Post -> SearchDocument | None (None: not indexed)
        queryset=lambda: Post.objects.select_related("topic__forum"),
        kinds={"post": _("Forum post")},  # the kinds its documents use, with labels
        dependants=[(Topic, lambda topic: topic.posts.all())],  # re-index these on change
    ))

The source decides who may see each document by giving it one access key from
`typ_site.core.access` (computed with the owning app's own selectors), so that the search
filters by exactly the rule the app's views use. Saving or deleting an instance of `model`
(or of a `dependants` model) re-indexes the affected documents after the transaction commits
(`search.signals`, connected in the search app's ready()).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet


@dataclass
class SearchDocument:
    key: str  # "<source>:<pk>", unique over the whole index
    kind: str  # facet value, e.g. "guidance", "post", "event", "document"
    title: str
    body: str
    url: str
    access_key: str  # one of typ_site.core.access: PUBLIC, MEMBERS, STAFF, network_key(id)
    tags: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    network: str = ""  # the network's name
    organisation: str = ""
    date: datetime.date | None = None
    language: str = "fi"
    attachments: str = ""  # text extracted from attached documents

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def extra_text(self) -> str:
        """Text that is searchable but not shown in snippets."""
        return "\n".join(
            part
            for part in [
                " ".join(self.tags),
                " ".join(self.themes),
                self.network,
                self.organisation,
                self.attachments,
            ]
            if part
        )


@dataclass
class SearchSource:
    name: str
    label: Any
    model: type[Model]
    document_for: Callable[[Any], SearchDocument | None]
    queryset: Callable[[], QuerySet] | None = None
    kinds: dict[str, Any] = field(default_factory=dict)
    # Other models whose change affects this source's documents: (model, instance -> objects).
    dependants: list[tuple[type[Model], Callable[[Any], Iterable[Any]]]] = field(default_factory=list)
    # Connect post_save/post_delete of `model` automatically (off when the app sends its
    # own updates, as the page source does with Wagtail's publishing signals).
    connect_model_signals: bool = True

    def get_queryset(self) -> QuerySet:
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()

    def key_for(self, pk: Any) -> str:
        return f"{self.name}:{pk}"

    def get_object(self, pk: Any):
        return self.get_queryset().filter(pk=pk).first()

    def iter_documents(self, chunk_size: int = 500) -> Iterable[SearchDocument]:
        for obj in self.get_queryset().order_by("pk").iterator(chunk_size=chunk_size):
            document = self.document_for(obj)
            if document is not None:
                yield document

    def count(self) -> int:
        return self.get_queryset().count()
