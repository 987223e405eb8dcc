"""Forms of the knowledge pages in the Wagtail admin."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import networks_not_attributable


class PracticePageForm(WagtailAdminPageForm):
    """A network added to a practice must be one the editor may attribute practices to;
    networks it already had stay as they are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.networks_before = {network.pk for network in self.instance.networks.all()}

    def clean_networks(self):
        networks = self.cleaned_data["networks"]
        added = [network for network in networks if network.pk not in self.networks_before]
        refused = networks_not_attributable(self.for_user, added) if self.for_user else []
        if refused:
            raise ValidationError(
                _("You can attribute practices only to the networks you administer (not to %(networks)s)."),
                params={"networks": ", ".join(network.name for network in refused)},
                code="network_not_administered",
            )
        return networks
