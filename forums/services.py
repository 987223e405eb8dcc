"""Every write in the forums, each in one transaction: nothing is saved half.

Views check visibility with the selectors (404 for what a person may not see); the services
check the rules of writing (locked topics, hidden posts, moderator rights, rate limits) and
raise ValidationError or PermissionDenied with a message for the person.
"""

import secrets
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from typ_site.core import member_pages

from . import header_cache
from .attachments import check_upload, clean_original_name
from .models import (
    Attachment,
    FeedToken,
    Follow,
    Forum,
    ModerationAction,
    Notification,
    Post,
    PostRevision,
    Reaction,
    Report,
    Topic,
    TopicReadState,
)
from .permissions import can_accept, can_edit, can_moderate, can_see_forum, can_see_post
from .rendering import render_markdown
from .tasks import (
    deliver_accepted_notification,
    deliver_hidden_notification,
    deliver_post_notifications,
    deliver_report_notifications,
)

Action = ModerationAction.Action


# --- Rate limit -------------------------------------------------------------------------------


def _posts_per_minute() -> int:
    return int(getattr(settings, "FORUM_POSTS_PER_MINUTE", 6))


RATE_WINDOW_SECONDS = 60


def check_rate_limit(user) -> None:
    """At most FORUM_POSTS_PER_MINUTE posts per person in any minute. Call it inside the
    transaction that writes the post.

    The count is of the person's posts saved in the last minute, read after taking a lock
    that lets one of their writes in at a time: on PostgreSQL the person's row `FOR UPDATE`
    (a second write of theirs waits for the first to commit, and then counts its post); on
    SQLite the write transaction itself, which is IMMEDIATE (it holds the database's write
    lock from its start, so writes never overlap). A counter in the cache read and written
    in two steps let parallel posts all pass.
    """
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()
    since = timezone.now() - timedelta(seconds=RATE_WINDOW_SECONDS)
    if Post.objects.filter(author=user, created_at__gte=since).count() >= _posts_per_minute():
        raise ValidationError(
            _("You are posting very quickly. Wait a minute and send again; your text is kept in the form."),
            code="rate_limited",
        )


# --- Writing ----------------------------------------------------------------------------------


def _existing_post_for(user, token) -> Post | None:
    if token is None:
        return None
    return Post.objects.filter(idempotency_key=token, author=user).first()


def _store_attachments(post: Post, uploads) -> list[Attachment]:
    stored = []
    for upload in uploads or []:
        kind = check_upload(upload)
        attachment = Attachment(
            post=post,
            original_name=clean_original_name(upload.name, kind),
            content_type=kind.content_type,
            size=upload.size,
        )
        attachment.file.save(f"upload{kind.extension}", upload, save=False)
        stored.append(attachment)
        attachment.save()
    return stored


def _remove_files(post_attachments: list[Attachment]) -> None:
    for attachment in post_attachments:
        attachment.file.delete(save=False)


def _create_post(*, user, topic: Topic, body: str, token, reply_to=None) -> Post:
    return Post.objects.create(
        topic=topic,
        author=user,
        body=body,
        body_html=render_markdown(body),
        reply_to=reply_to,
        idempotency_key=token,
    )


def _write_once(user, token, write):
    """Run `write` in a transaction; a repeated token returns the first post instead."""
    existing = _existing_post_for(user, token)
    if existing is not None:
        return existing, False
    stored_files: list[Attachment] = []
    try:
        with transaction.atomic():
            post = write(stored_files)
    except IntegrityError:
        _remove_files(stored_files)
        existing = _existing_post_for(user, token)
        if existing is None:
            raise
        return existing, False
    except Exception:
        _remove_files(stored_files)
        raise
    transaction.on_commit(partial(deliver_post_notifications.enqueue, post.pk))
    return post, True


def start_topic(
    user, forum: Forum, *, title: str, body: str, token=None, uploads=(), related_pages=()
) -> Post:
    """A new topic and its first post. Returns the first post."""
    if not can_see_forum(user, forum):
        raise PermissionDenied
    if not title.strip() or not body.strip():
        raise ValidationError(_("Write a title and a message."))
    existing = _existing_post_for(user, token)
    if existing is not None:
        return existing

    def write(stored_files):
        check_rate_limit(user)
        topic = Topic.objects.create(forum=forum, title=title.strip(), author=user)
        if related_pages:
            topic.related_pages.set(related_pages)
        post = _create_post(user=user, topic=topic, body=body, token=token)
        stored_files.extend(_store_attachments(post, uploads))
        Follow.objects.get_or_create(user=user, topic=topic)
        _mark_read(user, topic)
        return post

    post, _created = _write_once(user, token, write)
    return post


