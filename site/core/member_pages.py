"""Pages as members see them, kept for everyone of the same standing, with their personal parts
filled in for each person.

A member's guidance page differs from another member's only in a few *personal parts*: the
header's name, notification counts and sign-out form, and the page's follow button (each with
the person's CSRF token). Everything else depends on what the rules read of the person, their
*standing* (`typ_site.accounts.roles.standing`: groups, permissions, approved memberships,
role): the page's view restrictions, the network-only content, the adoption statuses of the
person's networks. So a page rendered for one member is kept, with its personal parts cut out,
for everyone of the same standing, and the next one gets it with their own parts rendered in
(a few small templates instead of the whole page, and no routing).

- **Personal parts** are rendered by `{% personal_part "name" args %}` (`typ_tags`), through a
  registered `Part`: a template and a function that gives its context for a person, from the
  page's context when the page is rendered, or from the request alone when a kept page is
  filled. The rendering is wrapped in `<!--typ-part:name:args-->...<!--/typ-part-->`; a kept
  page holds only the opening marker where the part was.
- **Which pages.** A Wagtail page whose class sets `member_page_cache = True` (pages whose only
  personal parts are the ones above), marked by the `before_serve_page` hook, not restricted
  by a password (which is per session), or a view marked `kept_for_standing` (the calendar's
  month, agenda and wheel; the private feed address is a part of its own), answered with 200
  to a GET, with no waiting messages, no cookie but the CSRF cookie, and no CSRF token left outside the parts.
- **For whom.** A signed-in, active member who cannot open the Wagtail admin (editors see the
  editing bar and previews; they are few and are served as before).
- **The key.** The host, the path with its query string, the language, the time zone and a
  digest of the standing, under the page cache's generation (every content change, as for
  the anonymous page cache) and a generation of its own renewed by changes of what only
  members see (`MEMBER_ONLY_APPS`: the adoption statuses, the indicators). A kept page also
  expires after `PAGE_CACHE_SECONDS`.
- **Pages of one person.** A page whose class sets `member_page_cache = PER_SESSION` (the home
  page: my network's new topics, my next events, my open polls) or a view marked
  `kept_for_session` (a forum topic, an event, a voting round) is the person's own through
  and through. It is kept for their session and day only (the key adds the person, the
  session and the local date), with its CSRF and one-time form tokens made anew for each
  view, under two more generations: `_SESSION_PAGES`, renewed by a change in the apps such a
  page shows beyond the content (`SESSION_PAGE_APPS`: the forums, the polls, the accounts,
  the networks), and the person's own (`person_changed`), renewed by a change of a row that
  names them (a read mark, a follow, a ballot, a registration: any row with a foreign key to
  the person) and by the bulk writes that send no signal, which call it themselves. Rows only
  their own person's pages show (`OWN_ROWS`: read marks, follows, feed tokens) renew only the
  person's generation, so one member reading a topic does not retire everyone's home page.
  What the personal parts read of the person's own rows (the pages they follow, whether they
  have a feed address) is kept under the same generation (`person_value`), read with the
  request's one read of the cache.
- **Stored** as the page's pieces (text, a place to fill, text...) joined by a separator and
  compressed, so that a hit joins the pieces without scanning the page; the keys name this
  form, so pages kept in an earlier form are never read.

The key and its generations are read with the request's other kept values in one read
(`typ_site.core.cache_reads`: for a Wagtail page, the read of its shared rows), after
authentication and two-step verification: a kept page skips routing, the page's queries and
its rendering, never the checks before it.
"""

import hashlib
import re
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction

from typ_site.accounts.roles import can_open_wagtail_admin, is_verified_member, standing

from . import cache_reads, page_cache
from .generations import Generation

