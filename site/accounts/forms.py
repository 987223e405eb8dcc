from django import forms
from django.utils.translation import gettext_lazy as _

from typ_site.core.forms import ClientDataGuardMixin

from .models import OrganisationType, Role, User


class SignupProfileForm(ClientDataGuardMixin, forms.Form):
    """The profile questions asked on the sign-up page, after e-mail and password."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), choices=OrganisationType.choices)
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("For example the employment area, wellbeing services county or Kela office."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def signup(self, request, user):
        for field in ("first_name", "last_name", "organisation_type", "organisation_name"):
            setattr(user, field, self.cleaned_data[field])
        # A role may grant votes: it waits for confirmation like any later change.
        user.requested_role = self.cleaned_data["role"]
        user.save()


ROLE_CONFIRMATION_HELP = _(
    "Your role decides in which rounds you may vote, so a change counts once your network's admins "
    "or KEHA have confirmed it."
)


class ProfileForm(forms.ModelForm):
    # Not the model's field: the role chosen here is asked for (`services.save_profile`).
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, help_text=ROLE_CONFIRMATION_HELP)

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation_type",
            "organisation_name",
            "preferred_language",
            "notification_frequency",
        ]

    field_order = [
        "first_name",
        "last_name",
        "organisation_type",
        "organisation_name",
        "role",
        "preferred_language",
        "notification_frequency",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = self.instance.stated_role


class AccountRemovalForm(forms.Form):
    """Removal asks for the password again: a session left open on a shared computer is not
    enough to erase someone's account. People without a password (they sign in another way)
    are asked only to confirm."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm the removal.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account is removed for good."),
        required=True,
        error_messages={"required": _("Tick the box to confirm the removal.")},
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
