"""Who may see and moderate what in the forums: the one rule, and the reads built on it.

`visible_forums_for(user)` is the single decision of visibility. Every list, topic page,
feed, notification (in the list and again at e-mail delivery), digest, attachment download
and export goes through it or through the topic/post selectors built on it. The search
indexes a post with its forum's access key (`forums/search.py`); tests/forums/
test_permission_matrix.py checks that key against this rule for every role.

- Forums are for signed-in members: anonymous visitors see none.
- A network forum is visible only to the approved members of that (active) network.
  KEHA staff do not see a network's private forum unless they are members of the network.
- National and theme forums are visible to every signed-in member.
- A regional forum (shared by neighbouring networks, `Forum.networks`) is visible to the
  approved members of any of its (active) networks, and to KEHA staff.
- The TYP directors' forum is visible to the networks' directors (`accounts.roles.
  is_typ_director`: the confirmed role and an approved membership) and to KEHA staff only.
- A superuser sees every forum.

Moderators: a network forum is moderated by that network's admins, a regional forum by the
admins of any of its networks together with KEHA staff, national, theme and directors' forums
by KEHA staff; a superuser moderates everything. Hidden topics and posts stay visible to the
forum's moderators (and a hidden post to its author), to nobody else.

The forums a person sees (and moderates) are read once per request and kept on the user
object, as `typ_site.networks.selectors` keeps memberships: topic and post queries then filter
by forum ids instead of repeating the forum rule as a subquery in each.
"""

import hashlib
import itertools
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.db.models.expressions import BaseExpression, RawSQL
from django.db.models.functions import RowNumber
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import Http404

from typ_site.accounts.roles import (
    KEHA_GROUP,
    holds_powers,
    is_keha_staff,
    is_typ_director,
    is_verified_member,
)
from typ_site.core.access import sees_everything, shared_forum_key
from typ_site.core.generations import Generation
from typ_site.core.request_cache import per_request
from typ_site.core.sql import count_of
from typ_site.networks.models import Membership
from typ_site.networks.selectors import admin_network_ids, member_network_ids, pending_requests_for_admin

