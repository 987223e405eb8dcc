"""The header's counts (unread notifications, open reports), kept per person in the shared cache.

Every signed-in page shows them. Counting asks the notifications' visibility rule in the
database, which is quick to run but slow to build; the answer is the same until something
the rule reads changes. It is kept per person under a *generation* that any change to what
the rule reads starts anew, in every process: a save or delete in the forums (less the rows no
count reads, `UNCOUNTED_MODELS`), the networks
(memberships), the accounts (people and their groups) or the operating model (reminders), and
the bulk writes that send no signal (new notifications, notifications marked read), which
call `renew` themselves. A kept count also expires after `SECONDS`.
"""

from collections.abc import Callable
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from typ_site.accounts.roles import is_verified_member
from typ_site.core.generations import Generation

KEY = "typ:header-counts:{user_id}"
SECONDS = 300
_COUNTS = Generation("header-counts", SECONDS)
WATCHED_APPS = {"forums", "networks", "accounts", "auth", "operating_model"}
# Rows of those apps that no count reads (a person's read marks, follows, reactions, feed
# token, a post's earlier versions and files, the moderation log): saving them renews nothing.
UNCOUNTED_MODELS = {
    "forums.topicreadstate",
    "forums.follow",
    "forums.reaction",
    "forums.feedtoken",
    "forums.postrevision",
    "forums.attachment",
    "forums.moderationaction",
}


def kept_for(user, compute: Callable[[], Any]) -> Any:
    """The person's counts kept under the current generation (one cache read), else computed
    and kept."""
    return _COUNTS.kept(KEY.format(user_id=user.pk), compute)


def keys_for(request) -> list[str]:
    """The keys a signed-in page reads the person's counts from, read with the request's other
    kept values (`typ_site.core.cache_reads`)."""
    user = request.user
    if not is_verified_member(user):
        return []
    return [_COUNTS.key, KEY.format(user_id=user.pk)]


def renew() -> None:
    """Forget every person's kept counts (`typ_site.core.generations`)."""
    _COUNTS.renew()


def _model_changed(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in WATCHED_APPS and meta.label_lower not in UNCOUNTED_MODELS:
        renew()


def connect_signals() -> None:
    post_save.connect(_model_changed, dispatch_uid="forums.header_cache.saved")
    post_delete.connect(_model_changed, dispatch_uid="forums.header_cache.deleted")
    m2m_changed.connect(_model_changed, dispatch_uid="forums.header_cache.m2m")