KEEPABLE_ATTRIBUTE = "_typ_member_page"
KEY_ATTRIBUTE = "_typ_member_page_key"
GENERATIONS_ATTRIBUTE = "_typ_member_page_generations"
HEADER = "X-Member-Page-Cache"
# The keys carry the form a page is kept in: a release that keeps pages otherwise never reads
# the pages an earlier one kept.
KEY = "typ:member-page:2:{digest}"
SESSION_KEY = "typ:session-page:2:{digest}"
FOR_STANDING = "standing"
PER_SESSION = "session"
MEMBER_ONLY_APPS = {"operating_model", "indicators"}
_GENERATION = Generation("member-pages", 24 * 60 * 60)
# What a page of one person shows beyond the content (which the page cache's generation
# follows): the forums' topics, posts, reports and notifications, and the people themselves.
SESSION_PAGE_APPS = {"forums", "participation", "accounts", "auth", "networks"}
_SESSION_PAGES = Generation("session-pages", 24 * 60 * 60)
# Rows of those apps that only their own person's pages show.
OWN_ROWS = {"forums.topicreadstate", "forums.follow", "forums.feedtoken"}
_WATCHED_APPS = page_cache.CONTENT_APPS | MEMBER_ONLY_APPS | SESSION_PAGE_APPS

_WHOLE_PART = re.compile(r"<!--typ-part:([a-z_]+(?::[0-9]+)*)-->.*?<!--/typ-part-->", re.DOTALL)
_PART_END = "<!--/typ-part-->"
# A kept page is stored as its pieces: text, a place to fill, text, ... joined by NUL (which no
# HTML page holds), and compressed: a hit joins the pieces with no scan of the page.
_SEPARATOR = "\0"
_CSRF_FIELD = "csrfmiddlewaretoken"
# In a page kept for a session, the values made anew for every view: the CSRF token and a
# form's one-time token (a hidden `token` field, which makes a double submit one post).
_FRESH_VALUE = re.compile(r'(name="(csrfmiddlewaretoken|token)" value=")[^"]*(")')


# --- Personal parts ---------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A personal part: `template` rendered with `values(request, args, context)`; `context` is
    the page's context while the page renders, None when a kept page is filled."""

    template: str
    values: Callable[[Any, tuple[int, ...], Any], dict | None]


_PARTS: dict[str, Part] = {}


def register_part(name: str, part: Part) -> None:
    _PARTS[name] = part


def render_part(name: str, request, args: tuple[int, ...], context=None) -> SafeString:
    """The part for the person of `request`, wrapped in its markers ("" when it has nothing)."""
    values = _PARTS[name].values(request, args, context)
    if values is None:
        return SafeString("")
    values.setdefault("request", request)
    values.setdefault("user", request.user)
    # Like Django's context processor: a part without a form asks for no token (and a page
    # for visitors then stays without a CSRF cookie, as the page cache needs).
    values["csrf_token"] = SimpleLazyObject(lambda: get_token(request))
    html = get_template(_PARTS[name].template).render(values)
    suffix = "".join(f":{int(arg)}" for arg in args)
    return format_html("<!--typ-part:{}{}-->{}" + _PART_END, name, suffix, html)


def _account_values(request, args, context) -> dict:
    return {}


register_part("account", Part("includes/account_nav.html", _account_values))


def _cut(content: str, fresh_values: bool) -> str:
    """The page as kept: each personal part (and with `fresh_values`, each CSRF and one-time
    token) replaced by a place to fill, between separators."""
    content = _WHOLE_PART.sub(rf"{_SEPARATOR}part:\1{_SEPARATOR}", content)
    if fresh_values:
        content = _FRESH_VALUE.sub(rf"\1{_SEPARATOR}fresh:\2{_SEPARATOR}\3", content)
    return content


def _fill(content: str, request) -> str:
    pieces = content.split(_SEPARATOR)
    csrf_token = SimpleLazyObject(lambda: get_token(request))  # one for the page, as on a render
    for index in range(1, len(pieces), 2):
        kind, _colon, what = pieces[index].partition(":")
        if kind == "part":
            name, *args = what.split(":")
            pieces[index] = render_part(name, request, tuple(int(arg) for arg in args))
        elif what == _CSRF_FIELD:
            pieces[index] = str(csrf_token)
        else:
            pieces[index] = str(uuid.uuid4())
    return "".join(pieces)


# --- The generation ---------------------------------------------------------------------


def _person_generation(user_id: int) -> Generation:
    return Generation(f"person-pages:{user_id}", 24 * 60 * 60)


PERSON_VALUES_KEY = "typ:person-values:{user_id}"
T = TypeVar("T")


