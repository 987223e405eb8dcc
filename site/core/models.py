from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index


class BasePage(Page):
    """The base of every page type on the site.

    A page that has not been translated yet is served in Finnish under the Swedish or English
    address instead of disappearing: routing falls back to the default-language tree.
    """

    class Meta:
        abstract = True

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            fallback = self._default_language_version()
            if fallback is None or not path_components:
                raise
            return fallback.specific.route(request, path_components)

    def _default_language_version(self):
        default_locale = Locale.get_default()
        if self.locale_id == default_locale.pk:
            return None
        return self.get_translation_or_none(default_locale)

    @property
    def content_language(self) -> str:
        """The language the page's text is written in (for the lang attribute)."""
        return self.locale.language_code


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .home import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(request)
        return context

