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
        for field in ("first_name", "last_name", "organisation_type", "organisation_name", "role"):
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "organisation_type",
            "organisation_name",
            "role",
            "preferred_language",
            "notification_frequency",
        ]


class AccountRemovalForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account is removed for good."),
        required=True,
        error_messages={"required": _("Tick the box to confirm the removal.")},
    )
