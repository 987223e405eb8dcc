"""Who is told about what, once, and how: in-site always, e-mail now or in a daily digest.

Besides new posts and accepted answers: a report tells the forum's moderators, a hidden post
tells its author (with the moderator's reason), a membership request tells the network's
admins and its decision tells the person who asked, and KEHA's reminder to handle a national
decision tells the network's admins (operating_model.adoption_services).

Each event (a new post, an accepted answer) notifies each person at most once: the
Notification table has a unique (recipient, event) constraint, and a person who both follows
the topic and is mentioned gets one notification with the most specific reason. Visibility is
checked when the notification is made and again when it is e-mailed, with the same selectors
as every page (`notifications_for`, which the notifications page lists): a person whose
membership ended meanwhile, or a request another admin decided already, is not e-mailed.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from typ_site.accounts.models import NotificationFrequency, User
from typ_site.core import member_pages
from typ_site.networks.models import Membership
from typ_site.networks.permissions import can_administer_network, can_decide_membership

from . import header_cache
from .mentions import mentioned_users
from .models import Follow, ModerationAction, Notification, Post, Report
from .permissions import can_moderate, can_see_post
from .selectors import moderator_candidates, notifications_for

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


def recipients_of_new_post(post: Post) -> dict[int, tuple[User, str]]:
    """Everyone to tell about a new post, with the most specific reason for each."""
    recipients: dict[int, tuple[User, str]] = {}

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
    if post.author_id is not None:
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
    _create(notifications)
    return event


def create_accepted_notification(post_id: int, actor_id: int | None) -> str:
    post = Post.objects.select_related("author", "topic").filter(pk=post_id).first()
    if post is None or post.author is None or post.author_id == actor_id:
        return ""
    if not can_see_post(post.author, post):
        return ""
    event = accepted_event(post)
    accepted = Notification(
        recipient=post.author, event=event, reason=Reason.ACCEPTED, post=post, actor_id=actor_id
    )
    _create([accepted])
    return event


def _create(notifications: list[Notification]) -> None:
    """Every notification is made here: a bulk write sends no signal, so the header's kept
    counts and the pages kept for the recipients are renewed by hand."""
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    header_cache.renew()
    member_pages.session_pages_changed()


def create_report_notifications(report_id: int) -> str:
    """Tell the moderators of the reported post's forum (not the reporter)."""
    report = (
        Report.objects.select_related("post", "post__topic", "post__topic__forum", "reporter")
        .filter(pk=report_id, status=Report.Status.OPEN)
        .first()
    )
    if report is None:
        return ""
    forum = report.post.topic.forum
    event = f"report:{report.pk}"
    _create(
        [
            Notification(
                recipient=person, event=event, reason=Reason.REPORTED, post=report.post, actor=report.reporter
            )
            for person in moderator_candidates(forum)
            if person.pk != report.reporter_id and can_moderate(person, forum)
        ]
    )
    return event


def create_hidden_notification(action_id: int) -> str:
    """Tell the author that a moderator hid their post (the reason is in the action)."""
    action = ModerationAction.objects.select_related("post", "post__author").filter(pk=action_id).first()
    if action is None or action.post is None or action.post.author is None:
        return ""
    post = action.post
    if post.author_id == action.actor_id or not post.is_hidden or not can_see_post(post.author, post):
        return ""
    event = f"hidden:{action.pk}"
    _create([Notification(recipient=post.author, event=event, reason=Reason.HIDDEN, post=post)])
    return event


def _network_admins(network_id: int):
    """The active approved admins of a network."""
    return get_user_model().objects.filter(
        is_active=True,
        is_removed=False,
        network_memberships__network_id=network_id,
        network_memberships__role=Membership.Role.ADMIN,
        network_memberships__status=Membership.Status.APPROVED,
    )


def create_membership_request_notifications(membership_id: int) -> str:
    """Tell the network's admins that someone asks to join."""
    membership = (
        Membership.objects.select_related("network", "user")
        .filter(pk=membership_id, status=Membership.Status.PENDING)
        .first()
    )
    if membership is None:
        return ""
    admins = _network_admins(membership.network_id)
    event = f"membership:{membership.pk}"
    _create(
        [
            Notification(
                recipient=admin,
                event=event,
                reason=Reason.MEMBERSHIP_REQUEST,
                membership=membership,
                actor=membership.user,
            )
            for admin in admins
            if can_decide_membership(admin, membership)
        ]
    )
    return event


def create_network_notifications(
    network_id: int, reason: str, event: str, actor_id: int | None = None
) -> int:
    """Tell a network's admins (not the actor) of something about the network itself, such as
    its who's who (`typ_site.networks.signals.network_admins_notice`). Returns how many."""
    if reason not in Notification.NETWORK_REASONS:
        raise ValueError(f"not a reason about a network: {reason}")
    admins = _network_admins(network_id)
    if actor_id is not None:
        admins = admins.exclude(pk=actor_id)
    actor_exists = actor_id is not None and get_user_model().objects.filter(pk=actor_id).exists()
    notifications = [
        Notification(
            recipient=admin,
            event=event,
            reason=reason,
            network_id=network_id,
            actor_id=actor_id if actor_exists else None,
        )
        for admin in admins
    ]
    _create(notifications)
    return len(notifications)


