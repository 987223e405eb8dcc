"""The form a network's admin sets the network's status of a national decision with."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from typ_site.core.validators import validate_no_personal_identity_code

from .adoption_models import AdoptionState


class AdoptionStatusForm(forms.Form):
    state = forms.ChoiceField(label=_("Status"), choices=AdoptionState.choices, widget=forms.RadioSelect)
    handled_on = forms.DateField(
        label=_("Handled by the johtoryhmä on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date of the johtoryhmä meeting that handled the decision."),
    )
    deviation_reason = forms.CharField(
        label=_("Reason for the deviation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the decision is in use with a deviation. No client data."),
        validators=[validate_no_personal_identity_code],
    )

    def clean(self):
        cleaned = super().clean()
        state = cleaned.get("state")
        if state == AdoptionState.HANDLED and not cleaned.get("handled_on"):
            self.add_error("handled_on", _("Give the date the johtoryhmä handled the decision."))
        if state == AdoptionState.DEVIATION and not (cleaned.get("deviation_reason") or "").strip():
            self.add_error("deviation_reason", _("Give a short reason for the deviation."))
        handled_on = cleaned.get("handled_on")
        if handled_on and handled_on > timezone.localdate():
            self.add_error("handled_on", _("The date cannot be in the future."))
        return cleaned
