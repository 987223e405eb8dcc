"""Who may see and moderate what in the forums: the one rule, and the reads built on it.

`visible_forums_for(user)` is the single decision of visibility. Every list, topic page,
feed, notification (in the list and again at e-mail delivery), digest, attachment download,
search result and export goes through it or through the topic/post selectors built on it.

- Forums are for signed-in members: anonymous visitors see none.
- A network forum is visible only to the approved members of that (active) network.
  KEHA staff do not see a network's private forum unless they are members of the network.
- National and theme forums are visible to every signed-in member.
- A superuser sees every forum.

Moderators: a network forum is moderated by that network's admins, national and theme forums
by KEHA staff; a superuser moderates everything. Hidden topics and posts stay visible to the
forum's moderators (and a hidden post to its author), to nobody else.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from typ_site.accounts.roles import is_keha_staff, is_verified_member
from typ_site.core.access import sees_everything
from typ_site.networks.selectors import admin_network_ids, member_network_ids

from .models import (
    Attachment,
    Follow,
    Forum,
    Notification,
    Post,
    PostRevision,
    Reaction,
    Report,
    Topic,
    TopicReadState,
)

NETWORK = Forum.Kind.NETWORK


def visible_forums_for(user) -> QuerySet[Forum]:
    """Forums this person may see. THE visibility rule of the forums."""
    if not is_verified_member(user):
        return Forum.objects.none()
    if sees_everything(user):
        return Forum.objects.all()
    return Forum.objects.filter(
        ~Q(kind=NETWORK) | Q(kind=NETWORK, network_id__in=member_network_ids(user))
    )


def moderated_forums_for(user) -> QuerySet[Forum]:
    """Forums this person moderates (always a subset of the forums they see)."""
    if not is_verified_member(user):
        return Forum.objects.none()
    if user.is_superuser:
        return Forum.objects.all()
    condition = Q(kind=NETWORK, network_id__in=admin_network_ids(user))
    if is_keha_staff(user):
        condition |= ~Q(kind=NETWORK)
    return visible_forums_for(user).filter(condition)


def can_see_forum(user, forum: Forum) -> bool:
    return visible_forums_for(user).filter(pk=forum.pk).exists()


def can_moderate(user, forum: Forum) -> bool:
    if not is_verified_member(user):
        return False
    if user.is_superuser:
        return True
    if forum.kind == NETWORK:
        return forum.network_id in admin_network_ids(user)
    return is_keha_staff(user)


def visible_topics_for(user) -> QuerySet[Topic]:
    """Topics in visible forums; hidden topics only for the forum's moderators."""
    return Topic.objects.filter(forum__in=visible_forums_for(user)).filter(
        Q(is_hidden=False) | Q(forum__in=moderated_forums_for(user))
    )


def visible_posts_for(user) -> QuerySet[Post]:
    """Posts in visible topics; hidden posts only for moderators and their authors."""
    if not is_verified_member(user):
        return Post.objects.none()
    return Post.objects.filter(topic__in=visible_topics_for(user)).filter(
        Q(is_hidden=False) | Q(author=user) | Q(topic__forum__in=moderated_forums_for(user))
    )


def can_see_post(user, post: Post | int) -> bool:
    post_id = post if isinstance(post, int) else post.pk
    return visible_posts_for(user).filter(pk=post_id).exists()


def forum_for_user_or_404(user, slug: str) -> Forum:
    """The forum, or 404 when it does not exist or this person may not see it."""
    forum = visible_forums_for(user).select_related("network").filter(slug=slug).first()
    if forum is None:
        raise Http404
    return forum


def topic_for_user_or_404(user, pk: int) -> Topic:
    topic = (
        visible_topics_for(user)
        .select_related("forum", "forum__network", "author", "accepted_post")
        .filter(pk=pk)
        .first()
    )
    if topic is None:
        raise Http404
    return topic


def post_for_user_or_404(user, pk: int) -> Post:
    post = (
        visible_posts_for(user)
        .select_related("topic", "topic__forum", "author")
        .filter(pk=pk)
        .first()
    )
    if post is None:
        raise Http404
    return post


def attachment_for_user_or_404(user, pk: int) -> Attachment:
    attachment = Attachment.objects.filter(pk=pk, post__in=visible_posts_for(user)).first()
    if attachment is None:
        raise Http404
    return attachment


