"""Who's who: a network's johtoryhmä, its fixed counterpart pairs across organisations, its
named contacts by area, and the places that are vacant.

An entry names a site user, or just a name and an organisation (someone without an account),
or nobody (a vacancy). Each entry says when it was last confirmed to be correct; entries older
than the network's review interval are brought to its admins (`whoswho.reminders`). An entry
is seen by the network's members and KEHA staff, and by everyone when the network marks it
public (`whoswho.permissions`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from typ_site.networks.models import Network


class EntryKind(models.TextChoices):
    BOARD = "board", _("Johtoryhmä")
    PAIR = "pair", _("Counterpart pair")
    AREA = "area", _("Contact by area")


class WhosWhoEntry(models.Model):
    """One place in a network's who's who: a johtoryhmä seat, a counterpart pair or a named
    contact of an area. The person (or the first of a pair) may be a site user or only a name;
    without either the place is vacant."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="whoswho_entries", verbose_name=_("network")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EntryKind.choices)
    role = models.CharField(
        _("role"), max_length=200, help_text=_("E.g. chair, secretary, health-care nurse, social worker.")
    )
    area = models.CharField(
        _("area"), max_length=200, blank=True, help_text=_("For a contact by area: the area it covers.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("site user"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    party = models.ForeignKey(
        "operating_model.Party",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation type"),
        help_text=_(
            "The party of the client process the place belongs to; empty: another organisation. "
            "The johtoryhmä's make-up in the network indicators is counted from this."
        ),
    )
    contact = models.CharField(
        _("contact details"),
        max_length=200,
        blank=True,
        help_text=_("A work phone number or e-mail address."),
    )
    counterpart_role = models.CharField(_("counterpart's role"), max_length=200, blank=True)
    counterpart_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("counterpart (site user)"),
    )
    counterpart_name = models.CharField(_("counterpart's name"), max_length=200, blank=True)
    counterpart_organisation = models.CharField(_("counterpart's organisation"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=500)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown to everyone, also to visitors who are not signed in.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    confirmed_at = models.DateTimeField(_("last confirmed"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("who's who entry")
        verbose_name_plural = _("who's who entries")
        ordering = ["network", "kind", "sort_order", "area", "role", "pk"]
        indexes = [models.Index(fields=["network", "kind"])]

    def __str__(self):
        return f"{self.network}: {self.role} – {self.person_name or '-'}"

    @property
    def person_name(self) -> str:
        if self.user is not None and not self.user.is_removed:
            return self.user.get_full_name() or self.name or self.user.display_name
        return self.name

    @property
    def counterpart_person_name(self) -> str:
        person = self.counterpart_user
        if person is not None and not person.is_removed:
            return person.get_full_name() or self.counterpart_name or person.display_name
        return self.counterpart_name

    @property
    def is_vacant(self) -> bool:
        """Nobody is named for the place (or, in a pair, for either side)."""
        if not self.person_name:
            return True
        return self.kind == EntryKind.PAIR and not self.counterpart_person_name


class WhosWhoSettings(models.Model):
    """A network's own settings for its who's who: how often the entries are to be confirmed,
    and when its admins were last told of entries past that."""

    network = models.OneToOneField(
        Network, on_delete=models.CASCADE, related_name="whoswho_settings", verbose_name=_("network")
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        help_text=_("An entry not confirmed within this time is brought to the network's admins."),
    )
    review_notice_sent_at = models.DateTimeField(_("admins last told of old entries"), null=True, blank=True)

    class Meta:
        verbose_name = _("who's who settings")
        verbose_name_plural = _("who's who settings")

    def __str__(self):
        return f"{self.network}: {self.review_interval_months}"
