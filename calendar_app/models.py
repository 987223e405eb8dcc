"""The development calendar: events, their recurrence exceptions, registrations, feed tokens.

Events are Wagtail snippets rather than pages: an event is a record with a time, a
recurrence rule, registrations and per-network permissions, not an editorial page in the
site tree. As snippets they are listed, filtered and edited in one place in the admin, and a
network admin's access can be limited to their own network's events by a permission policy
(see wagtail_hooks.py), which the page tree's permissions cannot express per network.
"""

import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from typ_site.core.access import MEMBERS, PUBLIC, network_key

from .recurrence import HELSINKI, last_end_of_rule, next_start_bound, validate_rule


class TaggedEvent(TaggedItemBase):
    content_object = ParentalKey("calendar_app.Event", on_delete=models.CASCADE, related_name="tagged_items")


class Event(ClusterableModel):
    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        NETWORK = "network", _("Network")

    class Type(models.TextChoices):
        TRAINING = "training", _("Training")
        WORKSHOP = "workshop", _("Workshop")
        TYP_DAYS = "typ_days", _("TYP days")
        STEERING_GROUP = "steering_group", _("Management group meeting")
        COWORKING = "coworking", _("Co-working day")
        WEBINAR = "webinar", _("Webinar")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: everyone")
        MEMBERS = "members", _("Signed-in members")
        NETWORK = "network", _("Members of the organising network only")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start = models.DateTimeField(
        _("starts"), help_text=_("Helsinki time. For a recurring event, the first occurrence.")
    )
    end = models.DateTimeField(
        _("ends"),
        help_text=_(
            "Helsinki time. For a recurring event, the end of the first occurrence. For an "
            "all-day event only the dates count: the end date is the last day."
        ),
    )
    all_day = models.BooleanField(_("all-day event"), default=False)
    location_address = models.CharField(
        _("address"),
        max_length=300,
        blank=True,
    )
    online_url = models.URLField(_("online meeting link"), blank=True)
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_events",
        verbose_name=_("organising network"),
        help_text=_("Leave empty when KEHA Centre organises the event."),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.NATIONAL)
    event_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    themes = ClusterTaggableManager(through=TaggedEvent, blank=True, verbose_name=_("themes"), help_text="")
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    recurrence_rule = models.CharField(
        _("recurrence rule"),
        max_length=300,
        blank=True,
        validators=[validate_rule],
        help_text=_(
            "Leave empty for a single event. An iCalendar (RFC 5545) rule, for example "
            "FREQ=WEEKLY;BYDAY=MO for every Monday, FREQ=WEEKLY;INTERVAL=2;BYDAY=TU for every "
            "other Tuesday, FREQ=MONTHLY;BYDAY=1WE for the first Wednesday of each month. "
            "Add ;UNTIL=20271231 or ;COUNT=10 to end the series."
        ),
    )
    registration_enabled = models.BooleanField(_("registration"), default=False)
    capacity = models.IntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(
                1, message=_("The capacity must be at least one place. Leave it empty for no limit.")
            )
        ],
        help_text=_("Places per occurrence. Leave empty for no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Helsinki time. For a recurring event, set it for the first occurrence: each later "
            "occurrence closes the same time before it starts. Empty: open until the start."
        ),
    )
    waiting_list_enabled = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When the event is full, new registrations go to a waiting list."),
    )
    # Denormalised, kept by save(): who may see the event (core.access vocabulary), and the
    # end of the last occurrence (empty for a series without an end), for range queries.
    access_key = models.CharField(max_length=40, editable=False, db_index=True, default=PUBLIC)
    last_end = models.DateTimeField(null=True, blank=True, editable=False)
    # Where the home page's "next events" start looking (recurrence.next_start_bound): no
    # occurrence that ends after `next_start_checked_at` starts before `next_start_bound`
    # (an empty bound: none ends after it). Once stored it stays true, only less tight as
    # time passes. save() stores it and so does every change of an exception (signal
    # handlers); the selector refreshes one it finds gone stale.
    next_start_bound = models.DateTimeField(null=True, blank=True, editable=False)
    next_start_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("recurrence_rule"),
                InlinePanel(
                    "exceptions",
                    label=_("Changed or cancelled occurrences"),
                    heading=_("Changed or cancelled occurrences"),
                ),
            ],
            heading=_("Time"),
        ),
        MultiFieldPanel([FieldPanel("location_address"), FieldPanel("online_url")], heading=_("Place")),
        MultiFieldPanel(
            [
                FieldPanel("network"),
                FieldPanel("level"),
                FieldPanel("event_type"),
                FieldPanel("themes"),
                FieldPanel("visibility"),
            ],
            heading=_("Organiser and audience"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("capacity"),
                FieldPanel("registration_deadline"),
                FieldPanel("waiting_list_enabled"),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("links", label=_("Related development needs and discussions")),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["access_key", "start"]),
            models.Index(fields=["last_end"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
        ]

    def __str__(self):
        return self.title

    # --- derived values ------------------------------------------------------------------

    @property
    def organiser_name(self) -> str:
        return self.network.name if self.network is not None else str(_("KEHA Centre"))

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence_rule)

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def compute_access_key(self) -> str:
        if self.visibility == self.Visibility.NETWORK and self.network_id:
            return network_key(self.network_id)
        if self.visibility == self.Visibility.PUBLIC:
            return PUBLIC
        return MEMBERS

    def get_absolute_url(self) -> str:
        return reverse("calendar_app:event", args=[self.pk])

    # --- validation and saving -------------------------------------------------------------

    def normalise_all_day_times(self) -> None:
        """An all-day event runs from midnight of its first day to 23:59 of its last."""
        if not (self.all_day and self.start and self.end):
            return
        first_day = timezone.localtime(self.start, HELSINKI).date()
        last_day = timezone.localtime(self.end, HELSINKI).date()
        self.start = datetime.combine(first_day, time(0, 0), tzinfo=HELSINKI)
        self.end = datetime.combine(last_day, time(23, 59), tzinfo=HELSINKI)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            self.normalise_all_day_times()
            if self.end < self.start or (self.end == self.start and not self.all_day):
                errors["end"] = _("The event must end after it starts.")
        if self.visibility == self.Visibility.NETWORK and not self.network_id:
            errors["network"] = _("Choose the organising network: only its members will see the event.")
        if self.level == self.Level.NETWORK and not self.network_id:
            errors["level"] = _("A network-level event needs an organising network.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("The registration deadline must be before the event starts.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Calendars work to the minute; recurrence rules drop anything finer.
        self.start = self.start.replace(second=0, microsecond=0)
        self.end = self.end.replace(second=0, microsecond=0)
        self.normalise_all_day_times()
        self.recurrence_rule = (self.recurrence_rule or "").strip().removeprefix("RRULE:")
        self.access_key = self.compute_access_key()
        if self.recurrence_rule:
            self.last_end = last_end_of_rule(self.recurrence_rule, self.start, self.end)
        else:
            self.last_end = self.end
        self.next_start_checked_at = timezone.now()
        self.next_start_bound = next_start_bound(self, self.next_start_checked_at)
        super().save(*args, **kwargs)

    def refresh_next_start_bound(self) -> None:
        """Recompute and store the next-start bound now, from this instance's rule and its
        exceptions (prefetched, else read from the database): after an exception changed."""
        now = timezone.now()
        bound = next_start_bound(self, now)
        Event.objects.filter(pk=self.pk).update(next_start_bound=bound, next_start_checked_at=now)
        self.next_start_bound, self.next_start_checked_at = bound, now

    def store_next_start_bound(self, bound: datetime | None, now: datetime) -> bool:
        """Store a bound found at `now` unless the event was saved or its exceptions changed
        since this instance was read (both move `next_start_checked_at`): a bound computed
        from outdated exceptions never replaces a newer one. True when it was stored."""
        stored = Event.objects.filter(pk=self.pk, next_start_checked_at=self.next_start_checked_at).update(
            next_start_bound=bound, next_start_checked_at=now
        )
        if stored:
            self.next_start_bound, self.next_start_checked_at = bound, now
        return bool(stored)


class EventException(models.Model):
    """One occurrence of a recurring event that was cancelled or moved (RFC 5545 EXDATE or
    an instance with RECURRENCE-ID)."""

    class Kind(models.TextChoices):
        CANCELLED = "cancelled", pgettext_lazy("event", "Cancelled")
        MOVED = "moved", _("Moved or changed")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="exceptions")
    original_start = models.DateTimeField(
        _("original start"),
        help_text=_(
            "When the occurrence would have started (Helsinki time). When you move the whole "
            "series, this date moves with it: a cancelled occurrence stays cancelled, a moved "
            "one keeps its new time."
        ),
    )
    kind = models.CharField(_("change"), max_length=10, choices=Kind.choices, default=Kind.CANCELLED)
    new_start = models.DateTimeField(_("new start"), null=True, blank=True)
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("For example the reason for the change, shown on the event page."),
    )

    panels = [
        FieldPanel("original_start"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("changed occurrence")
        verbose_name_plural = _("changed occurrences")
        ordering = ["original_start"]
        constraints = [
            models.UniqueConstraint(fields=["event", "original_start"], name="one_exception_per_occurrence")
        ]

    def __str__(self):
        return f"{self.event} – {self.original_start:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.MOVED:
            if not (self.new_start and self.new_end):
                raise ValidationError({"new_start": _("Give the new start and end of the moved occurrence.")})
            if self.new_end <= self.new_start:
                raise ValidationError({"new_end": _("The event must end after it starts.")})


class EventLink(models.Model):
    """A link from an event to a development need, a forum discussion or another page."""

    class Kind(models.TextChoices):
        DEVELOPMENT_NEED = "need", _("Development need")
        FORUM_TOPIC = "topic", _("Forum discussion")
        OTHER = "other", _("Other material")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.CharField(
        _("address"),
        max_length=500,
        help_text=_("An address on this site (starting with /) or a full https:// address."),
    )

    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("url")]

    class Meta:
        verbose_name = _("related link")
        verbose_name_plural = _("related links")
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        url = (self.url or "").strip()
        if not (
            (url.startswith("/") and not url.startswith("//")) or url.startswith(("https://", "http://"))
        ):
            raise ValidationError(
                {"url": _("Give an address on this site (starting with /) or an https:// link.")}
            )


NOTE_MAX_LENGTH = 500


class Registration(models.Model):
    """A person's place at one occurrence of an event (or on its waiting list).

    Registration is per occurrence: a weekly co-working day has its own list each week. For a
    single event the occurrence start is the event's start.

    The note (diet, accessibility needs) is for the event's organisers only
    (`permissions.can_manage_event`); it goes with the registration when it is cancelled or
    the account is removed.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    occurrence_start = models.DateTimeField(_("occurrence"))
    # The RECURRENCE-ID of the person's calendar entry when it differs from the occurrence
    # start: the whole series moved after the person registered (services.tell_registered_of_
    # changed_event). Empty: the entry was sent with the occurrence start.
    calendar_occurrence_start = models.DateTimeField(
        _("occurrence in the registrant's calendar"), null=True, blank=True, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("user"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    note = models.CharField(
        _("note to the organisers"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_(
            "For example a special diet or accessibility needs. Only the organisers see it. "
            "Do not write anything about your clients, and no identity codes."
        ),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("promoted from the waiting list"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_start", "user"], name="one_registration_per_person"
            )
        ]
        indexes = [models.Index(fields=["event", "occurrence_start", "status"])]

    def __str__(self):
        return f"{self.user} – {self.event} ({self.get_status_display()})"

    @property
    def calendar_key(self) -> datetime:
        """The RECURRENCE-ID of the occurrence in the person's calendar: what every message
        about this registration names, so that it updates or removes the entry they hold."""
        return self.calendar_occurrence_start or self.occurrence_start


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret in a person's private calendar feed address. Revoking deletes it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed_tokens"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed address")
        verbose_name_plural = _("calendar feed addresses")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
