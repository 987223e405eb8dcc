"""The service catalogue: the shared service categories and municipalities that KEHA keeps, and
each network's services under them (provider, how to refer, the municipalities covered, the
availability and whom to call).

KEHA keeps the categories and the municipality list (Wagtail admin snippets); a network's admins
keep its services on the site (`service_catalogue_views`). Who may see a service:
`service_catalogue_permissions`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from typ_site.networks.models import Network, Region

from .naming import NamedAndDescribedInThreeLanguages, NamedInThreeLanguages


class Municipality(NamedInThreeLanguages):
    """A municipality, once, with its Swedish name (Pori – Björneborg). The networks' own
    `municipalities` text stays as it is; the catalogue's coverage points at these rows."""

    region = models.CharField(_("region"), max_length=30, choices=Region.choices)

    panels = [
        FieldPanel("name_fi"),
        FieldPanel("name_sv"),
        FieldPanel("name_en"),
        FieldPanel("region"),
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]
        constraints = [models.UniqueConstraint(fields=["name_fi"], name="unique_municipality_name")]


class ServiceCategory(NamedAndDescribedInThreeLanguages):
    """A kind of service shared by all networks (rehabilitative work activity, work trial …),
    so that the networks' catalogues can be compared and searched by kind."""

    key = models.SlugField(
        _("key"), max_length=60, unique=True, help_text=_("A short fixed name for the exports (a-z, -, _).")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        *NamedAndDescribedInThreeLanguages.name_and_description_panels,
        FieldPanel("key"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["sort_order", "pk"]


class ServiceVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone (public)")
    NETWORK = "network", _("The network's members only")


class NetworkService(models.Model):
    """One service a network offers its clients, under a shared category."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="catalogue_services", verbose_name=_("network")
    )
    category = models.ForeignKey(
        ServiceCategory, on_delete=models.PROTECT, related_name="services", verbose_name=_("category")
    )
    name = models.CharField(_("name of the service"), max_length=200)
    provider = models.CharField(
        _("provider"), max_length=200, help_text=_("The organisation that provides the service.")
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    how_to_refer = models.TextField(
        _("how to refer a client"),
        max_length=1000,
        help_text=_("Who refers, how (form, system, phone) and what the referral needs."),
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="services", verbose_name=_("municipalities covered")
    )
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("For example the places, the waiting time or the days it is offered."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=300,
        help_text=_("A service phone number, e-mail address or office; no client information."),
    )
    visibility = models.CharField(
        _("who sees it"), max_length=10, choices=ServiceVisibility.choices, default=ServiceVisibility.PUBLIC
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("service of a network")
        verbose_name_plural = _("services of the networks")
        ordering = ["network", "category__sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="unique_network_service_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.network})"
