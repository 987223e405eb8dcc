"""The main menu's page links, kept in the shared cache until a page or a site changes.

Working the links out costs a site lookup and a query over the page tree (its children are
found through a path range that also spans every deeper page, about 3 ms with 10,000 pages),
on every page of the site. The links depend only on the site, the language and the live
pages in the menu, so they are kept in the cache that every server process shares, under a
key made of the host, the port and the language, together with the menu generation they
were built in. Any saved, published, unpublished, moved or deleted page, and any saved or
deleted site, starts a new generation: the next request in any process builds the links
again. One cache read answers both questions (`get_many`).
"""

import uuid

from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache_reads
from .languages import in_current_language

GENERATION_KEY = "typ:menu:generation"
# (v2: each link carries its menu group.)
LINKS_KEY = "typ:menu:links:v2:{host}:{port}:{language}"
KEEP_SECONDS = 60 * 60 * 24


# Where a Wagtail page's request carries the links, read with the page's shared rows
# (`shared_rows.SharedRowsMiddleware`: the same cache read, under the page generation).
LINKS_ATTRIBUTE = "_typ_menu_links"


def menu_page_links(request) -> list[dict]:
    """[{"label", "url"}] for the site root's live children that are shown in menus."""
    known = getattr(request, LINKS_ATTRIBUTE, None)
    if known is not None:
        return known
    key = _links_key(request)
    if key is None:  # an error page for a host the site does not serve
        return []
    found = cache_reads.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
    kept = found.get(key)
    if kept is not None and kept[0] == generation:
        return kept[1]
    links = build_links(request)
    cache_reads.set(key, (generation, links), KEEP_SECONDS)
    return links


def _links_key(request) -> str | None:
    try:
        host, port = request.get_host(), request.get_port()
    except DisallowedHost:
        return None
    return LINKS_KEY.format(host=host, port=port, language=get_language())


def menu_keys(request) -> list[str]:
    """The keys the menu is read from, read with the request's other kept values
    (`cache_reads`); none for a Wagtail page, which reads its links with its shared rows."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.func is wagtail_views.serve:
        return []
    key = _links_key(request)
    return [] if key is None else [GENERATION_KEY, key]


def pages_in_menu(root: Page, localized: Page, fields: tuple[str, ...] = ()) -> list[Page]:
    """The live menu pages under `root`, each replaced by its translation under `localized`
    (the root's translation) where there is one: a partly translated site keeps every
    section in its menu, the sections not translated in Finnish. Specific pages unless only
    some `fields` are asked for."""

    def children(parent):
        pages = parent.get_children().live().in_menu()
        return pages.only(*fields) if fields else pages.specific()

    pages = list(children(root))
    if localized.pk == root.pk:
        return pages
    own = children(localized)
    translated = {page.translation_key: page for page in own}
    return [translated.pop(page.translation_key, page) for page in pages] + list(translated.values())


def build_links(request) -> list[dict]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    fields = ("id", "title", "url_path", "locale_id", "translation_key", "content_type_id")
    pages = pages_in_menu(site.root_page, site.root_page.localized, fields)
    return [
        {
            "label": page.title,
            "url": in_current_language(page.get_url(request=request) or "/"),
            # The page type may put its section into a group of the menu (`menu_group`).
            "group": getattr(page.specific_class, "menu_group", None),
        }
        for page in pages
    ]


def new_generation() -> str:
    """Forget every kept menu (all hosts, all languages, all processes)."""
    generation = uuid.uuid4().hex
    cache_reads.set_generation(GENERATION_KEY, generation, KEEP_SECONDS)
    return generation


def _page_changed(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        _after_commit()


def _site_changed(sender, **kwargs):
    _after_commit()


def _after_commit() -> None:
    # Now, and again after the commit: a process that builds the menu in between could read
    # the pages as they were and keep them under the new generation.
    new_generation()
    transaction.on_commit(new_generation)


def connect_signals() -> None:
    post_save.connect(_page_changed, dispatch_uid="core.navigation.page_saved")
    post_delete.connect(_page_changed, dispatch_uid="core.navigation.page_deleted")
    page_published.connect(_page_changed, dispatch_uid="core.navigation.page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="core.navigation.page_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="core.navigation.page_moved")
    post_save.connect(_site_changed, sender=Site, dispatch_uid="core.navigation.site_saved")
    post_delete.connect(_site_changed, sender=Site, dispatch_uid="core.navigation.site_deleted")
