"""Discussion forums: a private forum per network, national and theme forums, regional forums
that neighbouring networks share, and the TYP directors' forum.

Who may see what is decided in `forums.selectors` and nowhere else. Participation (votes on
development needs and customer stories) is an app of its own in `forums/participation/`.
"""

import uuid
from functools import reduce
from operator import and_, or_
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from typ_site.core.access import DIRECTORS, MEMBERS, network_key, shared_forum_key

# Addresses under forums/ that a forum's slug must not take.
RESERVED_FORUM_SLUGS = frozenset(
    {
        "notifications",
        "moderation",
        "reports",
        "feed-address",
        "feed",
        "topic",
        "post",
        "attachments",
    }
)


def validate_forum_slug(slug: str) -> None:
    if slug in RESERVED_FORUM_SLUGS:
        raise ValidationError(_("This address is reserved; choose another slug."))


class Forum(models.Model):
    class Kind(models.TextChoices):
        NETWORK = "network", _("Network forum")
        NATIONAL = "national", _("National forum")
        THEME = "theme", _("Theme forum")
        REGIONAL = "regional", _("Regional forum")
        DIRECTORS = "directors", _("TYP directors' forum")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, validators=[validate_forum_slug])
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="forums",
        verbose_name=_("network"),
        help_text=_("Only for network forums: the network whose members see the forum."),
    )
    networks = models.ManyToManyField(
        "networks.Network",
        blank=True,
        related_name="shared_forums",
        verbose_name=_("networks sharing the forum"),
        help_text=_(
            "Only for regional forums: the neighbouring networks whose members read and write in it "
            "and whose admins moderate it together."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=50)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="network") & Q(network__isnull=False))
                | (~Q(kind="network") & Q(network__isnull=True)),
                name="forum_network_only_for_network_forums",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:forum", args=[self.slug])

    def clean(self):
        if self.kind == self.Kind.NETWORK and self.network_id is None:
            raise ValidationError({"network": _("A network forum needs its network.")})
        if self.kind != self.Kind.NETWORK and self.network_id is not None:
            raise ValidationError(
                {"network": _("Only network forums belong to a network; leave this empty.")}
            )

    @property
    def is_private(self) -> bool:
        """Seen by some members only: a network's own forum, a regional or the directors' forum."""
        return self.kind in (self.Kind.NETWORK, self.Kind.REGIONAL, self.Kind.DIRECTORS)

    @property
    def access_key(self) -> str:
        """Who may see this forum, in the shared vocabulary of `typ_site.core.access`."""
        if self.kind == self.Kind.NETWORK:
            assert self.network_id is not None  # the database requires a network's forum to name it
            return network_key(self.network_id)
        if self.kind == self.Kind.REGIONAL:
            return shared_forum_key(self.pk)
        if self.kind == self.Kind.DIRECTORS:
            return DIRECTORS
        return MEMBERS


class Topic(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="topics", verbose_name=_("forum"))
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_topics",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last post at"), auto_now_add=True, db_index=True)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    accepted_post = models.ForeignKey(
        "Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted answer"),
    )
    related_pages: models.ManyToManyField = models.ManyToManyField(
        "wagtailcore.Page",
        blank=True,
        related_name="forum_topics",
        verbose_name=_("related pages"),
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["-is_pinned", "-last_post_at"]
        indexes = [models.Index(fields=["forum", "is_pinned", "last_post_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:topic", args=[self.pk])


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_posts",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    reply_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quoted post"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    # The form's one-time token: a double submit finds the post the first submit made.
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["topic", "created_at"])]

    def __str__(self):
        return f"{self.topic} #{self.pk}"

    def get_absolute_url(self):
        return reverse("forums:post", args=[self.pk])

    @property
    def author_name(self) -> str:
        if self.author is None:
            return str(_("Removed user"))
        return self.author.display_name


class PostRevision(models.Model):
    """The text of a post before an edit: visible to the author and the moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"


class Reaction(models.Model):
    class Kind(models.TextChoices):
        LIKE = "like", _("Like")
        THANKS = "thanks", _("Thanks")
        AGREE = "agree", _("Agree")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reactions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_per_kind")]

    def __str__(self):
        return f"{self.kind} {self.post_id}"


def attachment_root() -> Path:
    """Outside every publicly served folder: files are served only by the download view."""
    configured = getattr(settings, "FORUM_ATTACHMENTS_ROOT", None)
    if configured:
        return Path(configured)
    return Path(settings.MEDIA_ROOT).parent / "private" / "forum-attachments"


class PrivateAttachmentStorage(FileSystemStorage):
    """A file system storage with no public URL; its folder is read from the settings."""

    @property
    def base_location(self):
        return str(attachment_root())

    @property
    def location(self):
        return str(attachment_root().resolve())

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Forum attachments have no public address; use forums:attachment.")


def attachment_storage():
    return PrivateAttachmentStorage()


def attachment_path(instance, filename):
    return f"{instance.post.topic.forum_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=attachment_storage, max_length=255)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("forums:attachment", args=[self.pk, self.original_name])

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Follow(models.Model):
    """A person follows either a whole forum (new topics) or one topic (new replies)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_follows")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(forum__isnull=False) & Q(topic__isnull=True))
                | (Q(forum__isnull=True) & Q(topic__isnull=False)),
                name="follow_forum_or_topic",
            ),
            models.UniqueConstraint(
                fields=["user", "forum"],
                condition=Q(forum__isnull=False),
                name="one_follow_per_forum",
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=Q(topic__isnull=False),
                name="one_follow_per_topic",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.forum or self.topic}"


