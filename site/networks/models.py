"""TYP/TYM networks and who belongs to them: the base of every membership permission."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class Region(models.TextChoices):
    UUSIMAA = "uusimaa", "Uusimaa"
    VARSINAIS_SUOMI = "varsinais-suomi", "Varsinais-Suomi"
    SATAKUNTA = "satakunta", "Satakunta"
    KANTA_HAME = "kanta-hame", "Kanta-Häme"
    PIRKANMAA = "pirkanmaa", "Pirkanmaa"
    PAIJAT_HAME = "paijat-hame", "Päijät-Häme"
    KYMENLAAKSO = "kymenlaakso", "Kymenlaakso"
    ETELA_KARJALA = "etela-karjala", "Etelä-Karjala"
    ETELA_SAVO = "etela-savo", "Etelä-Savo"
    POHJOIS_SAVO = "pohjois-savo", "Pohjois-Savo"
    POHJOIS_KARJALA = "pohjois-karjala", "Pohjois-Karjala"
    KESKI_SUOMI = "keski-suomi", "Keski-Suomi"
    ETELA_POHJANMAA = "etela-pohjanmaa", "Etelä-Pohjanmaa"
    POHJANMAA = "pohjanmaa", "Pohjanmaa"
    KESKI_POHJANMAA = "keski-pohjanmaa", "Keski-Pohjanmaa"
    POHJOIS_POHJANMAA = "pohjois-pohjanmaa", "Pohjois-Pohjanmaa"
    KAINUU = "kainuu", "Kainuu"
    LAPPI = "lappi", "Lappi"
    AHVENANMAA = "ahvenanmaa", "Ahvenanmaa"


# Words that name national addresses beside a network's own under /operating-model/
# (`/operating-model/services/` beside `/operating-model/<network>/`): a network with one of
# them for its slug would be unreachable or hide the national page. The operating model's tests
# derive the list from its URLs (tests/operating_model/test_network_slugs.py).
RESERVED_SLUGS = frozenset({"adoption", "compare", "services"})


def validate_network_slug(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the name of a national page of the site. Choose another slug for the network."),
            code="reserved",
            params={"slug": value},
        )


class Network(ClusterableModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, validators=[validate_network_slug])
    region = models.CharField(_("region"), max_length=30, choices=Region.choices)
    municipalities = models.TextField(
        _("municipalities"), blank=True, help_text=_("Separate the municipalities with commas.")
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("region"),
        FieldPanel("municipalities"),
        FieldPanel("description"),
        FieldPanel("is_active"),
        InlinePanel("service_points", label=_("Service points")),
    ]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def municipality_list(self) -> list[str]:
        return [name.strip() for name in self.municipalities.split(",") if name.strip()]


class ServicePoint(models.Model):
    class Kind(models.TextChoices):
        OFFICE = "office", _("Office")
        DROP_IN = "drop_in", _("Drop-in point")
        REMOTE = "remote", _("Remote service")

    network = ParentalKey(
        Network, on_delete=models.CASCADE, related_name="service_points", verbose_name=_("network")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OFFICE)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["network", "municipality", "name"]
        constraints = [models.UniqueConstraint(fields=["network", "name"], name="unique_service_point_name")]

    def __str__(self):
        return f"{self.name} ({self.network})"


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        ADMIN = "admin", _("Network admin")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message to the network admins"), blank=True, max_length=1000)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network", "-requested_at"]
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="one_membership_per_network")]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self):
        return f"{self.user} – {self.network} ({self.get_status_display()})"