from . import header_cache
from .models import (
    Attachment,
    FeedToken,
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
REGIONAL = Forum.Kind.REGIONAL
DIRECTORS = Forum.Kind.DIRECTORS
RESTRICTED_KINDS = (NETWORK, REGIONAL, DIRECTORS)


def visible_forums_for(user) -> QuerySet[Forum]:
    """Forums this person may see. THE visibility rule of the forums."""
    if not is_verified_member(user):
        return Forum.objects.none()
    if sees_everything(user):
        return Forum.objects.all()
    mine = member_network_ids(user)
    # KEHA staff (`is_keha_staff`: the group) asked in the same query, not in one of its own:
    # the rule is asked of every person a mention may name.
    keha = Exists(Group.objects.filter(user=user.pk, name=KEHA_GROUP))
    rule = ~Q(kind__in=RESTRICTED_KINDS) | Q(kind=NETWORK, network_id__in=mine) | Q(keha, kind=REGIONAL)
    if mine:
        shared = Forum.networks.through.objects.filter(network_id__in=mine).values("forum_id")
        rule |= Q(kind=REGIONAL, pk__in=shared)
    rule |= Q(kind=DIRECTORS) if is_typ_director(user) else Q(keha, kind=DIRECTORS)
    return Forum.objects.filter(rule)


# A new number whenever a forum is saved or deleted in this process, so that the answers
# cached on a user object below are never older than the forums themselves.
_generations = itertools.count()
_forum_generation = next(_generations)


# Between requests, the forums a person sees are kept in the shared cache for everyone with the
# same standing (what the rule reads of the person), until a forum changes.
_ACCESS = Generation("forum-access", 24 * 60 * 60)
ACCESS_KEY = "typ:forum-access:{digest}"


@receiver([post_save, post_delete], sender=Forum, dispatch_uid="forums.selectors.forum_changed")
@receiver(m2m_changed, sender=Forum.networks.through, dispatch_uid="forums.selectors.forum_networks_changed")
def _forum_changed(**kwargs) -> None:
    global _forum_generation
    _forum_generation = next(_generations)
    _ACCESS.renew()


def _standing(user) -> tuple:
    """Everything `visible_forums_for` and `moderates_by_role` read of the person (all from
    the standing read with them, `typ_site.accounts.backends.load_standing`): the same
    standing sees the same forums."""
    return (
        user.is_superuser,
        tuple(sorted(member_network_ids(user))),
        tuple(sorted(admin_network_ids(user))),
        getattr(user, "role", ""),
        is_keha_staff(user),
    )


def _access_key(user) -> str:
    return ACCESS_KEY.format(digest=hashlib.sha256(repr(_standing(user)).encode()).hexdigest())


def forum_access_keys(request) -> list[str]:
    """The keys a signed-in person's forums are read from, read with the request's other kept
    values (`typ_site.core.cache_reads`)."""
    user = request.user
    if not is_verified_member(user):
        return []
    return [_ACCESS.key, _access_key(user)]


class _ForumAccess:
    """What one person may do with the forums, read once per request (see `_forum_access`)."""

    def __init__(
        self, visible: dict[int, tuple[str, int | None]], shared: dict[int, frozenset[int]] | None = None
    ):
        self.visible = visible  # {forum id: (kind, network id)}
        self.visible_ids = frozenset(visible)
        self.shared = shared or {}  # {regional forum id: the ids of its networks}
        self.moderated_ids: frozenset[int] | None = None


_NO_ACCESS = _ForumAccess({})
_NO_ACCESS.moderated_ids = frozenset()


def _forum_access(user) -> _ForumAccess:
    """`visible_forums_for(user)` read once per request, with the moderated forums among them.

    Kept for the request (`typ_site.core.request_cache`) under a key made of what the rules
    read: a membership or role changed through the network services, or a forum saved
    meanwhile, is a new key, so the answer is read again.
    """
    if not is_verified_member(user):
        return _NO_ACCESS
    key = (_forum_generation, *_standing(user))

    def read() -> _ForumAccess:
        visible, shared = _ACCESS.kept(_access_key(user), lambda: _visible_forum_rows(user))
        return _ForumAccess(visible, shared)

    return per_request(user, ("forums.access", key), read)


def _visible_forum_rows(user) -> tuple[dict[int, tuple[str, int | None]], dict[int, frozenset[int]]]:
    """({forum id: (kind, network id)}, {regional forum id: its networks' ids}) of the forums
    the person sees, in one query: a regional forum comes once for each of its networks."""
    rows = visible_forums_for(user).order_by().values_list("pk", "kind", "network_id", "networks")
    visible: dict[int, tuple[str, int | None]] = {}
    shared: dict[int, set[int]] = {}
    for pk, kind, network_id, shared_network_id in rows:
        visible[pk] = (kind, network_id)
        if kind == REGIONAL:
            shared.setdefault(pk, set())
            if shared_network_id is not None:
                shared[pk].add(shared_network_id)
    return visible, {pk: frozenset(ids) for pk, ids in shared.items()}


def visible_forum_ids(user) -> frozenset[int]:
    """The ids of `visible_forums_for(user)`, read once per request."""
    return _forum_access(user).visible_ids


def moderates_by_role(
    user, kind: str, network_id: int | None, shared_network_ids: frozenset[int] = frozenset()
) -> bool:
    """The moderation rule for a forum this person sees (see the module docstring);
    `shared_network_ids`: a regional forum's networks."""
    if user.is_superuser:
        return True
    if kind == NETWORK:
        return network_id in admin_network_ids(user)
    if kind == REGIONAL:
        return is_keha_staff(user) or bool(shared_network_ids & admin_network_ids(user))
    return is_keha_staff(user)


def moderated_forum_ids(user) -> frozenset[int]:
    """The ids of the forums this person moderates (always among those they see)."""
    access = _forum_access(user)
    if access.moderated_ids is None:
        access.moderated_ids = frozenset(
            pk
            for pk, (kind, network_id) in access.visible.items()
            if moderates_by_role(user, kind, network_id, access.shared.get(pk, frozenset()))
        )
    return access.moderated_ids


def moderated_forums_query(user) -> QuerySet[Forum]:
    """`moderated_forum_ids(user)` as a query, for the header's counts on pages that have no
    other use for the forums (a subquery there, not a query of its own): the rule of
    `moderates_by_role` in SQL. tests/forums/test_permission_matrix.py checks that both give
    the same forums for every role."""
    forums = visible_forums_for(user)
    if user.is_superuser:
        return forums
    admin_ids = admin_network_ids(user)
    rule = Q(kind=NETWORK, network_id__in=admin_ids)
    if is_keha_staff(user):
        rule |= ~Q(kind=NETWORK)
    elif admin_ids:
        shared = Forum.networks.through.objects.filter(network_id__in=admin_ids).values("forum_id")
        rule |= Q(kind=REGIONAL, pk__in=shared)
    return forums.filter(rule)


def shared_forum_keys(user) -> set[str]:
    """The access keys (`typ_site.core.access.shared_forum_key`) of the regional forums this
    person sees: what the search filters their posts by (`core.access.search_access_keys_for`).
    Registered in the app's ready()."""
    return {
        shared_forum_key(pk)
        for pk, (kind, _network) in _forum_access(user).visible.items()
        if kind == REGIONAL
    }


def moderated_forums_for(user) -> QuerySet[Forum]:
    """Forums this person moderates (always a subset of the forums they see)."""
    return Forum.objects.filter(pk__in=moderated_forum_ids(user))


def moderator_candidates(forum: Forum) -> QuerySet:
    """The people who moderate the forum by their role (its network's admins; for a regional
    forum the admins of its networks and KEHA staff; KEHA staff for the other forums), to be
    told of reports. Superusers moderate everything but are not told of everything. Callers
    check each with `can_moderate`, the rule itself."""
    people = get_user_model().objects.filter(is_active=True, is_removed=False)
    keha = Q(groups__name=KEHA_GROUP)
    if forum.kind == NETWORK:
        if forum.network_id is None:
            return people.none()
        return people.filter(
            network_memberships__network_id=forum.network_id,
            network_memberships__role=Membership.Role.ADMIN,
            network_memberships__status=Membership.Status.APPROVED,
        )
    if forum.kind == REGIONAL:
        admins = Membership.objects.filter(
            network__in=forum.networks.all(),
            role=Membership.Role.ADMIN,
            status=Membership.Status.APPROVED,
        ).values("user_id")
        return people.filter(Q(pk__in=admins) | Q(pk__in=people.filter(keha).values("pk")))
    return people.filter(keha)


def _visible_topic(user, prefix: str = "", forums=None, moderated=None) -> Q:
    """The condition on a topic (reached through `prefix`) that this person may see it:
    in a visible forum, and not hidden unless they moderate the forum. The forums are their
    ids, read once per request, unless given (as queries, see `visible_topic_condition`)."""
    forums = visible_forum_ids(user) if forums is None else forums
    moderated = moderated_forum_ids(user) if moderated is None else moderated
    return Q(**{f"{prefix}forum_id__in": forums}) & (
        Q(**{f"{prefix}is_hidden": False}) | Q(**{f"{prefix}forum_id__in": moderated})
    )


def visible_topic_condition(user, prefix: str = "") -> Q:
    """`visible_topics_for` as a condition on a topic reached through `prefix`, the forums asked
    in subqueries (`visible_forums_for`, `moderated_forums_query`): no query of its own, for
    what reads the topics' titles beside other rows (the own-data export). An empty condition
    (nothing visible) is left out of a `When` by Django, so the title is then None."""
    return _visible_topic(user, prefix, visible_forums_for(user), moderated_forums_query(user))


def visible_topics_for(user) -> QuerySet[Topic]:
    """Topics in visible forums; hidden topics only for the forum's moderators."""
    if not is_verified_member(user):
        return Topic.objects.none()
    return Topic.objects.filter(_visible_topic(user))


def visible_posts_for(user) -> QuerySet[Post]:
    """Posts in visible topics; hidden posts only for moderators and their authors."""
    if not is_verified_member(user):
        return Post.objects.none()
    # Joined to the topic rather than `topic__in=visible_topics_for(user)`: SQLite would
    # otherwise build the list of every visible topic for each query.
    return Post.objects.filter(_visible_topic(user, prefix="topic__")).filter(
        Q(is_hidden=False) | Q(author=user) | Q(topic__forum_id__in=moderated_forum_ids(user))
    )


def forum_for_user_or_404(user, slug: str, forums: QuerySet[Forum] | None = None) -> Forum:
    """The forum, or 404 when it does not exist or this person may not see it."""
    forums = visible_forums_for(user) if forums is None else forums
    forum = forums.select_related("network").filter(slug=slug).first()
    if forum is None:
        raise Http404
    return forum


def forum_page_for_user_or_404(user, slug: str) -> Forum:
    """`forum_for_user_or_404` with what the forum's page shows of the person's own, in the same
    query: `is_followed`, and `feed_key` (the key of their feed token, or None)."""
    forums = visible_forums_for(user).annotate(
        is_followed=Exists(Follow.objects.filter(user=user.pk, forum=OuterRef("pk"))),
        feed_key=Subquery(FeedToken.objects.filter(user=user.pk).values("key")[:1]),
    )
    return forum_for_user_or_404(user, slug, forums)


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


def topic_page_for_user_or_404(user, pk: int) -> Topic:
    """The topic for its own page, with the visitor's own state read in the same query:
    `last_read_at` (None: never read), `is_followed`, `has_unread_notifications` (any of their
    notifications about the topic is unread) and `has_related_pages`.

    The state is read with plain SQL subqueries: each looks a row up by key, which costs less
    to run than Django's Subquery() costs to build.
    """
    topic = (
        visible_topics_for(user)
        .select_related("forum")
        .annotate(
            last_read_at=RawSQL(
                "SELECT last_read_at FROM forums_topicreadstate"
                " WHERE topic_id = forums_topic.id AND user_id = %s",
                [user.pk],
                output_field=DateTimeField(),
            ),
            is_followed=RawSQL(
                "EXISTS (SELECT 1 FROM forums_follow WHERE topic_id = forums_topic.id AND user_id = %s)",
                [user.pk],
                output_field=BooleanField(),
            ),
            has_unread_notifications=RawSQL(
                "EXISTS (SELECT 1 FROM forums_notification INNER JOIN forums_post"
                " ON forums_post.id = forums_notification.post_id"
                " WHERE forums_post.topic_id = forums_topic.id"
                " AND forums_notification.recipient_id = %s"
                " AND forums_notification.read_at IS NULL)",
                [user.pk],
                output_field=BooleanField(),
            ),
            has_related_pages=RawSQL(
                "EXISTS (SELECT 1 FROM forums_topic_related_pages WHERE topic_id = forums_topic.id)",
                [],
                output_field=BooleanField(),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if topic is None:
        raise Http404
    return topic


def post_for_user_or_404(user, pk: int) -> Post:
    post = visible_posts_for(user).select_related("topic", "topic__forum", "author").filter(pk=pk).first()
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
    """The topic's posts for its page with their authors and quoted posts; a page's
    attachments and reactions come from `attachments_of` and `reactions_of`."""
    return (
        visible_posts_for(user)
        .filter(topic=topic)
        .select_related("author", "reply_to", "reply_to__author")
        .order_by("created_at", "pk")
    )


def first_unread_post(user, topic: Topic, last_read_at) -> Post | None:
    """The first post of the topic this person may see and has not read (None: all read)."""
    posts = visible_posts_for(user).filter(topic=topic).order_by("created_at", "pk")
    if last_read_at is not None:
        posts = posts.filter(created_at__gt=last_read_at)
    return posts.first()


def attachments_of(post_ids) -> dict[int, list[Attachment]]:
    """{post id: its attachments} (one query; cheaper than prefetch_related for a page)."""
    attachments: dict[int, list[Attachment]] = {}
    for attachment in Attachment.objects.filter(post_id__in=post_ids).order_by("pk"):
        attachments.setdefault(attachment.post_id, []).append(attachment)
    return attachments


@dataclass
class PostReactions:
    counts: Counter = field(default_factory=Counter)  # kind -> how many
    mine: set = field(default_factory=set)  # the kinds this person gave


def reactions_of(user, post_ids) -> dict[int, PostReactions]:
    """The reactions to the posts, {post id: PostReactions}; posts without any are left out."""
    reactions: dict[int, PostReactions] = {}
    rows = Reaction.objects.filter(post_id__in=post_ids).values_list("post_id", "kind", "user_id")
    for post_id, kind, user_id in rows:
        summary = reactions.setdefault(post_id, PostReactions())
        summary.counts[kind] += 1
        if user_id == user.pk:
            summary.mine.add(kind)
    return reactions


def revisions_of(post: Post) -> QuerySet[PostRevision]:
    return post.revisions.select_related("edited_by")


def notifications_for(user, moderated: QuerySet[Forum] | None = None) -> QuerySet[Notification]:
    """The person's notifications about things they may still see (membership may have ended).

    About a post: the post is still visible (the author of a hidden post is told it was
    hidden), and a report only to those who still moderate its forum. About a membership: the
    request still waits for this person's decision (`pending_requests_for_admin`, the rule of
    the management page), or the decision was about this person's own request.
    `moderated`: the forums the person moderates as a query (the header's count).
    """
    if not is_verified_member(user):
        return Notification.objects.none()
    Reason = Notification.Reason
    moderated_ids = moderated_forum_ids(user) if moderated is None else moderated
    # The forum rule as a subquery, not visible_forum_ids(): the header counts these on every
    # page, and most pages have no other use for the forum ids (a query of their own).
    about_post = Q(post__topic__forum__in=visible_forums_for(user), post__topic__is_hidden=False) & (
        Q(post__is_hidden=False) | Q(reason=Reason.HIDDEN, post__author=user)
    )
    about_post &= ~Q(reason=Reason.REPORTED) | Q(post__topic__forum_id__in=moderated_ids)
    about_membership = Q(
        reason=Reason.MEMBERSHIP_REQUEST, membership__in=pending_requests_for_admin(user).values("pk")
    ) | Q(reason=Reason.MEMBERSHIP_DECISION, membership__user=user)
    # About a network's who's who: for the network's admins while they are its admins.
    about_network = Q(reason__in=Notification.NETWORK_REASONS, network_id__in=admin_network_ids(user))
    # A reminder to handle a national decision: while the person administers the network.
    about_reminder = Q(
        reason=Reason.ADOPTION_REMINDER, adoption_reminder__network_id__in=admin_network_ids(user)
    )
    return Notification.objects.filter(recipient=user).filter(
        about_post | about_membership | about_network | about_reminder
    )


@dataclass(frozen=True)
class HeaderCounts:
    unread_notifications: int
    open_reports: int | None  # None: the person moderates no forum


def header_counts(user) -> HeaderCounts:
    """What the header shows on every page: the unread notifications, and for a moderator the
    open reports of their forums. One query, on the person's own row: it carries the counts as
    subqueries (the notifications' rule asked in the database, on the recipient's index, which
    costs next to nothing when nothing is unread), with the forums the person moderates as a
    subquery too (`moderated_forums_query`). Only people who hold powers beyond a member's
    moderate anything (`moderates_by_role`); the others' count leaves reports out."""
    if not is_verified_member(user):
        return HeaderCounts(0, None)
    moderator = holds_powers(user)
    moderated = moderated_forums_query(user) if moderator else Forum.objects.none()
    columns: dict[str, BaseExpression] = {
        "unread": count_of(notifications_for(user, moderated).filter(read_at__isnull=True))
    }
    if moderator:
        columns["moderates"] = Exists(moderated)
        columns["reports"] = count_of(
            Report.objects.filter(status=Report.Status.OPEN, post__topic__forum__in=moderated)
        )
    row = get_user_model().objects.filter(pk=user.pk).annotate(**columns).values(*columns).get()
    return HeaderCounts(row["unread"], row["reports"] if row.get("moderates") else None)


def header_counts_of(request) -> HeaderCounts:
    """`header_counts` of the signed-in person, once per request (the header and the home page
    both show them), kept between requests in the shared cache (`forums.header_cache`)."""
    user = request.user
    if not is_verified_member(user):
        return HeaderCounts(0, None)
    return per_request(
        request, "forums.header_counts", lambda: header_cache.kept_for(user, lambda: header_counts(user))
    )


def unread_notification_count_of(request) -> int:
    return header_counts_of(request).unread_notifications


def open_report_count_of(request) -> int:
    """The open reports of the forums the signed-in person moderates (0 when none)."""
    return header_counts_of(request).open_reports or 0


def network_topics_for(user, limit: int = 5) -> list[Topic]:
    """The newest topics of the forums of this person's own networks (most recent activity
    first), each with `is_unread` as the forum's list marks it, and of the regional forums
    their networks share. Empty for people in no network: a KEHA editor or a partner sees no
    network forum here, whatever else they see."""
    mine = member_network_ids(user)
    if not mine or not is_verified_member(user):
        return []
    # One query: the forums (visible, of my networks) and the moderated ones as subqueries,
    # as `visible_topic_condition` asks them, not read first on their own.
    of_my_networks = Forum.objects.filter(
        Q(kind=NETWORK, network_id__in=mine) | Q(kind=REGIONAL, networks__in=mine)
    ).values("pk")
    read_states = TopicReadState.objects.filter(user=user, topic=OuterRef("pk"))
    return list(
        Topic.objects.filter(visible_topic_condition(user), forum_id__in=of_my_networks)
        .select_related("forum")
        .annotate(is_unread=~Exists(read_states.filter(last_read_at__gte=OuterRef("last_post_at"))))
        .order_by("-last_post_at", "-pk")[:limit]
    )


# What a notification is about, for grouping: the topic of its post, or its one other subject.
_SUBJECT = [F("post__topic_id"), F("membership_id"), F("network_id"), F("adoption_reminder_id")]


def unread_notifications_for(user, limit: int = 5) -> list[Notification]:
    """The person's unread notifications (the rule of `notifications_for`), one a subject: a
    new topic, a reply and a mention in the same topic make one line. Each is the subject's
    newest, with `subject_count`, how many unread ones the subject has, and what its line
    shows; newest first, `limit` subjects at most (one query however many there are)."""
    newest_first = [F("created_at").desc(), F("pk").desc()]
    return list(
        notifications_for(user)
        .filter(read_at__isnull=True)
        .annotate(
            subject_count=Window(Count("pk"), partition_by=_SUBJECT),
            place_in_subject=Window(RowNumber(), partition_by=_SUBJECT, order_by=newest_first),
        )
        .filter(place_in_subject=1)
        .select_related(
            "post__topic__forum",
            "actor",
            "membership__network",
            "network",
            "adoption_reminder__network",
            "adoption_reminder__page",
        )
        .order_by(*newest_first)[:limit]
    )


def moderation_queue_for(user) -> QuerySet[Report]:
    return (
        Report.objects.filter(status=Report.Status.OPEN, post__topic__forum_id__in=moderated_forum_ids(user))
        .select_related("post", "post__author", "post__topic", "post__topic__forum", "reporter")
        .order_by("created_at", "pk")
    )


def topics_for_page(user, page) -> QuerySet[Topic]:
    """Discussion topics linked to a Wagtail page that this person may see."""
    return (
        visible_topics_for(user).filter(related_pages=page).select_related("forum").order_by("-last_post_at")
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
