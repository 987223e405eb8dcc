"""Rows that every page needs and that rarely change, kept in the shared cache.

Serving a Wagtail page starts with the same reads for everyone: the Site of the host, the
site's home page in the visitor's language (with its locale), and every page view
restriction (`knowledge.visibility` lists pages by them). `read(owner, {name: compute})`
answers from the cache that every server process shares, with one `cache.get_many` for
all the names (and the generation below); what is missing is computed and kept.

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

from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

from . import page_cache

SECONDS = 600
KEY = "typ:rows:{name}"
_ATTRIBUTE = "_typ_shared_rows"

# Names read with every Wagtail page's rows ({name: compute}), added by the apps
# (`share_with_every_page`), so that their value costs no read of its own.
_EVERY_PAGE: dict[str, Callable[[], Any]] = {}


def share_with_every_page(name: str, compute: Callable[[], Any]) -> None:
    _EVERY_PAGE[name] = compute


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
        found = cache.get_many([page_cache.GENERATION_KEY, *keys.values()])
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
            cache.set_many(fresh, SECONDS)
    return {name: values[name] for name in computes}


# --- Routing a Wagtail page ----------------------------------------------------------------


def _route_name(request) -> str:
    hostname = split_domain_port(request._get_raw_host())[0]
    return f"route:{hostname}:{request.get_port()}:{translation.get_language()}"


def _site_and_home(request) -> tuple[Site, Any] | None:
    """The Site of the request's host and its home page in the active language, specific and
    with its locale: what `Page.route_for_request` reads before it routes."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page.localized.specific
    home.locale  # noqa: B018  (read now: the page's content language)
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
        rows = read(request.user, {name: lambda: _site_and_home(request), **_EVERY_PAGE})
        if rows[name] is None:
            return None
        site, home = rows[name]
        request._wagtail_site = site
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            request._wagtail_route_for_request = home.route(
                request, [part for part in path.split("/") if part]
            )
        except Http404:
            request._wagtail_route_for_request = None
        return None