# --- Lists ------------------------------------------------------------------------------------

def forum_list_for(user) -> QuerySet[Forum]:
    return visible_forums_for(user).select_related("network").order_by("kind", "position", "name")


def topics_of_forum(user, forum: Forum) -> QuerySet[Topic]:
    """The forum's topics with the person's unread marker (`last_read_at`) and follow state."""
    read_states = TopicReadState.objects.filter(user=user, topic=OuterRef("pk"))
    return (
        visible_topics_for(user)
        .filter(forum=forum)
        .select_related("author")
        .annotate(
            is_unread=~Exists(read_states.filter(last_read_at__gte=OuterRef("last_post_at"))),
        )
        .order_by("-is_pinned", "-last_post_at", "-pk")
    )


def posts_of_topic(user, topic: Topic) -> QuerySet[Post]:
    """The topic's posts for its page: the same number of queries for any number of posts."""
    return (
        visible_posts_for(user)
        .filter(topic=topic)
        .select_related("author", "reply_to", "reply_to__author")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("pk")),
            Prefetch("reactions", queryset=Reaction.objects.only("pk", "post_id", "kind", "user_id")),
        )
        .order_by("created_at", "pk")
    )


def last_read_at(user, topic: Topic):
    return (
        TopicReadState.objects.filter(user=user, topic=topic)
        .values_list("last_read_at", flat=True)
        .first()
    )


def is_following_forum(user, forum: Forum) -> bool:
    return Follow.objects.filter(user=user, forum=forum).exists()


def is_following_topic(user, topic: Topic) -> bool:
    return Follow.objects.filter(user=user, topic=topic).exists()


def revisions_of(post: Post) -> QuerySet[PostRevision]:
    return post.revisions.select_related("edited_by")


def notifications_for(user) -> QuerySet[Notification]:
    """The person's notifications about posts they may still see (membership may have ended)."""
    if not is_verified_member(user):
        return Notification.objects.none()
    return Notification.objects.filter(
        recipient=user,
        post__topic__forum__in=visible_forums_for(user),
        post__is_hidden=False,
        post__topic__is_hidden=False,
    )


def unread_notification_count(user) -> int:
    return notifications_for(user).filter(read_at__isnull=True).count()


def moderation_queue_for(user) -> QuerySet[Report]:
    return (
        Report.objects.filter(
            status=Report.Status.OPEN, post__topic__forum__in=moderated_forums_for(user)
        )
        .select_related("post", "post__author", "post__topic", "post__topic__forum", "reporter")
        .order_by("created_at", "pk")
    )


def topics_for_page(user, page) -> QuerySet[Topic]:
    """Discussion topics linked to a Wagtail page that this person may see."""
    return (
        visible_topics_for(user)
        .filter(related_pages=page)
        .select_related("forum")
        .order_by("-last_post_at")
    )


def forum_feed_items(user, forum: Forum, limit: int = 30) -> QuerySet[Post]:
    return (
        visible_posts_for(user)
        .filter(topic__forum=forum, is_hidden=False, topic__is_hidden=False)
        .select_related("topic", "author")
        .order_by("-created_at", "-pk")[:limit]
    )


def posts_by(user) -> QuerySet[Post]:
    return Post.objects.filter(author=user).select_related("topic", "topic__forum")


# --- For the search index ---------------------------------------------------------------------

@dataclass(frozen=True)
class SearchablePost:
    post: Post
    topic: Topic
    forum: Forum
    access_key: str

    @property
    def url(self) -> str:
        return self.post.get_absolute_url()


def searchable_posts():
    """Every post that may appear in search, with the access key saying who may see it.

    Hidden posts and topics never enter the index. The search app keeps a hit only when its
    access key is in `typ_site.core.access.access_keys_for(searcher)`.
    """
    posts = (
        Post.objects.filter(is_hidden=False, topic__is_hidden=False)
        .select_related("topic", "topic__forum", "author")
        .order_by("pk")
    )
    for post in posts.iterator(chunk_size=500):
        yield SearchablePost(
            post=post, topic=post.topic, forum=post.topic.forum,
            access_key=post.topic.forum.access_key,
        )
