"""Names and descriptions kept in Finnish, Swedish and English, shared by the operating model's
models."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def in_language(instance, field: str, *, fallback: str) -> str:
    """`<field>_sv` or `<field>_en` in the reader's language; `fallback` (Finnish) otherwise."""
    language = (get_language() or "fi")[:2]
    if language == "fi":
        return fallback
    return getattr(instance, f"{field}_{language}", "") or fallback


class NamedInThreeLanguages(models.Model):
    """A name in Finnish (required), Swedish and English; `name` is the reader's language,
    Finnish where the translation is missing."""

    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name", fallback=self.name_fi)


class NamedAndDescribedInThreeLanguages(NamedInThreeLanguages):
    """A name and a description in Finnish, Swedish and English; `description` is the reader's
    language, Finnish where the translation is missing."""

    description_fi = models.TextField(_("description in Finnish"), blank=True, max_length=1000)
    description_sv = models.TextField(_("description in Swedish"), blank=True, max_length=1000)
    description_en = models.TextField(_("description in English"), blank=True, max_length=1000)

    # The first panels of the admin form; the model's own panels follow them.
    name_and_description_panels = [
        MultiFieldPanel(
            [FieldPanel("name_fi"), FieldPanel("name_sv"), FieldPanel("name_en")], heading=_("Name")
        ),
        MultiFieldPanel(
            [FieldPanel("description_fi"), FieldPanel("description_sv"), FieldPanel("description_en")],
            heading=_("Description"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def description(self) -> str:
        return in_language(self, "description", fallback=self.description_fi)
