"""Search sources for Wagtail: every live page, and uploaded documents with their text.

A page type can refine its search document by defining any of:
- `search_kind` (class attribute): the kind facet value, e.g. "guidance" (default "page");
- `search_document_text()`: the body text (default: the text of its `search_fields`);
- `search_access_key()`: who may see it, one key of typ_site.core.access, or None to keep it
  out of the search (default PUBLIC); a login restriction on the page or an ancestor makes
  a public page MEMBERS, and a password or group restriction keeps it out;
- `search_facets()`: a dict with any of themes, tags, network, organisation, date.
"""

from __future__ import annotations

import re
from html import unescape as unescape_entities

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Page, get_page_models
from wagtail.search import index

from typ_site.core.access import MEMBERS, PUBLIC
from typ_site.core.file_text import extract_text
from typ_site.core.languages import page_addresses_in_own_language

from .contracts import SearchDocument, SearchSource
from .registry import register_kind, register_source

PAGE_SOURCE = "page"
DOCUMENT_SOURCE = "document"


def restriction_access_key(restrictions) -> str | None:
    """PUBLIC without restrictions, MEMBERS behind a login, None behind anything stricter."""
    restrictions = list(restrictions)
    if not restrictions:
        return PUBLIC
    if all(r.restriction_type == BaseViewRestriction.LOGIN for r in restrictions):
        return MEMBERS
    return None


def page_access_key(page) -> str | None:
    """Who may see this live page (the rule of the page's own view)."""
    restricted = restriction_access_key(page.get_view_restrictions())
    if restricted is None:
        return None
    own = page.search_access_key() if hasattr(page, "search_access_key") else PUBLIC
    if own is None:
        return None
    return MEMBERS if own == PUBLIC and restricted == MEMBERS else own


# The end of a block (a paragraph, a table cell, a list item, a heading, a line break): its
# words must not run into the next block's when the tags are taken away.
BLOCK_END = re.compile(r"(</(?:p|td|th|tr|li|h[1-6]|div|blockquote|dt|dd)>|<br\s*/?>)", re.IGNORECASE)


def plain_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(plain_text(item) for item in value)
    return unescape_entities(strip_tags(BLOCK_END.sub(r"\1 ", str(value))))


def page_text(page) -> str:
    if hasattr(page, "search_document_text"):
        return page.search_document_text() or ""
    parts = []
    for search_field in page.get_search_fields():
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            parts.append(plain_text(search_field.get_value(page)))
    return "\n\n".join(part for part in parts if part.strip())


def page_document(page) -> SearchDocument | None:
    page = page.specific
    if not page.live or page.depth <= 1:
        return None
    access_key = page_access_key(page)
    if access_key is None:
        return None
    with page_addresses_in_own_language():  # one stored address, shown in the reader's language
        url = page.get_url()
    if not url:
        return None
    facets = page.search_facets() if hasattr(page, "search_facets") else {}
    published = page.last_published_at or page.first_published_at
    date = facets.get("date") or (timezone.localdate(published) if published else None)
    return SearchDocument(
        key=f"{PAGE_SOURCE}:{page.pk}",
        kind=getattr(page, "search_kind", "page"),
        title=page.title,
        body=page_text(page),
        url=url,
        access_key=access_key,
        tags=list(facets.get("tags", [])),
        themes=list(facets.get("themes", [])),
        network=facets.get("network", "") or "",
        organisation=facets.get("organisation", "") or "",
        date=date,
        language=page.locale.language_code,
    )


def live_pages():
    return Page.objects.live().filter(depth__gt=1).select_related("locale").specific()


def document_access_key(document) -> str | None:
    return restriction_access_key(document.collection.get_view_restrictions())


def wagtail_document(document) -> SearchDocument | None:
    access_key = document_access_key(document)
    if access_key is None:
        return None
    text = ""
    if document.file:
        try:
            with document.file.open("rb") as handle:
                text = extract_text(handle, document.file.name)
        except OSError:
            text = ""
    return SearchDocument(
        key=f"{DOCUMENT_SOURCE}:{document.pk}",
        kind="document",
        title=document.title,
        body=text,
        url=document.url,
        access_key=access_key,
        tags=[tag.name for tag in document.tags.all()],
        date=timezone.localdate(document.created_at) if document.created_at else None,
    )


def register_wagtail_sources() -> None:
    document_model = get_document_model()
    register_source(
        SearchSource(
            name=PAGE_SOURCE,
            label=_("Pages"),
            model=Page,
            document_for=page_document,
            queryset=live_pages,
            kinds={"page": _("Page")},
            # Publishing, moving and privacy changes come through Wagtail's own signals
            # (search.wagtail_signals), which also cover the page's descendants.
            connect_model_signals=False,
        )
    )
    register_source(
        SearchSource(
            name=DOCUMENT_SOURCE,
            label=_("Documents"),
            model=document_model,
            document_for=wagtail_document,
            queryset=lambda: document_model.objects.select_related("collection"),
            kinds={"document": _("Document")},
            dependants=[
                (
                    CollectionViewRestriction,
                    lambda restriction: document_model.objects.filter(
                        collection__path__startswith=restriction.collection.path
                    ),
                ),
            ],
        )
    )
    for model in get_page_models():
        kind = getattr(model, "search_kind", None)
        if kind:
            register_kind(kind, model._meta.verbose_name)
