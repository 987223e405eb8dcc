"""The agreement form: one fieldset per task, and in it per party a choice, a note and the
reason for a deviation (a grid that reads as a list on a phone)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from typ_site.core.validators import validate_no_personal_identity_code

from .models import Involvement
from .selectors import Baseline, Register
from .services import AgreedCell


def _prefix(task_id: int, party_id: int) -> str:
    return f"cell-{task_id}-{party_id}"


class AgreementForm(forms.Form):
    confirmed_on = forms.DateField(
        label=_("Confirmed by the johtoryhmä on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date of the johtoryhmä meeting that confirmed this division of work."),
    )
    change_note = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_personal_identity_code],
    )

    def __init__(self, *args, baseline: Baseline, current: Register, **kwargs):
        """`current` fills the form: the network's current agreement, or the baseline."""
        super().__init__(*args, **kwargs)
        self.baseline = baseline
        self.initial.setdefault("confirmed_on", timezone.localdate())
        self.fieldsets = []
        for row in current.rows:
            task = row.task
            groups = []
            for cell in row.cells:
                party, prefix = cell.party, _prefix(task.pk, cell.party.pk)
                baseline_label = Involvement(baseline.involvement(task.pk, party.pk)).label
                self.fields[f"{prefix}-involvement"] = forms.ChoiceField(
                    label=party.name,
                    choices=Involvement.choices,
                    initial=cell.involvement,
                    help_text=_("National baseline: %(baseline)s") % {"baseline": baseline_label},
                )
                self.fields[f"{prefix}-note"] = forms.CharField(
                    label=_("Note (%(party)s)") % {"party": party.name},
                    required=False,
                    max_length=500,
                    initial=cell.note,
                    validators=[validate_no_personal_identity_code],
                )
                self.fields[f"{prefix}-reason"] = forms.CharField(
                    label=_("Reason for the deviation (%(party)s)") % {"party": party.name},
                    required=False,
                    max_length=500,
                    initial=cell.deviation_reason,
                    help_text=_("Needed if the choice differs from the national baseline."),
                    validators=[validate_no_personal_identity_code],
                )
                groups.append(
                    {
                        "party": party,
                        "baseline_label": baseline_label,
                        "involvement": self[f"{prefix}-involvement"],
                        "note": self[f"{prefix}-note"],
                        "reason": self[f"{prefix}-reason"],
                    }
                )
            self.fieldsets.append({"task": task, "groups": groups})

    def clean_confirmed_on(self):
        confirmed_on = self.cleaned_data["confirmed_on"]
        if confirmed_on > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("The date of the confirmation cannot be in the future."))
        return confirmed_on

    def clean(self):
        cleaned = super().clean()
        for task in self.baseline.tasks:
            for party in self.baseline.parties:
                prefix = _prefix(task.pk, party.pk)
                involvement = cleaned.get(f"{prefix}-involvement")
                reason = (cleaned.get(f"{prefix}-reason") or "").strip()
                if involvement and involvement != self.baseline.involvement(task.pk, party.pk) and not reason:
                    self.add_error(
                        f"{prefix}-reason",
                        _("%(task)s: this differs from the national baseline, give a short reason.")
                        % {"task": task.name},
                    )
        return cleaned

    def agreed_cells(self) -> list[AgreedCell]:
        return [
            AgreedCell(
                task_id=task.pk,
                party_id=party.pk,
                involvement=self.cleaned_data[f"{_prefix(task.pk, party.pk)}-involvement"],
                note=self.cleaned_data[f"{_prefix(task.pk, party.pk)}-note"],
                deviation_reason=self.cleaned_data[f"{_prefix(task.pk, party.pk)}-reason"],
            )
            for task in self.baseline.tasks
            for party in self.baseline.parties
        ]