def reply(user, topic: Topic, *, body: str, token=None, uploads=(), reply_to: Post | None = None) -> Post:
    """A reply to a topic. Refused for locked or hidden topics and hidden quoted posts."""
    if not can_see_forum(user, topic.forum):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError(_("Write a message."))
    existing = _existing_post_for(user, token)
    if existing is not None:
        return existing
    if topic.is_locked:
        raise ValidationError(_("This topic is locked: new replies are not accepted."), code="locked")
    if topic.is_hidden:
        raise ValidationError(_("This topic has been hidden by a moderator."), code="hidden")
    if reply_to is not None and (
        reply_to.topic_id != topic.pk or reply_to.is_hidden or not can_see_post(user, reply_to)
    ):
        raise ValidationError(_("You cannot reply to a hidden post."), code="hidden_post")

    def write(stored_files):
        check_rate_limit(user)
        locked = Topic.objects.filter(pk=topic.pk).values_list("is_locked", flat=True).first()
        if locked:
            raise ValidationError(_("This topic is locked: new replies are not accepted."), code="locked")
        post = _create_post(user=user, topic=topic, body=body, token=token, reply_to=reply_to)
        stored_files.extend(_store_attachments(post, uploads))
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + 1, last_post_at=post.created_at
        )
        Follow.objects.get_or_create(user=user, topic=topic)
        _mark_read(user, topic, post.created_at)
        return post

    post, _created = _write_once(user, token, write)
    return post


