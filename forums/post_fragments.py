"""Forum posts rendered once and kept in the shared cache, for every reader they look alike to.

A topic page shows up to twenty posts, and rendering them was most of the page's time. A
post looks the same to every reader who may do the same things with it, so the rendered
posts of a page are kept under a digest of everything their template shows (`shown_post`):
each post's text, author, times, files, reaction counts, addresses, and what this reader may
do with it (edit, report, quote, accept, moderate, see its history, their own reactions). An
edited or hidden post, a new reaction, a renamed author or a reader with other rights gives
another digest, and the posts are rendered anew: nothing needs to be forgotten. The template gets only those
values (no request, no user, no context processors), so it cannot show anything the digest
does not hold. The language and time zone are part of the key.

Two things stay per reading:
- the reader's CSRF token: the post is rendered with `TOKEN_MARKER` in its forms, and the
  token of the request replaces it;
- a post that mentions a law section ("§"): its links follow the knowledge base's pages, so
  it is rendered for each reading and not kept.

The posts of a page are kept as one entry: one read (no query on Redis or the local cache,
one on the database cache), and after a change one write, not one for each post.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .permissions import is_open_for_edits

TEMPLATE = "forums/includes/post.html"
KEY = "typ:forum-post:{digest}"
SECONDS = 24 * 60 * 60
TOKEN_MARKER = "csrf-token-of-the-reader"  # noqa: S105  (a marker, not a secret)
_MARKED_TOKEN = f'name="csrfmiddlewaretoken" value="{TOKEN_MARKER}"'


@dataclass(frozen=True)
class Reader:
    """The reader of a topic page and what they may do there."""

    user_id: int
    is_moderator: bool
    can_accept: bool
    can_reply: bool
    first_post_id: int | None
    first_unread: int | None


def shown_post(post, topic, reader: Reader) -> dict:
    """Everything the post's template shows, as plain values: its context and its key."""
    is_own = post.author_id == reader.user_id
    is_moderator = reader.is_moderator
    is_accepted = topic.accepted_post_id == post.pk
    return {
        "pk": post.pk,
        "anchor": post.anchor,
        "url": post.url,
        "author_name": post.author_name,
        "created_at": post.created_at,
        "edited_at": post.edited_at,
        "is_hidden": post.is_hidden,
        "is_accepted": is_accepted,
        "is_first_unread": post.pk == reader.first_unread,
        "history_url": post.history_url if post.edited_at and (is_own or is_moderator) else "",
        "reply_to_name": post.reply_to.author_name if post.reply_to_id and post.reply_to else "",
        "reply_to_url": post.reply_to_url,
        "body_html": post.body_html,
        "attachments": [
            {
                "url": item.get_absolute_url(),
                "is_image": item.is_image,
                "name": item.original_name,
                "size": item.size,
            }
            for item in post.attachment_list
        ],
        "react_url": "" if post.is_hidden else post.react_url,
        "reactions": post.reaction_summary if not post.is_hidden else [],
        "quote_url": post.quote_url if reader.can_reply and not post.is_hidden else "",
        "edit_url": post.edit_url if is_own and is_open_for_edits(post, topic) else "",
        "report_url": "" if is_own else post.report_url,
        "may_accept": reader.can_accept and post.pk != reader.first_post_id and not post.is_hidden,
        "moderate_url": post.moderate_url if is_moderator else "",
    }


def _key(kept_posts: list[dict | None]) -> str:
    context = (get_language(), timezone.get_current_timezone_name(), [_items(shown) for shown in kept_posts])
    return KEY.format(digest=hashlib.sha256(repr(context).encode()).hexdigest())


def _items(shown: dict | None) -> list | None:
    return None if shown is None else sorted(shown.items())


def _render(shown: dict, accept_url: str, law_sections) -> str:
    context = {"post": shown, "accept_url": accept_url, "law_sections": law_sections}
    return render_to_string(TEMPLATE, {**context, "csrf_token": TOKEN_MARKER})


def _may_keep(shown: dict) -> bool:
    return "§" not in shown["body_html"]


def rendered_posts(request, shown_posts: list[dict], *, accept_url: str, law_sections) -> list[SafeString]:
    """The posts' HTML for this reader: the page's kept posts from the cache (one read), the
    rest rendered."""
    kept_posts = [shown if _may_keep(shown) else None for shown in shown_posts]
    key = _key(kept_posts)
    kept = cache.get(key)
    if kept is None:
        kept = [None if shown is None else _render(shown, accept_url, law_sections) for shown in kept_posts]
        cache.set(key, kept, SECONDS)
    rendered = [
        html if html is not None else _render(shown, accept_url, law_sections)
        for html, shown in zip(kept, shown_posts, strict=True)
    ]
    token = f'name="csrfmiddlewaretoken" value="{get_token(request)}"'
    return [mark_safe(html.replace(_MARKED_TOKEN, token)) for html in rendered]  # noqa: S308  (rendered by the template)
