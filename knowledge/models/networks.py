"""The networks' own pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from typ_site.core.models import BasePage
from typ_site.networks.models import Network

from ..blocks import body_blocks, stream_plain_text
from ..visibility import visible_pages
from .pages import INTRO_FEATURES, KnowledgePage
from .practices import PracticePage


class NetworkPage(KnowledgePage):
    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, related_name="pages", verbose_name=_("network")
    )
    operating_model = StreamField(body_blocks(), blank=True, verbose_name=_("operating model"))
    partners = RichTextField(_("partners"), features=INTRO_FEATURES + ["ul"], blank=True)
    contacts = RichTextField(
        _("contacts"),
        features=INTRO_FEATURES + ["ul"],
        blank=True,
        help_text=_("Roles and work contact details; no client information."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("network"),
        FieldPanel("intro"),
        FieldPanel("operating_model"),
        FieldPanel("partners"),
        FieldPanel("contacts"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("operating_model"),
        index.SearchField("partners"),
        index.FilterField("network"),
    ]

    parent_page_types = ["knowledge.NetworkIndexPage"]
    subpage_types = ["knowledge.PracticePage"]
    template = "knowledge/network_page.html"

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    def clean(self):
        super().clean()
        if not self.network_id:
            return
        others = NetworkPage.objects.filter(network_id=self.network_id)
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"network": _("This network already has a page.")})

    def search_text_parts(self):
        network = self.network
        return super().search_text_parts() + [
            network.name,
            network.get_region_display(),
            ", ".join(network.municipality_list),
            stream_plain_text(self.operating_model),
            strip_tags(self.partners),
            strip_tags(self.contacts),
        ]

    def service_points(self) -> list:
        return list(self.network.service_points.order_by("kind", "municipality", "name"))

    def practices_visible_to(self, user):
        """Practices written under the network's page or tagged with the network."""
        return (
            visible_pages(
                PracticePage.objects.filter(Q(path__startswith=self.path) | Q(networks=self.network_id)),
                user,
            )
            .distinct()
            .order_by("-first_published_at")
            .only("id", "title", "url_path", "kind", "intro", "locale_id", "depth", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["service_points"] = self.service_points()
        context["practices"] = self.practices_visible_to(request.user)
        return context
