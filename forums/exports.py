"""The forum part of a person's own data export.

The person's own texts are always theirs; the names of forums and topics (which others may
have written) are included only where the person may still see them.
"""

from .models import Follow, Reaction
from .selectors import notifications_for, posts_by, visible_forums_for, visible_topics_for


def forum_export_section(user) -> dict:
    visible_forum_ids = set(visible_forums_for(user).values_list("pk", flat=True))
    visible_topic_ids = set(visible_topics_for(user).values_list("pk", flat=True))

    def forum_name(forum):
        return forum.name if forum.pk in visible_forum_ids else None

    def topic_title(topic):
        return topic.title if topic.pk in visible_topic_ids else None

    return {
        "notification_frequency": user.notification_frequency,
        "posts": [
            {
                "forum": forum_name(post.topic.forum),
                "topic": topic_title(post.topic),
                "created_at": post.created_at.isoformat(),
                "edited_at": post.edited_at.isoformat() if post.edited_at else None,
                "text": post.body,
            }
            for post in posts_by(user).order_by("created_at", "pk")
        ],
        "follows": [
            {"forum": forum_name(follow.forum)} if follow.forum_id else {"topic": topic_title(follow.topic)}
            for follow in Follow.objects.filter(user=user).select_related("forum", "topic")
        ],
        "reactions": [
            {"post": reaction.post_id, "kind": reaction.kind}
            for reaction in Reaction.objects.filter(user=user).order_by("pk")
        ],
        "notifications": [
            {
                "reason": notification.reason,
                # A membership notification has no post: its network is what it is about.
                "topic": notification.post.topic.title
                if notification.post is not None
                else (
                    notification.membership.network.name
                    if notification.membership is not None
                    else (notification.network.name if notification.network is not None else "")
                ),
                "created_at": notification.created_at.isoformat(),
                "read": notification.read_at is not None,
            }
            for notification in notifications_for(user).select_related(
                "post__topic", "membership__network", "network"
            )
        ],
    }