def person_value(request, name: str, compute: Callable[[], T]) -> T:
    """A value read from the person's own rows (the pages they follow, whether they have a
    feed address), kept under their generation: a kept page's parts read it with the
    request's first read of the cache instead of asking the database."""
    user_id = request.user.pk
    generation = _person_generation(user_id)
    key = PERSON_VALUES_KEY.format(user_id=user_id)
    found = cache_reads.get_many([generation.key, key])
    current = found.get(generation.key) or generation.new()
    stored = found.get(key)
    values = stored[1] if stored is not None and stored[0] == current else {}
    if name not in values:
        values = {**values, name: compute()}
        cache_reads.set(key, (current, values), generation.seconds)
    return values[name]


def person_changed(user_id: int) -> None:
    """Retire the pages kept for this person: called by the bulk writes of their own rows that
    send no signal (read marks, notifications marked read)."""
    _person_generation(user_id).renew()


def session_pages_changed() -> None:
    """Retire every person's kept pages: called by the bulk writes that send no signal (new
    notifications)."""
    _SESSION_PAGES.renew()


def _people_named(sender, instance) -> set[int]:
    """The people a row names: the values of its foreign keys to the user model."""
    user_model = get_user_model()
    if sender is user_model:
        return {instance.pk}
    return {
        value
        for field in sender._meta.concrete_fields
        if field.is_relation and field.related_model is user_model
        if (value := getattr(instance, field.attname, None)) is not None
    }


def _member_content_changed(sender, instance=None, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in _WATCHED_APPS:
        return
    if meta.app_label in MEMBER_ONLY_APPS:
        _GENERATION.renew()
    if meta.app_label in SESSION_PAGE_APPS and meta.label_lower not in OWN_ROWS:
        _SESSION_PAGES.renew()
    if instance is not None and isinstance(instance, sender):
        for user_id in _people_named(sender, instance):
            person_changed(user_id)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_member_content_changed, dispatch_uid=f"core.member_pages.{id(signal)}")


# --- Which requests and answers ---------------------------------------------------------


def _served_person(request) -> bool:
    user = getattr(request, "user", None)
    return bool(
        user is not None
        and is_verified_member(user)
        and not user.is_superuser
        and not can_open_wagtail_admin(user)
    )


def _may_answer(request) -> bool:
    if request.method not in ("GET", "HEAD") or page_cache.seconds() <= 0:
        return False
    if not _served_person(request) or request.COOKIES.get("messages"):
        return False
    return "_messages" not in request.session


def mark_keepable(request, page) -> None:
    """Called for every Wagtail page served (the `before_serve_page` hook)."""
    kept_for = getattr(page.specific_class, "member_page_cache", False)
    if not kept_for:
        return
    restrictions = page.get_view_restrictions()
    if any(r.restriction_type == PageViewRestriction.PASSWORD for r in restrictions):
        return
    setattr(request, KEEPABLE_ATTRIBUTE, PER_SESSION if kept_for == PER_SESSION else FOR_STANDING)


def _may_keep(request, response) -> bool:
    if not getattr(request, KEEPABLE_ATTRIBUTE, False) or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    return len(get_messages(request)) == 0


@dataclass(frozen=True)
class _Keys:
    """Where this request's page may be kept: for the standing, and for the session."""

    standing: str
    session: str
    person_generation: str


