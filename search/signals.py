"""Signal wiring: a registered source's model changes → its documents are updated.

`connect_sources()` runs in the search app's ready(), after the apps listed before `search` in
INSTALLED_APPS have registered their sources (tests/search/test_index_updates.py checks that
every registered source is connected).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models.signals import post_delete, post_save, pre_delete

from .contracts import SearchSource
from .tasks import schedule


def _uid(source, what: str, model) -> str:
    return f"search:{source.name}:{what}:{model._meta.label}"


def connect_sources(sources: Iterable[SearchSource]) -> None:
    for source in sources:
        connect_source(source)


def connect_source(source: SearchSource) -> None:
    if source.connect_model_signals:

        def saved_or_deleted(sender, instance, **kwargs):
            schedule([source.key_for(instance.pk)])

        post_save.connect(
            saved_or_deleted, sender=source.model, weak=False, dispatch_uid=_uid(source, "save", source.model)
        )
        post_delete.connect(
            saved_or_deleted,
            sender=source.model,
            weak=False,
            dispatch_uid=_uid(source, "delete", source.model),
        )

    for model, affected in source.dependants:

        def dependant_changed(sender, instance, affected=affected, **kwargs):
            schedule(source.key_for(obj.pk) for obj in affected(instance))

        post_save.connect(
            dependant_changed, sender=model, weak=False, dispatch_uid=_uid(source, "dep-save", model)
        )
        # Before the delete: afterwards the related objects can no longer be found.
        pre_delete.connect(
            dependant_changed, sender=model, weak=False, dispatch_uid=_uid(source, "dep-delete", model)
        )


def disconnect_source(source: SearchSource) -> None:
    if source.connect_model_signals:
        post_save.disconnect(sender=source.model, dispatch_uid=_uid(source, "save", source.model))
        post_delete.disconnect(sender=source.model, dispatch_uid=_uid(source, "delete", source.model))
    for model, _affected in source.dependants:
        post_save.disconnect(sender=model, dispatch_uid=_uid(source, "dep-save", model))
        pre_delete.disconnect(sender=model, dispatch_uid=_uid(source, "dep-delete", model))
