"""What an edit changed in a post: a word-level difference as escaped HTML with <del> and <ins>.

Every piece of the texts is escaped; the only markup is our own <del>, <ins> and the words
that tell a screen reader where a removal or an addition starts and ends (most do not
announce <del> and <ins> by themselves).
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Words and the whitespace between them, so that the difference keeps the line breaks.
_TOKENS = re.compile(r"\s+|\S+")


def _marked(tag: str, label: str, text: str) -> str:
    return format_html(
        '<{tag}><span class="visually-hidden">[{label}: </span>{text}'
        '<span class="visually-hidden">]</span></{tag}>',
        tag=tag,
        label=label,
        text=text,
    )


def text_diff(before: str, after: str) -> SafeString:
    """`after` compared with `before`: removed words in <del>, added words in <ins>."""
    old, new = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(old[old_start:old_end])))
            continue
        if old_end > old_start:
            parts.append(_marked("del", _("removed"), "".join(old[old_start:old_end])))
        if new_end > new_start:
            parts.append(_marked("ins", _("added"), "".join(new[new_start:new_end])))
    return mark_safe("".join(parts))  # noqa: S308  (every text above is escaped)


@dataclass(frozen=True)
class Edit:
    at: datetime
    edited_by: object
    title_diff: SafeString | None
    body_diff: SafeString


def edits_of(post, revisions) -> list[Edit]:
    """The post's edits, newest first, each with what it changed. `revisions` are the post's
    revisions newest first; each keeps the text (and, for a topic's first post, the title)
    as it was before its edit."""
    after_body, after_title = post.body, post.topic.title
    edits = []
    for revision in revisions:
        title_diff = None
        if revision.title and revision.title != after_title:
            title_diff = text_diff(revision.title, after_title)
        edits.append(
            Edit(revision.created_at, revision.edited_by, title_diff, text_diff(revision.body, after_body))
        )
        after_body = revision.body
        if revision.title:
            after_title = revision.title
    return edits
