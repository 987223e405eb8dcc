"""The entry form (one period, every indicator of that period type) and the upload form."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import IndicatorDefinition, PeriodType
from .periods import FIRST_YEAR, NUMBERS_IN_YEAR, Period
from .services import Entry, period_error, value_error
from .uploads import MAX_BYTES


def _number_choices(period_type: str):
    if period_type == PeriodType.MONTH:
        return [(number, str(number)) for number in range(1, 13)]
    return [(number, _("Q%(number)s") % {"number": number}) for number in range(1, 5)]


class FiguresForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=2100)

    def __init__(self, *args, period_type: str, definitions: list[IndicatorDefinition], **kwargs):
        super().__init__(*args, **kwargs)
        self.period_type = period_type
        self.definitions = definitions
        self.initial.setdefault("year", timezone.localdate().year)
        if NUMBERS_IN_YEAR[PeriodType(period_type)] > 1:
            self.fields["number"] = forms.TypedChoiceField(
                label=_("Month") if period_type == PeriodType.MONTH else _("Quarter"),
                choices=_number_choices(period_type),
                coerce=int,
            )
        for definition in definitions:
            self.fields[f"value-{definition.pk}"] = forms.DecimalField(
                label=f"{definition.name} ({definition.get_unit_display()})",
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=2,
                localize=True,
                help_text=definition.counted,
            )

    def period(self) -> Period | None:
        year = self.cleaned_data.get("year")
        number = self.cleaned_data.get("number", 1)
        return Period(year, number, self.period_type) if year and number else None

    def value_fields(self):
        return [self[f"value-{definition.pk}"] for definition in self.definitions]

    def clean(self):
        cleaned = super().clean()
        period = self.period()
        if period is not None and self.definitions:
            problem = period_error(self.definitions[0], period)
            if problem:
                self.add_error("year", problem)
        for definition in self.definitions:
            value = cleaned.get(f"value-{definition.pk}")
            if value is not None:
                problem = value_error(definition, value)
                if problem:
                    self.add_error(f"value-{definition.pk}", problem)
        return cleaned

    def entries(self) -> list[Entry]:
        period = self.period()
        assert period is not None
        return [
            Entry(definition, period, self.cleaned_data.get(f"value-{definition.pk}"))
            for definition in self.definitions
        ]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns indicator, period and value, separated by semicolons; at most 1 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        return upload
