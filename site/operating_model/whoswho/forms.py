from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from typ_site.networks.models import Membership, Network

from ..selectors import national_baseline
from .models import EntryKind, WhosWhoEntry, WhosWhoSettings


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class EntryForm(forms.ModelForm):
    """One entry. The site users to choose from are the network's approved members; anyone
    else is written in by name and organisation. Leaving the person out records a vacancy."""

    class Meta:
        model = WhosWhoEntry
        fields = [
            "kind",
            "role",
            "area",
            "user",
            "name",
            "organisation",
            "party",
            "contact",
            "counterpart_role",
            "counterpart_user",
            "counterpart_name",
            "counterpart_organisation",
            "note",
            "is_public",
            "sort_order",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"user": MemberChoiceField, "counterpart_user": MemberChoiceField}

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network = network
        members = (
            get_user_model()
            .objects.filter(
                is_active=True,
                is_removed=False,
                network_memberships__network=network,
                network_memberships__status=Membership.Status.APPROVED,
            )
            .order_by("last_name", "first_name", "email")
        )
        # Both fields list the same members: read once for the choices shown; the queryset
        # checks what is sent.
        people = list(members)
        for name in ("user", "counterpart_user"):
            field = cast(MemberChoiceField, self.fields[name])
            field.queryset = members
            empty = [("", field.empty_label)] if field.empty_label is not None else []
            field.choices = empty + [(person.pk, field.label_from_instance(person)) for person in people]
            field.help_text = _("A member of the network; or leave empty and write the name below.")
        # The parties come with the national baseline from the shared cache (no query of their own).
        self.parties = {str(party.pk): party for party in national_baseline().parties}
        model_field = WhosWhoEntry._meta.get_field("party")
        self.fields["party"] = forms.ChoiceField(
            label=capfirst(model_field.verbose_name),
            help_text=model_field.help_text,
            required=False,
            choices=[("", "---------"), *((pk, party.name) for pk, party in self.parties.items())],
        )

    def clean_party(self):
        return self.parties.get(self.cleaned_data.get("party") or "")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == EntryKind.AREA and not (cleaned.get("area") or "").strip():
            self.add_error("area", _("Give the area this contact covers."))
        if cleaned.get("kind") != EntryKind.PAIR:
            for name in ("counterpart_role", "counterpart_name", "counterpart_organisation"):
                cleaned[name] = ""
            cleaned["counterpart_user"] = None
        return cleaned


class ReviewIntervalForm(forms.ModelForm):
    class Meta:
        model = WhosWhoSettings
        fields = ["review_interval_months"]
        widgets = {"review_interval_months": forms.NumberInput(attrs={"min": 1, "max": 60})}

    def clean_review_interval_months(self):
        months = self.cleaned_data["review_interval_months"]
        if not 1 <= months <= 60:
            raise forms.ValidationError(_("Give a number of months from 1 to 60."))
        return months
