from django import forms
from django.utils.translation import gettext_lazy as _

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