class TopicReadState(models.Model):
    """When the person last read a topic: posts after it are marked unread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_read_states"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_read_state_per_topic")]

    def __str__(self):
        return f"{self.user_id}: {self.topic_id}"


# What a notification is about: exactly one of these is set.
SUBJECT_FIELDS = ("post", "membership", "network", "adoption_reminder")


def _exactly_one_of(fields) -> Q:
    """The condition that exactly one of the foreign keys is set."""
    return reduce(
        or_,
        (reduce(and_, (Q(**{f"{other}__isnull": other != field}) for other in fields)) for field in fields),
    )


class Notification(models.Model):
    class Reason(models.TextChoices):
        NEW_TOPIC = "new_topic", _("New topic in a forum you follow")
        REPLY = "reply", _("New reply in a topic you follow")
        MENTION = "mention", _("You were mentioned")
        QUOTE = "quote", _("Your post was quoted")
        ACCEPTED = "accepted", _("Your answer was accepted")
        REPORTED = "reported", _("A post was reported to the moderators")
        HIDDEN = "hidden", _("Your post was hidden by a moderator")
        MEMBERSHIP_REQUEST = "membership_request", _("Someone asks to join your network")
        MEMBERSHIP_DECISION = "membership_decision", _("Your request to join a network was decided")
        WHOSWHO_REVIEW = "whoswho_review", _("Entries of your network's who's who are due for review")
        WHOSWHO_LEFT = "whoswho_left", _("Someone named in your network's who's who left the network")
        ADOPTION_REMINDER = "adoption_reminder", _("KEHA asks your network to handle a national decision")

    # Reasons about a network membership (no post): the site's notifications tell them too.
    MEMBERSHIP_REASONS = (Reason.MEMBERSHIP_REQUEST, Reason.MEMBERSHIP_DECISION)
    # Reasons about a network's who's who (typ_site.operating_model.whoswho), for its admins.
    NETWORK_REASONS = (Reason.WHOSWHO_REVIEW, Reason.WHOSWHO_LEFT)

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    # What happened, e.g. "post:42" or "accepted:42": one notification per event and person.
    event = models.CharField(max_length=50)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    membership = models.ForeignKey(
        "networks.Membership", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # A reminder to a network's admins to handle a national decision (operating_model).
    adoption_reminder = models.ForeignKey(
        "operating_model.AdoptionReminder", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event"], name="one_notification_per_event_and_person"
            ),
            models.CheckConstraint(
                condition=_exactly_one_of(SUBJECT_FIELDS),
                name="notification_of_one_subject",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return f"{self.event}: {self.recipient_id}"


class FeedToken(models.Model):
    """The secret part of a person's feed addresses; resetting it revokes old addresses."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_feed_token"
    )
    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"feed token of {self.user_id}"


class Report(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")
        DISMISSED = "dismissed", _("Dismissed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(status="open"),
                name="one_open_report_per_person_and_post",
            )
        ]

    def __str__(self):
        return f"{self.post} ({self.status})"


class ModerationAction(models.Model):
    """The log of every moderation action."""

    class Action(models.TextChoices):
        HIDE_POST = "hide_post", _("Hid a post")
        SHOW_POST = "show_post", _("Showed a hidden post")
        HIDE_TOPIC = "hide_topic", _("Hid a topic")
        SHOW_TOPIC = "show_topic", _("Showed a hidden topic")
        LOCK = "lock", _("Locked a topic")
        UNLOCK = "unlock", _("Unlocked a topic")
        PIN = "pin", _("Pinned a topic")
        UNPIN = "unpin", _("Unpinned a topic")
        MOVE = "move", _("Moved a topic")
        ACCEPT = "accept", _("Chose an accepted answer")
        RESOLVE_REPORT = "resolve_report", _("Resolved a report")
        DISMISS_REPORT = "dismiss_report", _("Dismissed a report")

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="moderation_actions")
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True)
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, blank=True)
    details = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.action} ({self.created_at:%Y-%m-%d %H:%M})"
