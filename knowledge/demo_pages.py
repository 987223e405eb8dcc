"""What the demo content of the knowledge base is built with: block values, and pages that
are created once and afterwards updated only while nobody else has edited them.

Both the Finnish pages (`demo_content`) and their Swedish translations (`demo_swedish`) use
these helpers.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from typ_site.core.demo import demo_email
from typ_site.core.models import HomePage

from .models import PracticeOrganisation


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _user(key: str):
    return get_user_model().objects.filter(email=demo_email(key)).first()


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _text(*paragraphs: str) -> tuple:
    return (
        "text",
        "".join(
            paragraph if paragraph.startswith("<") else f"<p>{paragraph}</p>" for paragraph in paragraphs
        ),
    )


def _callout(text: str, title: str = "", kind: str = "info") -> tuple:
    return ("callout", {"kind": kind, "title": title, "text": f"<p>{text}</p>"})


def _steps(title: str, *steps) -> tuple:
    return (
        "process_steps",
        {
            "title": title,
            "steps": [
                {"title": step, "description": f"<p>{description}</p>", "responsible": who}
                for step, who, description in steps
            ],
        },
    )


def _matrix(caption: str, *rows) -> tuple:
    return (
        "responsibility_matrix",
        {
            "caption": caption,
            "rows": [{"step": step, "te": te, "hva": hva, "kela": kela} for step, te, hva, kela in rows],
        },
    )


def _faq(title: str, *items) -> tuple:
    return (
        "faq",
        {
            "title": title,
            "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items],
        },
    )


RELATION_NAMES = ("tags", "sections", "related_sections", "networks", "change_notes", "organisations")


def _without_ids(value):
    """StreamField data without block ids (they are new every time the JSON is assigned)."""
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _fingerprint(page, field_names) -> str:
    """What the demo wrote on the page: its fields and relations, comparable between runs."""
    data = {}
    for name in field_names:
        field = page._meta.get_field(name)
        value = getattr(page, name)
        if hasattr(value, "raw_data"):  # a StreamField
            value = _without_ids(field.get_prep_value(value))
        elif hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        data[name] = value
    if "tags" in field_names or hasattr(page, "tags"):
        data["tags"] = sorted(tag.slug for tag in page.tags.all())
    for name in ("sections", "related_sections", "networks"):
        if hasattr(page, name):
            data[name] = sorted(item.pk for item in getattr(page, name).all())
    if hasattr(page, "change_notes"):
        data["change_notes"] = [(note.date.isoformat(), note.note) for note in page.change_notes.all()]
    if hasattr(page, "organisations"):
        data["organisations"] = [(org.organisation_type, org.name) for org in page.organisations.all()]
    return json.dumps(data, sort_keys=True, default=str)


def _apply(page, model, fields: dict, relations: dict) -> None:
    for name, value in fields.items():
        setattr(page, name, value)
    if "tags" in relations:
        page.tags.set(relations["tags"])
    for name in ("sections", "related_sections", "networks"):
        if name in relations:
            getattr(page, name).set(relations[name])
    # Each note and organisation gets its place (`sort_order`): a cluster's children assigned
    # as a list are saved without one, and rows without a place come back from the database
    # in any order, which `_fingerprint` would read as a change on the next load.
    if "change_notes" in relations:
        note_model = model._meta.get_field("change_notes").related_model
        page.change_notes = [
            note_model(date=date, note=note, sort_order=place)
            for place, (date, note) in enumerate(relations["change_notes"])
        ]
    if "organisations" in relations:
        page.organisations = [
            PracticeOrganisation(organisation_type=kind, name=name, sort_order=place)
            for place, (kind, name) in enumerate(relations["organisations"])
        ]


def _untouched_by_others(page, publish_by) -> bool:
    """True when every revision of the page was made by the demo's own publisher (or nobody)."""
    others = page.revisions.exclude(user__isnull=True)
    if publish_by is not None:
        others = others.exclude(user=publish_by)
    return not others.exists() and not page.has_unpublished_changes


def _publish(page, publish_by) -> None:
    revision = page.save_revision(user=publish_by, log_action=True)
    revision.publish(user=publish_by, skip_permission_checks=True)
    page.refresh_from_db()


def _bring_up_to_date(page, fields: dict, relations: dict, publish_by) -> None:
    """Give an existing page the demo's current text (a new published revision) only when it
    differs and nobody but the demo's publisher has edited the page; an editor's changes stay."""
    if not _untouched_by_others(page, publish_by):
        return
    before = _fingerprint(page, list(fields))
    _apply(page, type(page), fields, relations)
    if _fingerprint(page, list(fields)) != before:
        _publish(page, publish_by)


def ensure_page(parent: Page, model, slug: str, *, publish_by=None, refresh=True, **fields):
    """The child page with this slug: created and published if missing, else brought up to date
    (`refresh`) unless someone else has edited it."""
    relations = {name: fields.pop(name) for name in RELATION_NAMES if name in fields}
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if refresh:
            _bring_up_to_date(page, fields, relations, publish_by)
        return page, False
    page = model(slug=slug, **fields)
    _apply(page, model, {}, relations)
    parent.add_child(instance=page)
    _publish(page, publish_by)
    return page, True


def ensure_translation(source: Page, locale, *, publish_by=None, **fields):
    """The translation of `source` into `locale`: created and published if missing, else
    brought up to date the way `ensure_page` updates a page (an editor's changes stay).

    The translation keeps the page's slug, so the address under /sv/ is the Finnish one
    with the prefix, and links into a Finnish page lead to its translation where one exists.
    """
    relations = {name: fields.pop(name) for name in RELATION_NAMES if name in fields}
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        page = existing.specific
        _bring_up_to_date(page, fields, relations, publish_by)
        return page, False
    page = source.specific.copy_for_translation(locale).specific
    _apply(page, type(page), fields, relations)
    _publish(page, publish_by)
    return page, True


def demo_day(home: HomePage) -> datetime.date:
    """The day the demo was first loaded: the guidance history is dated back from it.

    Dating from the first load, not from each run, keeps the history the same when the demo
    is loaded again on a later day (a changed date would read as a new change note).
    """
    if home.first_published_at is None:
        return timezone.localdate()
    return min(timezone.localdate(home.first_published_at), timezone.localdate())


def _published_on(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def backdate(page, publish_by) -> None:
    """The page's first and last publication on its first and latest change note.

    Only a page nobody but the demo has edited: an editor's publication keeps its real date.
    """
    days = sorted(note.date for note in page.change_notes.all())
    if not days or not _untouched_by_others(page, publish_by):
        return
    first, last = _published_on(days[0]), _published_on(days[-1])
    if (page.first_published_at, page.last_published_at) != (first, last):
        Page.objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last)
        page.first_published_at, page.last_published_at = first, last
