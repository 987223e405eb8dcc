"""Adoption of national decisions: whether each network has put a national decision to use.

A *decision* is a valid national guidance page, an agreed law interpretation, or the national
baseline of the responsibility register (no page: `page` is empty). Each network's admins set
its status per decision (`AdoptionStatus`, one row per network and decision); every change is
kept as a row of `AdoptionStatusChange`, never edited. KEHA staff remind the networks that have
not handled a decision (`AdoptionReminder`, one per network, decision and sending).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from typ_site.networks.models import Network


class AdoptionState(models.TextChoices):
    NOT_HANDLED = "not_handled", _("Not yet handled")
    HANDLED = "handled", _("Handled by the johtoryhmä")
    IN_USE = "in_use", _("In use")
    DEVIATION = "deviation", _("In use with a deviation")


class AdoptionFields(models.Model):
    """What a status says: the state, the johtoryhmä's date and the reason for a deviation."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )
    # Empty: the national baseline of the responsibility register.
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    state = models.CharField(_("status"), max_length=12, choices=AdoptionState.choices)
    handled_on = models.DateField(_("handled by the johtoryhmä on"), null=True, blank=True)
    deviation_reason = models.TextField(_("reason for the deviation"), blank=True, max_length=1000)

    class Meta:
        abstract = True


class AdoptionStatus(AdoptionFields):
    """A network's current status of one decision. No row: not yet handled."""

    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("adoption status")
        verbose_name_plural = _("adoption statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "page"],
                condition=Q(page__isnull=False),
                name="one_adoption_status_per_page",
            ),
            models.UniqueConstraint(
                fields=["network"], condition=Q(page__isnull=True), name="one_adoption_status_of_baseline"
            ),
        ]

    def __str__(self):
        return f"{self.network_id}/{self.page_id or 'baseline'}: {self.state}"


class AdoptionStatusChange(AdoptionFields):
    """One change of a network's status of a decision, as it was saved (the history)."""

    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("adoption status change")
        verbose_name_plural = _("adoption status changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.network_id}/{self.page_id or 'baseline'}: {self.state} ({self.changed_at})"


class AdoptionReminder(models.Model):
    """KEHA reminded a network's admins to handle a decision. The admins get a notification
    (forums.Notification, which refers here)."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("adoption reminder")
        verbose_name_plural = _("adoption reminders")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"{self.network_id}/{self.page_id or 'baseline'}: {self.sent_at}"
