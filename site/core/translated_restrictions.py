"""A page's view restrictions are the same in every language.

Wagtail keeps view restrictions per page, and each language version of a page is a page of
its own (the same `translation_key` in another locale): a restriction on the Finnish page
would leave its Swedish translation open, and one on a Finnish section would not reach the
pages of the Swedish section. So whenever a page's own restrictions change (one created,
changed, its groups changed or deleted: in the admin's privacy dialog or in code), every other
language version of the page is given the same restrictions (`mirror`). A version that is an
alias (a Swedish section made to hold a translated page) gets them too, as Wagtail gives an
alias a copy when it makes one: the alias and the pages below it answer with its source's
restrictions, but the listings (`knowledge.visibility`) go by the pages the restrictions are on.

A new translation (`copy_for_translation`) gets the page's restrictions as well: Wagtail copies
them itself unless the translated parent is restricted, and `mirror` fills that gap without
doubling (a restriction alike is kept as it is). The migration
`core.0005_view_restrictions_in_every_language` brought the restrictions made before in step
(`bring_in_step`: each language version gets every restriction found on any of them, so
nothing that was closed opens).

The writes go through the model's save() and delete() and the groups' set(): their signals
renew the page cache and the shared rows, the visibility rule's restrictions and the search
index, as any other change of a restriction does. While mirroring, the receivers here stand
aside (`_mirroring`), so a mirrored change is not mirrored back.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done

# (restriction type, password, group ids): what a restriction asks of a visitor.
Signature = tuple[str, str, frozenset[int]]

_mirroring: ContextVar[bool] = ContextVar("typ_mirroring_view_restrictions", default=False)


@contextmanager
def _standing_aside() -> Iterator[None]:
    """The receivers below ignore the changes made meanwhile (they are made alike already)."""
    token = _mirroring.set(True)
    try:
        yield
    finally:
        _mirroring.reset(token)


def _signature(restriction) -> Signature:
    groups = frozenset(group.pk for group in restriction.groups.all())
    return restriction.restriction_type, restriction.password, groups


def make_alike(page_id: int, wanted: list[Signature], existing: list, restriction_model) -> bool:
    """Give the page these restrictions (`existing`: its own, groups prefetched): those alike
    stay as they are, others are changed to match, and the rest added or deleted. Whether
    anything changed. `restriction_model` is PageViewRestriction (a migration passes its own)."""
    missing = list(wanted)
    spare = []
    for restriction in existing:
        signature = _signature(restriction)
        if signature in missing:
            missing.remove(signature)
        else:
            spare.append(restriction)
    for restriction_type, password, group_ids in missing:
        restriction = spare.pop(0) if spare else restriction_model(page_id=page_id)
        if restriction.pk is None or (restriction.restriction_type, restriction.password) != (
            restriction_type,
            password,
        ):
            restriction.restriction_type = restriction_type
            restriction.password = password
            restriction.save()
        restriction.groups.set(group_ids)
    for restriction in spare:
        restriction.delete()
    return bool(missing or spare)


def _own_restrictions(page_ids, restriction_model) -> dict[int, list]:
    restrictions = (
        restriction_model.objects.filter(page_id__in=page_ids).prefetch_related("groups").order_by("pk")
    )
    by_page = defaultdict(list)
    for restriction in restrictions:
        by_page[restriction.page_id].append(restriction)
    return by_page


@transaction.atomic
def mirror(page_id: int) -> None:
    """Give every other language version of the page the page's own view restrictions."""
    key = Page.objects.filter(pk=page_id).values("translation_key")
    versions = set(Page.objects.filter(translation_key__in=key).values_list("pk", flat=True))
    if page_id not in versions or len(versions) == 1:
        return
    by_page = _own_restrictions(versions, PageViewRestriction)
    wanted = [_signature(restriction) for restriction in by_page[page_id]]
    with _standing_aside():
        for version in sorted(versions - {page_id}):
            make_alike(version, wanted, by_page[version], PageViewRestriction)


@transaction.atomic
def bring_in_step(page_model, restriction_model) -> list[int]:
    """Give every language version of a restricted page every restriction found on any of them,
    once each; the ids of the pages whose restrictions changed. For the migration, which passes
    its own models."""
    restricted = restriction_model.objects.values("page__translation_key")
    versions = defaultdict(list)
    for pk, translation_key in (
        page_model.objects.filter(translation_key__in=restricted)
        .order_by("pk")
        .values_list("pk", "translation_key")
    ):
        versions[translation_key].append(pk)
    by_page = _own_restrictions([pk for pks in versions.values() for pk in pks], restriction_model)
    changed = []
    with _standing_aside():
        for pks in versions.values():
            if len(pks) == 1:
                continue
            wanted = list(dict.fromkeys(_signature(r) for pk in pks for r in by_page[pk]))
            changed += [pk for pk in pks if make_alike(pk, wanted, by_page[pk], restriction_model)]
    return changed


# --- The receivers -------------------------------------------------------------------------


def _restriction_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _mirroring.get() or raw:
        return
    if created and instance.restriction_type == PageViewRestriction.GROUPS:
        return  # a new restriction has no groups yet: they follow (m2m_changed), and it with them
    mirror(instance.page_id)


def _deleted_by_itself(origin) -> bool:
    """Whether a restriction was deleted as such, not with its page (or the page's locale)."""
    if isinstance(origin, QuerySet):
        return origin.model is PageViewRestriction
    return isinstance(origin, PageViewRestriction)


def _restriction_deleted(sender, instance, origin=None, **kwargs) -> None:
    if _mirroring.get() or not _deleted_by_itself(origin):
        return
    mirror(instance.page_id)


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if _mirroring.get() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        mirror(instance.page_id)
        return
    # From a group's side: the restrictions named. Clearing a group takes it from every
    # restriction, so the language versions stay alike.
    page_ids = PageViewRestriction.objects.filter(pk__in=pk_set or ()).values_list("page_id", flat=True)
    for page_id in sorted(set(page_ids)):
        mirror(page_id)


def _translation_made(sender, source_obj, target_obj, **kwargs) -> None:
    if isinstance(target_obj, Page):
        mirror(source_obj.pk)


def connect_signals() -> None:
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid="core.restrictions.saved")
    post_delete.connect(
        _restriction_deleted, sender=PageViewRestriction, dispatch_uid="core.restrictions.deleted"
    )
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="core.restrictions.groups"
    )
    copy_for_translation_done.connect(_translation_made, dispatch_uid="core.restrictions.translation")
