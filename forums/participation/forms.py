"""Forms of participation. They only read the input; the rules live in `engine`."""

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from typ_site.core.forms import ClientDataGuardMixin

from . import engine
from .engine import Selection
from .models import THEME_CHOICES, DevelopmentNeed, Level, Poll, StoryAnswer, Timing


class BallotForm(forms.Form):
    """One field per option: a pick (approval) or points, and the optional level and timing.

    Fields are named by the option's id; `selections()` turns the input into what the engine
    checks. `ballot` carries the id of the ballot being changed (empty for a new ballot).
    """

    ballot = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, poll: Poll, options, *args, ballot=None, **kwargs):
        self.poll = poll
        self.options = list(options)
        if ballot is not None and not kwargs.get("data") and not args:
            kwargs["initial"] = self._initial_from(ballot)
        super().__init__(*args, **kwargs)
        level_choices = [("", _("No answer"))] + list(Level.choices)
        timing_choices = [("", _("No answer"))] + [
            (
                Timing.BEFORE,
                _("Start before %(date)s")
                % {"date": poll.timing_date.strftime("%d.%m.%Y") if poll.timing_date else ""},
            ),
            (
                Timing.AFTER,
                _("Start after %(date)s")
                % {"date": poll.timing_date.strftime("%d.%m.%Y") if poll.timing_date else ""},
            ),
        ]
        for option in self.options:
            if poll.method == Poll.Method.POINTS:
                self.fields[f"points_{option.pk}"] = forms.IntegerField(
                    label=_("Points for “%(need)s”") % {"need": option.label},
                    min_value=0,
                    max_value=poll.points_total,
                    required=False,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 3}),
                )
            else:
                self.fields[f"pick_{option.pk}"] = forms.BooleanField(
                    label=_("Pick “%(need)s”") % {"need": option.label}, required=False
                )
            if poll.asks_level:
                self.fields[f"level_{option.pk}"] = forms.ChoiceField(
                    label=_("Level for “%(need)s”") % {"need": option.label},
                    choices=level_choices,
                    required=False,
                )
            if poll.asks_timing:
                self.fields[f"timing_{option.pk}"] = forms.ChoiceField(
                    label=_("Timing for “%(need)s”") % {"need": option.label},
                    choices=timing_choices,
                    required=False,
                )

    def _initial_from(self, ballot) -> dict:
        initial = {"ballot": ballot.pk}
        for choice in ballot.choices.all():
            initial[f"points_{choice.option_id}"] = choice.points or None
            initial[f"pick_{choice.option_id}"] = choice.points > 0
            initial[f"level_{choice.option_id}"] = choice.level
            initial[f"timing_{choice.option_id}"] = choice.timing
        return initial

    def rows(self):
        """(option, main field, level field, timing field) for the template."""
        for option in self.options:
            main = f"points_{option.pk}" if f"points_{option.pk}" in self.fields else f"pick_{option.pk}"
            yield (
                option,
                self[main],
                self[f"level_{option.pk}"] if f"level_{option.pk}" in self.fields else None,
                self[f"timing_{option.pk}"] if f"timing_{option.pk}" in self.fields else None,
            )

    def points_left(self) -> int:
        """Points not yet given on this ballot, as typed (a bound form) or as saved (initial)."""
        given = 0
        for option in self.options:
            name = f"points_{option.pk}"
            if name not in self.fields:
                continue
            value = self[name].value()
            try:
                given += max(int(value or 0), 0)
            except (TypeError, ValueError):
                continue
        return self.poll.points_total - given

    def clean(self):
        """A level or a timing for a need that was not picked is refused on its own field."""
        cleaned = super().clean()
        if self.errors:
            return cleaned
        message = engine.answer_without_pick_message(self.poll)
        for selection in engine.answers_without_pick(self.selections()):
            for kind in ("level", "timing"):
                if getattr(selection, kind):
                    self.add_error(f"{kind}_{selection.option_id}", message)
        return cleaned

    def selections(self) -> list[Selection]:
        data = self.cleaned_data
        selections = []
        for option in self.options:
            if self.poll.method == Poll.Method.POINTS:
                points = data.get(f"points_{option.pk}") or 0
            else:
                points = 1 if data.get(f"pick_{option.pk}") else 0
            selections.append(
                Selection(
                    option_id=option.pk,
                    points=points,
                    level=data.get(f"level_{option.pk}", "") or "",
                    timing=data.get(f"timing_{option.pk}", "") or "",
                )
            )
        return selections


class StoryAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Do you agree with how the story is judged?"),
        choices=StoryAnswer.choices,
        widget=forms.RadioSelect,
    )
    ballot = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ProposalForm(ClientDataGuardMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=THEME_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every theme the need belongs to, or none."),
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text=_("What should be developed together, and why. No client information."),
    )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=DevelopmentNeed.objects.none(),
        help_text=_("The votes, the forum topic and the events of this need move to the need you choose."),
    )

    def __init__(self, need: DevelopmentNeed, *args, **kwargs):
        super().__init__(*args, **kwargs)
        target = cast(forms.ModelChoiceField, self.fields["target"])
        target.queryset = (
            DevelopmentNeed.objects.filter(merged_into__isnull=True).exclude(pk=need.pk).order_by("title")
        )
