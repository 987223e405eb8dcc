"""Forms of the criteria workspace. Text a person writes is checked for identity codes."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.models import CaseStoryPage, GuidancePage, LawSection
from knowledge.selectors import visible_pages
from typ_site.core.forms import ClientDataGuardMixin

from .criteria_models import Column, CriteriaRound, StoryProposal
from .models import StoryAnswer


class StatementForm(ClientDataGuardMixin, forms.Form):
    column = forms.ChoiceField(label=_("Column"), choices=Column.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Statement"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One situation, e.g. “The client needs services of several sectors at once.” No client "
            "information."
        ),
    )
    explanation = forms.CharField(
        label=_("Reasoning"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the statement belongs in this column."),
    )
    stories = forms.ModelMultipleChoiceField(
        label=_("Customer stories that illustrate it"),
        queryset=CaseStoryPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    law_sections = forms.ModelMultipleChoiceField(
        label=_("Law sections it rests on"),
        queryset=LawSection.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stories"].queryset = visible_pages(CaseStoryPage.objects.all(), user).order_by("title")
        self.fields["law_sections"].queryset = LawSection.objects.select_related("statute").order_by(
            "statute__number", "sort_order", "pk"
        )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(label=_("Your answer"), choices=StoryAnswer.choices, widget=forms.RadioSelect)
    ballot = forms.IntegerField(required=False, widget=forms.HiddenInput)


class OpenValidationForm(forms.Form):
    """The rounds that have not closed: a statement opened in a closed round could take no answers."""

    round = forms.ModelChoiceField(label=_("Criteria round"), queryset=CriteriaRound.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = CriteriaRound.objects.filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=timezone.now())
        ).order_by("-opens_at")


class AdoptForm(forms.Form):
    guidance_page = forms.ModelChoiceField(
        label=_("National guidance page"),
        queryset=GuidancePage.objects.live().order_by("title"),
        help_text=_("The guidance page that now states the criterion; it links back to this evidence."),
    )


class StoryProposalForm(ClientDataGuardMixin, forms.ModelForm):
    class Meta:
        model = StoryProposal
        fields = ["title", "persona_name", "age", "belongs_in_typ", "situation", "deciding_factors"]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 8}),
            "deciding_factors": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "situation": _(
                "A fictional situation in a few paragraphs. No real person, no client information."
            ),
        }


class ReviewForm(ClientDataGuardMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept: make it a draft customer story")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the proposer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
