"""The themes page and its pages per tag."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path

from ..theme_listings import tag_listing, theme_listing
from .pages import SectionIndexPage


class ThemeIndexPage(RoutablePageMixin, SectionIndexPage):
    """The themes, and one page per tag listing everything tagged with it."""

    menu_group = "knowledge"
    subpage_types: list[str] = []
    template = "knowledge/theme_index_page.html"

    class Meta:
        verbose_name = _("themes page")

    def listing(self, request) -> dict:
        return theme_listing(self, request)

    # Tag slugs keep their letters (taggit slugifies with allow_unicode): "kävelytesti",
    # "åbo-työ". Django's <slug:> converter accepts only ASCII, so the pattern is Unicode \w.
    @re_path(r"^(?P<tag_slug>[-\w]+)/$", name="tag")
    def tag_view(self, request, tag_slug):
        context = {"page": self, "self": self, "request": request}
        context.update(tag_listing(self, request, tag_slug))
        return TemplateResponse(request, "knowledge/tag_page.html", context)

    def tag_url(self, tag_slug: str, request=None) -> str:
        """The tag's page; the themes page itself for a tag whose name gave no slug ("§")."""
        index_url = self.get_url(request=request)
        if not tag_slug:
            return index_url
        return index_url + self.reverse_subpage("tag", kwargs={"tag_slug": tag_slug})
