"""The user account: e-mail sign-in (no usernames) and the professional profile."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    EMPLOYMENT_AUTHORITY = "te", _("Employment authority (TE / municipal employment area)")
    WELLBEING_COUNTY = "hva", _("Wellbeing services county")
    KELA = "kela", _("Kela")
    MUNICIPALITY = "municipality", _("Municipality")
    KEHA = "keha", _("KEHA Centre")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    EXPERT = "expert", _("Expert")
    SUPERVISOR = "supervisor", _("Supervisor")
    TYP_DIRECTOR = "typ_director", _("TYP director")
    MANAGEMENT_GROUP = "management_group", _("Management group member")
    STEERING_GROUP = "steering_group", _("Steering group member")
    PARTNER = "partner", _("Partner")


class NotificationFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately by e-mail")
    DAILY = "daily", _("Once a day as a digest")
    NONE = "none", _("Only on the site, no e-mail")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


# The stubs cannot resolve a Wagtail page's manager (built at run time), so the reverse
# relation `submitted_practices` looks unresolved; the custom user drops `username` and takes a
# manager keyed on e-mail, which the stubs' AbstractUser does not foresee.
class User(AbstractUser):  # type: ignore[django-manager-missing]
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    # The confirmed role: what eligibility, ballots and permissions read. A person asks for a
    # change (`requested_role`); a network's admins or KEHA staff confirm it.
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    requested_role = models.CharField(
        _("role waiting for confirmation"), max_length=20, choices=Role.choices, blank=True
    )
    role_confirmed_at = models.DateTimeField(_("role confirmed at"), null=True, blank=True)
    role_confirmed_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("role confirmed by"),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=[("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")],
        default="fi",
    )
    notification_frequency = models.CharField(
        _("e-mail notifications"),
        max_length=10,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.IMMEDIATE,
    )
    is_removed = models.BooleanField(
        _("removed"),
        default=False,
        help_text=_("The person removed their account; what they wrote stays, without a name."),
    )
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.display_name

    @property
    def stated_role(self) -> str:
        """The role the person says they have (confirmed or not): for suggestions, never rights."""
        return self.requested_role or self.role

    @property
    def display_name(self) -> str:
        """The name shown next to what the person wrote."""
        if self.is_removed:
            return str(_("Removed user"))
        full_name = self.get_full_name()
        return full_name or self.email.split("@")[0]
