"""Rows that every page needs and that rarely change, kept in the shared cache.

Serving a Wagtail page starts with the same reads for everyone: the Site of the host, the
site's home page in the visitor's language (with its locale), every page view restriction
(Wagtail checks the page's; `knowledge.visibility` lists pages by them all), the locales
(the routed page's content language), the sites' root paths (every page address) and the
main menu's page links (`navigation.build_links`).
`read(owner, {name: compute})` answers from the cache that every server process shares,
with one `cache.get_many` for all the names (and the generation below, and the keys the
request's other parts will read: `cache_reads`); what is missing is
computed and kept.

Invalidation: every value is kept under the page cache's *generation*
(`typ_site.core.page_cache`), which any save or delete of a page, site, locale, view
restriction (and its groups) or other content starts anew in every process at once: a value
of an older generation is never used. Within one request, a change made by this process
(`page_cache.changes_here`) also drops what the request had read. Values also expire after
`SECONDS`, like a kept page (a migration on a live site changes rows without a generation).

The answers of one request are kept on `owner` (the request's user, as `per_request` does),
so a page's later sections reuse them. `SharedRowsMiddleware` reads the page's rows before a
Wagtail page is routed and gives Wagtail the site and the route it would have read.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, PageViewRestriction, Site

from . import cache_reads, member_pages, navigation, page_cache

SECONDS = 600
KEY = "typ:rows:{name}"
_ATTRIBUTE = "_typ_shared_rows"


def read(owner, computes: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """{name: value} for these names: kept on `owner` for its request, else from the shared
    cache under the current generation (one read for all), else computed and kept."""
    kept = getattr(owner, _ATTRIBUTE, None)
    if kept is None or kept["changes"] != page_cache.changes_here:
        kept = {"changes": page_cache.changes_here, "values": {}}
        setattr(owner, _ATTRIBUTE, kept)
    values = kept["values"]
    missing = {name: compute for name, compute in computes.items() if name not in values}
    if missing:
        keys = {name: KEY.format(name=name) for name in missing}
        found = cache_reads.get_many([page_cache.GENERATION_KEY, *keys.values()])
        generation = found.get(page_cache.GENERATION_KEY) or page_cache.new_generation()
        fresh = {}
        for name, compute in missing.items():
            stored = found.get(keys[name])
            if stored is not None and stored[0] == generation:
                values[name] = stored[1]
            else:
                values[name] = compute()
                fresh[keys[name]] = (generation, values[name])
        if fresh:
            cache_reads.set_many(fresh, SECONDS)
    return {name: values[name] for name in computes}


# --- Kept in this process -------------------------------------------------------------------

# {name: (page generation, value)}
_IN_PROCESS: dict[str, tuple[str, Any]] = {}


def kept_in_process(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, kept in this process while the page generation stays the one the request
    reads: for rows a page needs only sometimes (the law sections a text may cite, a listing's
    filter choices), too many to read from the cache with every page. A Wagtail page has read
    the generation with its shared rows, so this asks nothing; elsewhere it is one read of the
    cache (`cache_reads`: with the request's first)."""
    generation = cache_reads.get_many([page_cache.GENERATION_KEY]).get(page_cache.GENERATION_KEY)
    kept = _IN_PROCESS.get(name)
    if generation is not None and kept is not None and kept[0] == generation:
        return kept[1]
    value = compute()
    if generation is not None:
        _IN_PROCESS[name] = (generation, value)
    return value


# Rows read with every Wagtail page's ({name: compute}), added by the apps
# (`share_with_every_page`): a section that needs one then costs no read of its own.
_EVERY_PAGE: dict[str, Callable[[], Any]] = {}


def share_with_every_page(name: str, compute: Callable[[], Any]) -> None:
    _EVERY_PAGE[name] = compute


# --- The view restrictions ---------------------------------------------------------------

RESTRICTIONS = "restrictions"


def _read_restrictions() -> list[PageViewRestriction]:
    """Every view restriction, with its page, its groups' ids (`group_ids`) and whether its
    page has aliases (`page_has_aliases`: an alias answers with its source's restrictions)."""
    restrictions = list(
        PageViewRestriction.objects.select_related("page")
        .prefetch_related("groups")
        .annotate(page_has_aliases=Exists(Page.objects.filter(alias_of=OuterRef("page_id"))))
    )
    for restriction in restrictions:
        restriction.group_ids = {group.pk for group in restriction.groups.all()}
    return restrictions


