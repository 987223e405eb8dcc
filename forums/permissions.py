"""What a person may do in the forums: each permission once, as a `can_…` predicate that
views, templates, services, notifications and exports ask. What a person may see as lists of
forums, topics and posts is `forums.selectors`; these answer for one object."""

from typ_site.accounts.roles import is_verified_member

from .models import Forum, Post, Topic
from .selectors import moderated_forum_ids, visible_forum_ids, visible_posts_for


def can_see_forum(user, forum: Forum) -> bool:
    return forum.pk in visible_forum_ids(user)


def can_see_post(user, post: Post | int) -> bool:
    post_id = post if isinstance(post, int) else post.pk
    return visible_posts_for(user).filter(pk=post_id).exists()


def can_moderate(user, forum: Forum) -> bool:
    """The forum's moderators by `selectors.moderates_by_role`: a network's admins, a regional
    forum's networks' admins and KEHA staff, KEHA staff elsewhere."""
    return is_verified_member(user) and forum.pk in moderated_forum_ids(user)


def can_edit(user, post: Post) -> bool:
    return bool(user.is_authenticated and post.author_id == user.pk and is_open_for_edits(post, post.topic))


def is_open_for_edits(post: Post, topic: Topic) -> bool:
    """Whether the post's author may still edit it: a lock, or a moderator hiding the post or
    its topic, freezes the text as it was."""
    return not (topic.is_locked or topic.is_hidden or post.is_hidden)


def can_accept(user, topic: Topic) -> bool:
    return bool(user.is_authenticated and (topic.author_id == user.pk or can_moderate(user, topic.forum)))
