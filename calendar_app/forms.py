from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from typ_site.core.themes import THEME_SLUGS, THEMES, ensure_theme_tags
from typ_site.networks.models import Network
from typ_site.networks.selectors import administered_networks

from .models import Event, Registration
from .permissions import can_manage_all_events


class EventFilterForm(forms.Form):
    """The filters shared by the month grid, the agenda and the annual wheel."""

    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=[("", _("All levels")), *Event.Level.choices],
    )
    network = forms.ModelChoiceField(
        label=_("Network"),
        required=False,
        empty_label=_("All organisers"),
        queryset=Network.objects.filter(is_active=True).order_by("name"),
        to_field_name="slug",
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        choices=[("", _("All themes")), *[(theme.slug, theme.label) for theme in THEMES]],
    )
    event_type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *Event.Type.choices],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}

    def query_string(self) -> str:
        """The active filters as a query string, to carry them over to other views."""
        if not self.is_valid():
            return ""
        values = {}
        for key, value in self.cleaned_data.items():
            if value:
                values[key] = value.slug if isinstance(value, Network) else value
        return urlencode(values)


class RegistrationNoteForm(forms.ModelForm):
    """The registrant's note to the organisers (the client-data guard runs in model validation)."""

    class Meta:
        model = Registration
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class EventAdminForm(WagtailAdminModelForm):
    """The admin form: themes as check boxes of the fixed list, and a network admin may only
    organise events of the networks they administer."""

    themes = forms.MultipleChoiceField(
        label=_("themes"),
        required=False,
        choices=[(theme.slug, theme.label) for theme in THEMES],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["themes"] = [
                tag.slug for tag in self.instance.themes.all() if tag.slug in THEME_SLUGS
            ]
        user = self.for_user
        if user is not None and not can_manage_all_events(user) and "network" in self.fields:
            field = self.fields["network"]
            field.queryset = administered_networks(user).order_by("name")
            field.required = True
            field.empty_label = None
            field.help_text = _("You can organise events of the networks you administer.")

    def clean_themes(self):
        """The chosen themes as their tags (the core themes' fixed slugs)."""
        tags = ensure_theme_tags()
        return [tags[slug] for slug in self.cleaned_data["themes"]]

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)
