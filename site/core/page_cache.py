"""The shared page cache: public pages as anonymous visitors see them, kept in the cache.

Every anonymous visitor sees the same page, so the first one's answer is kept in the cache
that every server process shares (the database cache table, or Redis when `CACHE_URL` names
one) and served to the next ones without routing, rendering or queries of the page itself.

What is kept: a Wagtail page (home, guidance, interpretations, practices, network pages and
the listings; marked by the `before_serve_page` hook below) answered with 200 to a GET
without a session or a messages cookie, whose rendering used no CSRF token (no form), set no
cookie and did not mark itself private. A request with a session cookie is never answered
from the cache (a signed-in person, or someone with session state such as a page password),
and neither is one with messages waiting. Private pages never reach the cache: for a visitor
without a session they answer with a redirect to sign in, and only 200s are kept.

The key: the host, the path with its query string, and the language (the address names it:
/sv/... is Swedish; the key names it anyway), under the current *generation*. Anything saved
that a public page may show (a page published, unpublished, moved, deleted or saved, a view
restriction, a site, an image or a document, a network, an event, a tag, ...) starts a new
generation, in every process at once: listings and the home page show other pages and
events, so one site-wide generation is the simple choice that is always right. A kept page
also expires after `PAGE_CACHE_SECONDS` (the home page's next events move on with time).

Headers: a kept page is sent with `Cache-Control: public, max-age=..., s-maxage=...`, an
`ETag` and `Last-Modified`, and answers a conditional request (`If-None-Match`,
`If-Modified-Since`) with 304. A page for a signed-in person is `private, no-cache`.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache_reads

GENERATION_KEY = "typ:pages:generation"
PAGE_KEY = "typ:page:{digest}"
CACHEABLE_ATTRIBUTE = "_typ_page_cacheable"
HEADER = "X-Page-Cache"

# Apps whose rows a public page may show; a save or delete of any of their models (less the
# per-person ones below) starts a new generation.
CONTENT_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
    "core",
    "networks",
    "knowledge",
    "induction",
    "calendar_app",
    "participation",
}
PER_PERSON_MODELS = {
    "calendar_app.feedtoken",
    "participation.ballot",
    "participation.ballotchoice",
    "core.accessibilityfeedback",
    "wagtailcore.pagesubscription",
    "knowledge.pagefollow",
}


def seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def browser_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 60)


# --- The generation ---------------------------------------------------------------------


def new_generation() -> str:
    """Forget every kept page (all hosts, all languages, all processes)."""
    generation = uuid.uuid4().hex
    cache_reads.set_generation(GENERATION_KEY, generation, None)
    return generation


# While `migrate` runs, the cache may not exist yet (the database cache's table is made by
# `createcachetable`, after the first migration), and migrations that save content must not
# need it. pre_migrate comes for every app before the first migration, post_migrate after the
# last; a migration on a live site leaves kept pages to expire (PAGE_CACHE_SECONDS).
_migrating = False


def _migration_started(sender, **kwargs) -> None:
    global _migrating
    _migrating = True


def _migration_finished(sender, **kwargs) -> None:
    global _migrating
    _migrating = False


def migrating() -> bool:
    """Whether `migrate` is running in this process (the cache may not exist yet)."""
    return _migrating


# How many changes this process has made: what a request read from the shared rows
# (`typ_site.core.shared_rows`) before a change of its own is read again after it.
changes_here = 0


def purge() -> None:
    global changes_here
    changes_here += 1
    if migrating():
        return
    # Now, and again after the commit: a request that renders a page in between could read
    # the content as it was and keep it under the new generation.
    new_generation()
    transaction.on_commit(new_generation)


def _model_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in CONTENT_APPS:
        return
    if meta.label_lower in PER_PERSON_MODELS:
        return
    purge()


def _page_event(sender, **kwargs):
    purge()


def connect_signals() -> None:
    pre_migrate.connect(_migration_started, dispatch_uid="core.page_cache.migrating")
    post_migrate.connect(_migration_finished, dispatch_uid="core.page_cache.migrated")
    post_save.connect(_model_changed, dispatch_uid="core.page_cache.saved")
    post_delete.connect(_model_changed, dispatch_uid="core.page_cache.deleted")
    m2m_changed.connect(_model_changed, dispatch_uid="core.page_cache.m2m")
    page_published.connect(_page_event, dispatch_uid="core.page_cache.published")
    page_unpublished.connect(_page_event, dispatch_uid="core.page_cache.unpublished")
    post_page_move.connect(_page_event, dispatch_uid="core.page_cache.moved")
    # A view restriction's groups live in a table of their own (an m2m "through" model).
    m2m_changed.connect(
        _page_event, sender=PageViewRestriction.groups.through, dispatch_uid="core.page_cache.groups"
    )


# --- Which requests and responses --------------------------------------------------------


def may_answer_from_cache(request) -> bool:
    """A GET or HEAD by someone without a session or waiting messages (and the cache on)."""
    if request.method not in ("GET", "HEAD") or seconds() <= 0:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def mark_cacheable(request) -> None:
    """Called for Wagtail pages (the `before_serve_page` hook): their answer may be kept."""
    setattr(request, CACHEABLE_ATTRIBUTE, True)


def may_keep(request, response) -> bool:
    if not getattr(request, CACHEABLE_ATTRIBUTE, False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a form with a CSRF token
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control or "no-cache" in control:
        return False
    return not _signed_in(request)


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _key(request) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    digest = hashlib.sha256(f"{host}\n{request.get_full_path()}\n{language}".encode()).hexdigest()
    return PAGE_KEY.format(digest=digest)


def _public_headers(response) -> None:
    patch_cache_control(response, public=True, max_age=browser_seconds(), s_maxage=seconds())
    patch_vary_headers(response, ("Cookie",))


# --- The middleware ----------------------------------------------------------------------


class PageCacheMiddleware:
    """Answer from the page cache or keep the answer there; mark private answers private.

    Placed after the session and locale middleware and before the CSRF middleware: a kept
    answer then skips the rest (authentication, messages, routing and the page itself).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request) if may_answer_from_cache(request) else None
        generation = None
        if key:
            # One cache read for both: the current generation and the kept page.
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or new_generation()
            kept = found.get(key)
            if kept is not None and kept["generation"] == generation:
                return self._from_cache(request, kept)
        response = self.get_response(request)
        if key and may_keep(request, response):
            self._keep(key, generation, response)
            response[HEADER] = "miss"
        elif "Cache-Control" not in response and _signed_in(request):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _keep(self, key: str, generation: str, response) -> None:
        content = response.content
        etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
        modified = time.time()
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        _public_headers(response)
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "content-length", HEADER.lower())
        }
        cache.set(
            key,
            {
                "generation": generation,
                "content": content,
                "headers": headers,
                "etag": etag,
                "modified": modified,
            },
            seconds(),
        )

    def _from_cache(self, request, kept: dict):
        conditional = get_conditional_response(
            request, etag=kept["etag"], last_modified=int(kept["modified"])
        )
        if conditional is not None:
            for name in ("Cache-Control", "Vary", "ETag", "Last-Modified"):
                if name in kept["headers"]:
                    conditional[name] = kept["headers"][name]
            conditional[HEADER] = "hit"
            return conditional
        response = HttpResponse(kept["content"])
        for name, value in kept["headers"].items():
            response[name] = value
        response[HEADER] = "hit"
        return response