def create_membership_decision_notification(membership_id: int) -> str:
    """Tell the person who asked to join what was decided."""
    membership = (
        Membership.objects.select_related("user")
        .filter(pk=membership_id)
        .exclude(status=Membership.Status.PENDING)
        .first()
    )
    if membership is None or not membership.user.is_active:
        return ""
    event = f"membership-decision:{membership.pk}"
    _create(
        [
            Notification(
                recipient=membership.user,
                event=event,
                reason=Reason.MEMBERSHIP_DECISION,
                membership=membership,
                actor_id=membership.decided_by_id,
            )
        ]
    )
    return event


def create_adoption_reminder_notifications(reminder_id: int) -> str:
    """Tell a network's admins that KEHA asks them to handle a national decision."""
    # The model by its label: the forums do not import the operating model's app.
    reminder = apps.get_model("operating_model", "AdoptionReminder").objects.filter(pk=reminder_id).first()
    if reminder is None:
        return ""
    admins = _network_admins(reminder.network_id)
    event = f"adoption-reminder:{reminder.pk}"
    _create(
        [
            Notification(
                recipient=admin,
                event=event,
                reason=Reason.ADOPTION_REMINDER,
                adoption_reminder=reminder,
                actor_id=reminder.sent_by_id,
            )
            for admin in admins
            if can_administer_network(admin, reminder.network_id)
        ]
    )
    return event


def hide_reasons(post_ids) -> dict[int, str]:
    """{post id: the reason the moderator gave when last hiding it} (one query)."""
    reasons: dict[int, str] = {}
    actions = (
        ModerationAction.objects.filter(post_id__in=post_ids, action=ModerationAction.Action.HIDE_POST)
        .order_by("created_at", "pk")
        .values_list("post_id", "details")
    )
    for post_id, details in actions:
        reasons[post_id] = details
    return reasons


# --- E-mail -----------------------------------------------------------------------------------


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _fresh(user):
    """The person as they are now: no permission caches from an earlier request."""
    return get_user_model().objects.get(pk=user.pk)


def _deliverable(notification: Notification, recipient) -> bool:
    """Still for this person: the rule of their notifications page, read afresh."""
    return (
        recipient.is_active
        and not recipient.is_removed
        and bool(recipient.email)
        and notifications_for(recipient).filter(pk=notification.pk).exists()
    )


def _claim(notification_ids: list[int]) -> int:
    return Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )


def _notification_line(notification: Notification, hide_reason: str = "") -> dict:
    """What an e-mail says of one notification, in the language active when called."""
    line = {"reason": notification.get_reason_display(), "forum": "", "author": "", "excerpt": ""}
    network = notification.network
    if network is not None:
        return {
            **line,
            "topic": network.name,
            "author": notification.actor.display_name if notification.actor else "",
            "url": _absolute(reverse("operating_model:whoswho", kwargs={"slug": network.slug})),
        }
    reminder = notification.adoption_reminder
    if reminder is not None:
        decision = (
            reminder.page.title
            if reminder.page
            else _("National baseline of the division of responsibilities")
        )
        return {
            **line,
            "topic": f"{reminder.network.name}: {decision}",
            "excerpt": _("Record whether your network's johtoryhmä has handled it and whether it is in use."),
            "url": _absolute(reverse("operating_model:network_adoption", args=[reminder.network.slug])),
        }
    membership = notification.membership
    if membership is not None:
        if notification.reason == Reason.MEMBERSHIP_REQUEST:
            return {
                **line,
                "topic": membership.network.name,
                "author": membership.user.display_name,
                "excerpt": membership.message[:400],
                "url": _absolute(reverse("networks:manage")),
            }
        return {
            **line,
            "topic": f"{membership.network.name}: {membership.get_status_display()}",
            "url": _absolute(reverse("networks:list")),
        }
    post = notification.post
    assert post is not None  # a notification is about a post or a membership (a constraint)
    line.update(
        topic=post.topic.title,
        forum=post.topic.forum.name,
        url=_absolute(post.get_absolute_url()),
    )
    if notification.reason == Reason.HIDDEN:
        line["excerpt"] = _("The moderator's reason: %(reason)s") % {"reason": hide_reason or "-"}
    else:
        line.update(author=post.author_name, excerpt=post.body[:400])
    return line


def _notification_lines(notifications) -> list[dict]:
    reasons = hide_reasons([n.post_id for n in notifications if n.reason == Reason.HIDDEN])
    return [_notification_line(n, reasons.get(n.post_id, "")) for n in notifications]


_RELATED = (
    "post",
    "post__author",
    "post__topic",
    "post__topic__forum",
    "membership",
    "membership__network",
    "membership__user",
    "network",
    "actor",
    "adoption_reminder",
    "adoption_reminder__network",
    "adoption_reminder__page",
)


def email_immediately(event: str) -> int:
    """E-mail the event's notifications to people who want e-mail at once. Returns the count."""
    if not event:
        return 0
    pending = Notification.objects.filter(
        event=event,
        emailed_at__isnull=True,
        recipient__notification_frequency=NotificationFrequency.IMMEDIATE,
    ).select_related("recipient", *_RELATED)
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
                ).select_related(*_RELATED)
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
