"""Forum posts in the site search.

Each visible post is one document; its access key is its forum's (members for national and
theme forums, the network's key for a network forum, the forum's own key for a regional forum,
whose holders `selectors.shared_forum_keys` gives, and the directors' key for the directors'
forum), so a private forum's posts are found only by the people who may read the forum.
Hidden posts and posts of hidden topics are not indexed.
"""

from django.utils.translation import gettext_lazy as _

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source

from .models import Forum, Post, Topic


def post_document(post: Post) -> SearchDocument | None:
    topic = post.topic
    forum = topic.forum
    if post.is_hidden or topic.is_hidden:
        return None
    author = post.author
    return SearchDocument(
        key=f"post:{post.pk}",
        kind="post",
        title=topic.title,
        body=post.body,
        url=post.get_absolute_url(),
        access_key=forum.access_key,
        tags=[forum.name],
        network=forum.network.name if forum.network is not None else "",
        organisation=(
            author.get_organisation_type_display() if author is not None and author.organisation_type else ""
        ),
        date=post.created_at.date(),
    )


def register_forum_search() -> None:
    register_source(
        SearchSource(
            name="post",
            label=_("Forum posts"),
            model=Post,
            document_for=post_document,
            queryset=lambda: Post.objects.select_related(
                "topic", "topic__forum", "topic__forum__network", "author"
            ),
            kinds={"post": _("Forum post")},
            dependants=[
                (Topic, lambda topic: topic.posts.all()),
                (Forum, lambda forum: Post.objects.filter(topic__forum=forum)),
            ],
        )
    )
