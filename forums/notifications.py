"""Who is told about what, once, and how: in-site always, e-mail now or in a daily digest.

Each event (a new post, an accepted answer) notifies each person at most once: the
Notification table has a unique (recipient, event) constraint, and a person who both follows
the topic and is mentioned gets one notification with the most specific reason. Visibility is
checked when the notification is made and again when it is e-mailed, with the same selector
as every page: a person whose membership ended meanwhile is not told.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from typ_site.accounts.models import NotificationFrequency

from .mentions import mentioned_users
from .models import Follow, Notification, Post
from .selectors import can_see_post

logger = logging.getLogger(__name__)

Reason = Notification.Reason


def post_event(post: Post) -> str:
    return f"post:{post.pk}"


def accepted_event(post: Post) -> str:
    return f"accepted:{post.pk}"


def _is_first_post(post: Post) -> bool:
    first = (
        Post.objects.filter(topic_id=post.topic_id)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    return first == post.pk


def recipients_of_new_post(post: Post) -> dict[int, tuple[object, str]]:
    """Everyone to tell about a new post, with the most specific reason for each."""
    recipients: dict[int, tuple[object, str]] = {}

    def add(people, reason):
        for person in people:
            if person is not None:
                recipients[person.pk] = (person, reason)

    if _is_first_post(post):
        followers = Follow.objects.filter(forum_id=post.topic.forum_id).select_related("user")
        add((follow.user for follow in followers), Reason.NEW_TOPIC)
    else:
        followers = Follow.objects.filter(topic_id=post.topic_id).select_related("user")
        add((follow.user for follow in followers), Reason.REPLY)
    if post.reply_to_id and post.reply_to and post.reply_to.author_id:
        add([post.reply_to.author], Reason.QUOTE)
    add(mentioned_users(post), Reason.MENTION)
    recipients.pop(post.author_id, None)
    return recipients


def create_post_notifications(post_id: int) -> str:
    """Make the in-site notifications of a new post; safe to run twice."""
    post = (
        Post.objects.select_related("topic", "topic__forum", "author", "reply_to__author")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return ""
    event = post_event(post)
    notifications = [
        Notification(recipient=person, event=event, reason=reason, post=post, actor=post.author)
        for person, reason in recipients_of_new_post(post).values()
        if person.is_active and can_see_post(person, post)
    ]
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    return event


def create_accepted_notification(post_id: int, actor_id: int | None) -> str:
    post = Post.objects.select_related("author", "topic").filter(pk=post_id).first()
    if post is None or post.author is None or post.author_id == actor_id:
        return ""
    if not can_see_post(post.author, post):
        return ""
    event = accepted_event(post)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=post.author, event=event, reason=Reason.ACCEPTED, post=post, actor_id=actor_id
            )
        ],
        ignore_conflicts=True,
    )
    return event


# --- E-mail -----------------------------------------------------------------------------------


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _fresh(user):
    """The person as they are now: no permission caches from an earlier request."""
    return get_user_model().objects.get(pk=user.pk)


def _deliverable(notification: Notification, recipient) -> bool:
    return (
        recipient.is_active
        and not recipient.is_removed
        and bool(recipient.email)
        and can_see_post(recipient, notification.post_id)
    )


def _claim(notification_ids: list[int]) -> int:
    return Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )


def _notification_lines(notifications) -> list[dict]:
    return [
        {
            "reason": notification.get_reason_display(),
            "topic": notification.post.topic.title,
            "forum": notification.post.topic.forum.name,
            "author": notification.post.author_name,
            "excerpt": notification.post.body[:400],
            "url": _absolute(notification.post.get_absolute_url()),
        }
        for notification in notifications
    ]


def email_immediately(event: str) -> int:
    """E-mail the event's notifications to people who want e-mail at once. Returns the count."""
    if not event:
        return 0
    pending = Notification.objects.filter(
        event=event,
        emailed_at__isnull=True,
        recipient__notification_frequency=NotificationFrequency.IMMEDIATE,
    ).select_related("recipient", "post", "post__author", "post__topic", "post__topic__forum")
    sent = 0
    for notification in pending:
        recipient = _fresh(notification.recipient)
        if not _deliverable(notification, recipient):
            continue
        with transaction.atomic():
            if not _claim([notification.pk]):
                continue  # someone else sent it already
            with translation.override(recipient.preferred_language):
                line = _notification_lines([notification])[0]
                subject = _("%(reason)s: %(topic)s") % line
                body = render_to_string(
                    "forums/email/notification.txt", {"item": line, "recipient": recipient}
                )
                send_mail(subject, body, None, [recipient.email])
        sent += 1
    return sent


def send_daily_digests() -> int:
    """One e-mail per person who chose the daily digest; never sends a notification twice."""
    people = (
        get_user_model()
        .objects.filter(
            notification_frequency=NotificationFrequency.DAILY,
            is_active=True,
            is_removed=False,
            forum_notifications__emailed_at__isnull=True,
            forum_notifications__read_at__isnull=True,
        )
        .distinct()
    )
    sent = 0
    for recipient in people:
        with transaction.atomic():
            pending = [
                notification
                for notification in Notification.objects.filter(
                    recipient=recipient, emailed_at__isnull=True, read_at__isnull=True
                ).select_related("post", "post__author", "post__topic", "post__topic__forum")
                if _deliverable(notification, recipient)
            ]
            if not pending:
                continue
            if _claim([n.pk for n in pending]) != len(pending):
                transaction.set_rollback(True)  # another run is sending these right now
                continue
            with translation.override(recipient.preferred_language):
                subject = _("Your daily forum digest: %(count)d new") % {"count": len(pending)}
                body = render_to_string(
                    "forums/email/digest.txt",
                    {
                        "items": _notification_lines(pending),
                        "recipient": recipient,
                        "notifications_url": _absolute(reverse("forums:notifications")),
                    },
                )
                send_mail(subject, body, None, [recipient.email])
        sent += 1
    return sent