def view_restrictions(owner) -> list[PageViewRestriction]:
    """Every view restriction of the site (`knowledge.visibility` lists pages by them)."""
    return read(owner, {RESTRICTIONS: _read_restrictions})[RESTRICTIONS]


# --- The locales ------------------------------------------------------------------------

LOCALES = "locales"


def _read_locales() -> dict[int, Locale]:
    """Every locale by its id (a page's content language is its locale's)."""
    return {locale.pk: locale for locale in Locale.objects.all()}


# --- The sites' root paths ------------------------------------------------------------------

SITE_ROOT_PATHS = "site_root_paths"


def _read_site_root_paths() -> list:
    """Wagtail's root paths of every site (a page's address is built from them)."""
    return Site.get_site_root_paths()


# --- Routing a Wagtail page ----------------------------------------------------------------


def _route_name(request) -> str:
    hostname = split_domain_port(request._get_raw_host())[0]
    return f"route:{hostname}:{request.get_port()}:{translation.get_language()}"


def own_addresses(page, request) -> dict[str, str]:
    """{language: address} of the page's live versions (itself and its translations), each
    address in its own language (for the header's language links). A routed page that was
    read knowing it has no other live version (`has_other_versions`, `BasePage.route`) asks
    nothing."""
    if getattr(page, "has_other_versions", None) is False and page.live:
        versions = [page]
    else:
        versions = Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
    return _addresses_of(versions, request)


def _addresses_of(versions, request) -> dict[str, str]:
    addresses = {}
    for version in versions:
        language = version.locale.language_code
        with translation.override(language):
            addresses[language] = version.get_url(request=request)
    return addresses


def _with_own_addresses(pages: list, request) -> None:
    """Each page's `own_addresses`, for all of them in one query."""
    versions: dict[Any, list] = {page.translation_key: [] for page in pages}
    live = Page.objects.filter(translation_key__in=list(versions)).live().select_related("locale")
    for version in live:
        versions[version.translation_key].append(version)
    for page in pages:
        page.own_addresses = _addresses_of(versions[page.translation_key], request)


# The home page's sections are kept with it (`BasePage.known_children`), unless it has more.
MOST_KNOWN_CHILDREN = 100


def _site_and_home(request) -> tuple[Site, Any] | None:
    """The Site of the request's host and its home page in the active language, specific,
    with its locale, the addresses of its versions (`own_addresses`), its children (the
    sections, specific: routing below the home page starts there) and its parent (the tree's
    root, for the editing bar): what `Page.route_for_request` reads before it routes, and
    what the header links."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page.localized.specific
    home.locale  # noqa: B018  (read now: the page's content language)
    home.get_parent()  # kept on the page (treebeard): the editing bar's "explore" item asks it
    home.own_addresses = own_addresses(home, request)
    if home.numchild <= MOST_KNOWN_CHILDREN:
        children = list(home.get_children().specific())
        _with_own_addresses(children, request)  # the sections' language links
        home.known_children = {child.slug: child for child in children}
    return site, home


class SharedRowsMiddleware:
    """Before a Wagtail page is served: the site and its home page from the shared rows (with
    the rows every page shares), given to Wagtail as the site and route of the request
    (`request._wagtail_site`, `request._wagtail_route_for_request`, where Wagtail keeps its
    own answers). The route below the home page is Wagtail's own, `Page.route`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        name = _route_name(request)
        menu = name.replace("route:", "menu:", 1)
        rows = read(
            request.user,
            {
                name: lambda: _site_and_home(request),
                menu: lambda: navigation.build_links(request),
                RESTRICTIONS: _read_restrictions,
                LOCALES: _read_locales,
                SITE_ROOT_PATHS: _read_site_root_paths,
                **_EVERY_PAGE,
            },
        )
        if rows[name] is None:
            return None
        kept = member_pages.answer_from_kept(request)
        if kept is not None:
            return kept
        site, home = rows[name]
        request._wagtail_site = site
        # Where Wagtail keeps them for the request (`Page._get_site_root_paths`): page addresses
        # then read no cache of their own.
        request._wagtail_cached_site_root_paths = rows[SITE_ROOT_PATHS]
        setattr(request, navigation.LINKS_ATTRIBUTE, rows[menu])
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            route = home.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        if route is not None:
            # `BasePage.get_view_restrictions` answers from these without a query.
            route.page.known_view_restrictions = rows[RESTRICTIONS]
            locale = rows[LOCALES].get(route.page.locale_id)
            if locale is not None:
                route.page.locale = locale
        request._wagtail_route_for_request = route
        return None
