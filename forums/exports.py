"""The forum part of a person's own data export.

The person's own texts are always theirs; the names of forums and topics (which others may
have written) are included only where the person may still see them.
"""

from django.db.models import Case, Q, When

from typ_site.accounts.exports import ExportRows, Rows

from .models import Follow, Reaction
from .selectors import (
    moderated_forums_query,
    notifications_for,
    posts_by,
    visible_forums_for,
    visible_topic_condition,
)


def _if(condition: Q, value: str) -> Case:
    """`value` where the person may see it, else None (JSON null)."""
    return Case(When(condition, then=value), default=None)


def forum_export_rows(user) -> dict[str, ExportRows]:
    forums = visible_forums_for(user)
    return {
        "posts": ExportRows(
            posts_by(user),
            {
                "forum": _if(Q(topic__forum__in=forums), "topic__forum__name"),
                "topic": _if(visible_topic_condition(user, prefix="topic__"), "topic__title"),
                "created_at": "created_at",
                "edited_at": "edited_at",
                "text": "body",
            },
            order_by=("created_at", "pk"),
        ),
        "follows": ExportRows(
            Follow.objects.filter(user=user),
            {
                "forum_id": "forum_id",
                "forum": _if(Q(forum__in=forums), "forum__name"),
                "topic": _if(visible_topic_condition(user, prefix="topic__"), "topic__title"),
            },
        ),
        "reactions": ExportRows(Reaction.objects.filter(user=user), {"post": "post_id", "kind": "kind"}),
        # The forums the person moderates as a subquery too (the header's counts do the same).
        "notifications": ExportRows(
            notifications_for(user, moderated=moderated_forums_query(user)),
            {
                "reason": "reason",
                "post": "post_id",
                "post_topic": "post__topic__title",
                "membership": "membership_id",
                "membership_network": "membership__network__name",
                "network": "network__name",
                "created_at": "created_at",
                "read_at": "read_at",
            },
            order_by=("-created_at", "-pk"),  # the model's own order
        ),
    }


def forum_export_section(user, rows: Rows) -> dict:
    return {
        "notification_frequency": user.notification_frequency,
        "posts": [
            {
                "forum": post["forum"],
                "topic": post["topic"],
                "created_at": post["created_at"].isoformat(),
                "edited_at": post["edited_at"].isoformat() if post["edited_at"] else None,
                "text": post["text"],
            }
            for post in rows["posts"]
        ],
        "follows": [
            {"forum": follow["forum"]} if follow["forum_id"] else {"topic": follow["topic"]}
            for follow in rows["follows"]
        ],
        "reactions": rows["reactions"],
        "notifications": [
            {
                "reason": notification["reason"],
                # A membership notification has no post: its network is what it is about.
                "topic": notification["post_topic"]
                if notification["post"] is not None
                else (
                    notification["membership_network"]
                    if notification["membership"] is not None
                    else (notification["network"] or "")
                ),
                "created_at": notification["created_at"].isoformat(),
                "read": notification["read_at"] is not None,
            }
            for notification in rows["notifications"]
        ],
    }
