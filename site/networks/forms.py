from django import forms
from django.utils.translation import gettext_lazy as _

from typ_site.accounts.models import Role
from typ_site.core.forms import ClientDataGuardMixin


class JoinRequestForm(ClientDataGuardMixin, forms.Form):
    message = forms.CharField(
        label=_("Message to the network's admins (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        error_messages={"invalid_choice": _("Choose approve or decline.")},
    )


class RoleDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Confirm")), ("decline", _("Decline"))],
        error_messages={"invalid_choice": _("Choose confirm or decline.")},
    )
    # The change the decider saw, so that a request changed meanwhile is not confirmed blind.
    role = forms.ChoiceField(choices=Role.choices, widget=forms.HiddenInput)