def _keys(request) -> _Keys | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    parts = (
        host,
        request.get_full_path(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        repr(standing(request.user)),
    )
    own = (str(request.user.pk), request.session.session_key or "", timezone.localdate().isoformat())
    return _Keys(
        standing=KEY.format(digest=_digest(parts)),
        session=SESSION_KEY.format(digest=_digest((*parts, *own))),
        person_generation=_person_generation(request.user.pk).key,
    )


def _digest(parts) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --- Reading and keeping -----------------------------------------------------------------


def kept_keys(request) -> list[str]:
    """The keys a kept page is read from, read with the request's first read of the cache
    (`cache_reads`): for a Wagtail page that is the read of its shared rows, so a kept page
    costs no read of its own."""
    if not _may_be_kept_view(request):
        return []
    keys = _keys(request) if _may_answer(request) else None
    setattr(request, KEY_ATTRIBUTE, keys)
    if keys is None:
        return []
    return [
        _GENERATION.key,
        keys.standing,
        _SESSION_PAGES.key,
        keys.person_generation,
        keys.session,
        PERSON_VALUES_KEY.format(user_id=request.user.pk),
    ]


def _may_be_kept_view(request) -> bool:
    """Whether the request goes to a Wagtail page or a view marked `kept_for_standing` (a
    search, a forum topic or the admin reads no kept page)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return match.func is wagtail_views.serve or getattr(match.func, "member_page_cache", False)


def answer_from_kept(request) -> HttpResponse | None:
    """The kept page for this person filled in, or None (and the answer may then be kept).

    Called before a Wagtail page is routed, after its shared rows were read
    (`shared_rows.SharedRowsMiddleware`)."""
    if not hasattr(request, KEY_ATTRIBUTE):  # the request has read nothing from the cache yet
        setattr(request, KEY_ATTRIBUTE, _keys(request) if _may_answer(request) else None)
    keys: _Keys | None = getattr(request, KEY_ATTRIBUTE)
    if keys is None:
        return None
    found = cache_reads.get_many(
        [
            page_cache.GENERATION_KEY,
            _GENERATION.key,
            keys.standing,
            _SESSION_PAGES.key,
            keys.person_generation,
            keys.session,
        ]
    )
    for_standing = (
        found.get(page_cache.GENERATION_KEY) or page_cache.new_generation(),
        found.get(_GENERATION.key) or _GENERATION.new(),
    )
    generations: dict[str, tuple[str, ...]] = {
        FOR_STANDING: for_standing,
        PER_SESSION: (
            *for_standing,
            found.get(_SESSION_PAGES.key) or _SESSION_PAGES.new(),
            found.get(keys.person_generation) or _person_generation(request.user.pk).new(),
        ),
    }
    for kept_for, key in ((FOR_STANDING, keys.standing), (PER_SESSION, keys.session)):
        kept = found.get(key)
        if kept is not None and kept["generations"] == generations[kept_for]:
            return _from_cache(request, kept)
    setattr(request, GENERATIONS_ATTRIBUTE, generations)
    return None


def _from_cache(request, kept: dict) -> HttpResponse:
    charset = kept["charset"]
    content = _fill(zlib.decompress(kept["content"]).decode(charset), request)
    response = HttpResponse(content.encode(charset))
    for name, value in kept["headers"].items():
        response[name] = value
    response[HEADER] = "hit"
    return response


def _keep(request, response) -> None:
    charset = response.charset or "utf-8"
    kept_for = getattr(request, KEEPABLE_ATTRIBUTE)
    content = response.content.decode(charset)
    if _SEPARATOR in content:
        return
    content = _cut(content, fresh_values=kept_for == PER_SESSION)
    if kept_for != PER_SESSION and _CSRF_FIELD in content:  # a form outside the personal parts
        return
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() not in ("set-cookie", "content-length", "cache-control", "expires")
    }
    keys: _Keys = getattr(request, KEY_ATTRIBUTE)
    kept = {
        "generations": getattr(request, GENERATIONS_ATTRIBUTE)[kept_for],
        "content": zlib.compress(content.encode(charset), 6),
        "headers": headers,
        "charset": charset,
    }
    key = keys.session if kept_for == PER_SESSION else keys.standing
    cache_reads.set(key, kept, page_cache.seconds())
    response[HEADER] = "miss"


def kept_for_standing(view):
    """A view (not a Wagtail page) whose answer to a member may be kept for their standing:
    one whose every personal part is a `{% personal_part %}`."""
    view.member_page_cache = True
    return view


def kept_for_session(view):
    """A view whose answer to a member is theirs alone and may be kept for their session (a
    forum topic with their read marks and reactions, an event with their registration, a
    voting round with their ballot): kept while nothing it may show has changed, with its
    CSRF and one-time form tokens made anew for every view."""
    view.member_page_cache = PER_SESSION
    return view


class MemberPageCacheMiddleware:
    """Keeps a member's page for their standing. A Wagtail page is answered from it by
    `answer_from_kept` after its shared rows are read; a view marked `kept_for_standing`, here
    before the view runs.

    Placed after authentication, two-step verification, CSRF and messages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, GENERATIONS_ATTRIBUTE, None) and _may_keep(request, response):
            _keep(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        kept_for = getattr(view_func, "member_page_cache", False)
        if not kept_for:
            return None
        setattr(request, KEEPABLE_ATTRIBUTE, PER_SESSION if kept_for == PER_SESSION else FOR_STANDING)
        return answer_from_kept(request)
