"""The form of a network's service, and the look-up by municipality."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from typ_site.core.validators import validate_no_personal_identity_code
from typ_site.networks.models import Network

from .service_catalogue_models import Municipality, NetworkService, ServiceCategory
from .service_catalogue_selectors import categories, municipalities

TEXT_FIELDS = ("name", "provider", "description", "how_to_refer", "availability", "contact")


class NetworkServiceForm(forms.ModelForm):
    class Meta:
        model = NetworkService
        fields = [
            "category",
            "name",
            "provider",
            "description",
            "how_to_refer",
            "municipalities",
            "availability",
            "contact",
            "visibility",
        ]
        widgets = {
            "municipalities": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "how_to_refer": forms.Textarea(attrs={"rows": 3}),
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, network: Network, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network = network
        # The municipalities of the network's region and those named in its own list.
        covered = self.fields["municipalities"]
        assert isinstance(covered, forms.ModelMultipleChoiceField)
        named = set(network.municipality_list)
        covered.queryset = Municipality.objects.filter(Q(region=network.region) | Q(name_fi__in=named))
        covered.help_text = _("The municipalities whose residents the service takes.")
        # The choices shown come from the kept lists (no query); the querysets check what is sent.
        covered.choices = [
            (municipality.pk, str(municipality))
            for municipality in municipalities()
            if municipality.region == network.region or municipality.name_fi in named
        ]
        category = self.fields["category"]
        assert isinstance(category, forms.ModelChoiceField)
        empty = [("", category.empty_label)] if category.empty_label is not None else []
        category.choices = empty + [(item.pk, str(item)) for item in categories()]
        for name in TEXT_FIELDS:
            self.fields[name].validators.append(validate_no_personal_identity_code)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = NetworkService.objects.filter(network=self.instance.network, name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("The network already has a service of this name."))
        return name


class LookupForm(forms.Form):
    """What a client can get in a municipality (and of which kind). The choices come from
    lists the view has read already, so the form costs no queries of its own."""

    municipality = forms.TypedChoiceField(
        label=_("Municipality"), required=False, coerce=int, empty_value=None
    )
    category = forms.ChoiceField(label=_("Kind of service"), required=False)

    def __init__(
        self, *args, municipalities: list[Municipality], categories: list[ServiceCategory], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.municipalities = {municipality.pk: municipality for municipality in municipalities}
        self.categories = {category.key: category for category in categories}
        municipality_field = self.fields["municipality"]
        category_field = self.fields["category"]
        assert isinstance(municipality_field, forms.ChoiceField)
        assert isinstance(category_field, forms.ChoiceField)
        municipality_field.choices = [("", _("All municipalities"))] + [
            (municipality.pk, municipality.name) for municipality in municipalities
        ]
        category_field.choices = [("", _("All kinds"))] + [
            (category.key, category.name) for category in categories
        ]

    def chosen(self) -> tuple[Municipality | None, ServiceCategory | None]:
        if not self.is_valid():
            return None, None
        municipality = self.cleaned_data.get("municipality")
        category = self.cleaned_data.get("category")
        return (
            self.municipalities.get(municipality) if municipality else None,
            self.categories.get(category) if category else None,
        )