@transaction.atomic
def edit_post(user, post: Post, *, body: str, title: str | None = None) -> Post:
    """The author edits a post; the earlier text is kept in the post's history."""
    if not can_edit(user, post):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError(_("Write a message."))
    topic = post.topic
    is_first = is_first_post(post)
    PostRevision.objects.create(
        post=post, body=post.body, title=topic.title if is_first else "", edited_by=user
    )
    post.body = body
    post.body_html = render_markdown(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    if is_first and title and title.strip() != topic.title:
        topic.title = title.strip()
        topic.save(update_fields=["title"])
    return post


def is_first_post(post: Post) -> bool:
    first = post.topic.posts.order_by("created_at", "pk").values_list("pk", flat=True).first()
    return first == post.pk


@transaction.atomic
def toggle_reaction(user, post: Post, kind: str) -> bool:
    """Add the reaction, or take it back if already given. Returns True when added."""
    if not can_see_post(user, post) or post.is_hidden:
        raise PermissionDenied
    if kind not in Reaction.Kind.values:
        raise ValidationError(_("Unknown reaction."))
    deleted, _details = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.get_or_create(post=post, user=user, kind=kind)
    return True


@transaction.atomic
def accept_answer(user, topic: Topic, post: Post | None) -> None:
    """The topic's author or a moderator marks a reply as the answer (None clears it)."""
    if not can_accept(user, topic):
        raise PermissionDenied
    if post is not None and (post.topic_id != topic.pk or post.is_hidden):
        raise ValidationError(_("Choose a visible reply in this topic."))
    topic.accepted_post = post
    topic.save(update_fields=["accepted_post"])
    if topic.author_id != user.pk:
        _log(user, Action.ACCEPT, topic.forum, topic=topic, post=post)
    if post is not None:
        transaction.on_commit(partial(deliver_accepted_notification.enqueue, post.pk, user.pk))


# --- Following and reading --------------------------------------------------------------------


def follow_forum(user, forum: Forum) -> None:
    if not can_see_forum(user, forum):
        raise PermissionDenied
    Follow.objects.get_or_create(user=user, forum=forum)


def unfollow_forum(user, forum: Forum) -> None:
    Follow.objects.filter(user=user, forum=forum).delete()


def follow_topic(user, topic: Topic) -> None:
    if not can_see_forum(user, topic.forum):
        raise PermissionDenied
    Follow.objects.get_or_create(user=user, topic=topic)


def unfollow_topic(user, topic: Topic) -> None:
    Follow.objects.filter(user=user, topic=topic).delete()


def _mark_read(user, topic: Topic, moment=None) -> None:
    TopicReadState.objects.update_or_create(
        user=user, topic=topic, defaults={"last_read_at": moment or timezone.now()}
    )


def mark_topic_read(user, topic: Topic, up_to=None) -> None:
    """Mark the topic read up to `up_to` (a post's time; default: the whole topic). Never
    moves the mark back: reading page 1 again keeps what page 2 marked."""
    if not user.is_authenticated:
        return
    moment = up_to or topic.last_post_at
    updated = TopicReadState.objects.filter(user=user, topic=topic, last_read_at__lt=moment).update(
        last_read_at=moment
    )
    if updated:
        member_pages.person_changed(user.pk)
    else:
        TopicReadState.objects.get_or_create(user=user, topic=topic, defaults={"last_read_at": moment})


def mark_notifications_read(user, notification_ids=None) -> int:
    notifications = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        notifications = notifications.filter(pk__in=notification_ids)
    marked = notifications.update(read_at=timezone.now())
    header_cache.renew()
    member_pages.person_changed(user.pk)
    return marked


def mark_topic_notifications_read(user, topic: Topic, post_ids=None) -> None:
    """Mark read the person's notifications about the topic's posts (only `post_ids`, the
    posts a page showed, when given)."""
    notifications = Notification.objects.filter(recipient=user, read_at__isnull=True, post__topic=topic)
    if post_ids is not None:
        notifications = notifications.filter(post_id__in=post_ids)
    if notifications.update(read_at=timezone.now()):
        header_cache.renew()
        member_pages.person_changed(user.pk)


# --- Feeds ------------------------------------------------------------------------------------


def feed_token_for(user) -> FeedToken:
    token, _created = FeedToken.objects.get_or_create(user=user, defaults={"key": secrets.token_urlsafe(32)})
    return token


def reset_feed_token(user) -> FeedToken:
    FeedToken.objects.filter(user=user).delete()
    return feed_token_for(user)


# --- Reports and moderation -------------------------------------------------------------------


def report_post(user, post: Post, reason: str) -> Report:
    if not can_see_post(user, post):
        raise PermissionDenied
    try:
        with transaction.atomic():
            report = Report.objects.create(post=post, reporter=user, reason=reason.strip())
            transaction.on_commit(partial(deliver_report_notifications.enqueue, report.pk))
            return report
    except IntegrityError:
        raise ValidationError(
            _("You have already reported this post; a moderator will look at it."),
            code="duplicate",
        ) from None


def _require_moderator(user, forum: Forum) -> None:
    if not can_moderate(user, forum):
        raise PermissionDenied


def _log(user, action: str, forum: Forum, *, topic=None, post=None, details="") -> ModerationAction:
    return ModerationAction.objects.create(
        actor=user, action=action, forum=forum, topic=topic, post=post, details=details[:500]
    )


@transaction.atomic
def set_post_hidden(user, post: Post, hidden: bool, reason: str = "") -> None:
    _require_moderator(user, post.topic.forum)
    post.is_hidden = hidden
    post.save(update_fields=["is_hidden"])
    if hidden and post.topic.accepted_post_id == post.pk:
        Topic.objects.filter(pk=post.topic_id).update(accepted_post=None)
    action = _log(
        user,
        Action.HIDE_POST if hidden else Action.SHOW_POST,
        post.topic.forum,
        topic=post.topic,
        post=post,
        details=reason,
    )
    if hidden and post.author_id and post.author_id != user.pk:
        transaction.on_commit(partial(deliver_hidden_notification.enqueue, action.pk))


TOPIC_ACTIONS = {
    "lock": ("is_locked", True, Action.LOCK),
    "unlock": ("is_locked", False, Action.UNLOCK),
    "pin": ("is_pinned", True, Action.PIN),
    "unpin": ("is_pinned", False, Action.UNPIN),
    "hide": ("is_hidden", True, Action.HIDE_TOPIC),
    "show": ("is_hidden", False, Action.SHOW_TOPIC),
}


@transaction.atomic
def moderate_topic(user, topic: Topic, action: str) -> None:
    if action not in TOPIC_ACTIONS:
        raise ValidationError(_("Unknown moderation action."))
    _require_moderator(user, topic.forum)
    field, value, logged = TOPIC_ACTIONS[action]
    setattr(topic, field, value)
    topic.save(update_fields=[field])
    _log(user, logged, topic.forum, topic=topic)


@transaction.atomic
def move_topic(user, topic: Topic, target: Forum) -> None:
    """Move a topic to another forum; the moderator must moderate both."""
    source = topic.forum
    _require_moderator(user, source)
    _require_moderator(user, target)
    if target.pk == source.pk:
        raise ValidationError(_("The topic is already in that forum."))
    topic.forum = target
    topic.save(update_fields=["forum"])
    details = f"{source.slug} -> {target.slug}"
    _log(user, Action.MOVE, source, topic=topic, details=details)
    if target.pk != source.pk:
        _log(user, Action.MOVE, target, topic=topic, details=details)


@transaction.atomic
def handle_report(user, report: Report, *, resolve: bool, hide_post: bool = False) -> None:
    post = report.post
    _require_moderator(user, post.topic.forum)
    if report.status != Report.Status.OPEN:
        raise ValidationError(_("This report has already been handled."))
    if hide_post and not post.is_hidden:
        set_post_hidden(user, post, True, reason=report.reason[:200])
    report.status = Report.Status.RESOLVED if resolve else Report.Status.DISMISSED
    report.handled_by = user
    report.handled_at = timezone.now()
    report.save(update_fields=["status", "handled_by", "handled_at"])
    _log(
        user,
        Action.RESOLVE_REPORT if resolve else Action.DISMISS_REPORT,
        post.topic.forum,
        topic=post.topic,
        post=post,
    )


# --- Accounts ---------------------------------------------------------------------------------


def forget_person(user) -> None:
    """On account removal: follows, notifications, reactions and feed addresses go; posts stay."""
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    FeedToken.objects.filter(user=user).delete()
    TopicReadState.objects.filter(user=user).delete()
    Reaction.objects.filter(user=user).delete()
