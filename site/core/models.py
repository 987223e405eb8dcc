from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.search import index

from . import member_pages
from .home import WAITING, home_sections
from .languages import link_language


class BasePage(Page):
    """The base of every page type on the site.

    A page that has not been translated yet is served in Finnish under the Swedish or English
    address instead of disappearing: routing falls back to the default-language tree. Links to
    such a page keep the visitor's language (see `typ_site.core.languages`).
    """

    # The group of the main menu that a section of this type joins (a key of
    # `typ_site.core.context_processors.MENU_GROUPS`); None: an entry of its own.
    menu_group: str | None = None
    # Whether the page as members see it may be kept for everyone of the same standing, with
    # its personal parts filled in for each person (`typ_site.core.member_pages`): only for
    # pages whose every personal part is a `{% personal_part %}`; `member_pages.PER_SESSION`:
    # a page that is the person's own, kept for their session.
    member_page_cache: bool | str = False

    class Meta:
        abstract = True

    # Every view restriction of the site, when the page was routed with them
    # (`typ_site.core.shared_rows`): none applying answers with no query.
    known_view_restrictions: list | None = None

    def get_view_restrictions(self):
        """Wagtail's rule: the restrictions of this page and of its ancestors, an alias among
        them answering with its source page's own restrictions.

        When the page was routed with every restriction of the site and none of them is on a
        page with aliases, the answer comes from those (a list, no query): the ancestors'
        paths are the prefixes of this page's path. Otherwise one query instead of two."""
        known = self.known_view_restrictions
        if known is not None and not any(restriction.page_has_aliases for restriction in known):
            return [
                restriction
                for restriction in known
                if self.path.startswith(restriction.page.path) and restriction.page.alias_of_id is None
            ]
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of_id")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page_id__in=sources)
        )

    # This page's children, specific, by slug, when the page was read with them (the home page,
    # from the shared rows: `typ_site.core.shared_rows`): routing through one costs no query.
    known_children: dict | None = None

    def route(self, request, path_components):
        try:
            known = self.known_children or {}
            child = known.get(path_components[0]) if path_components else None
            if child is None and path_components:
                child = self._child_of_its_only_type(path_components[0], request)
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail's route does
                return child.route(request, path_components[1:])
            return super().route(request, path_components)
        except Http404:
            fallback = self._default_language_version()
            if fallback is None or not path_components:
                raise
            return fallback.specific.route(request, path_components)

    def breadcrumb_ancestors(self) -> list:
        """The page's ancestors below the tree's root, from the top (the breadcrumbs). Routing
        has read them already (each page keeps its parent, as Wagtail's route keeps it): no
        query then; one query otherwise (a preview, a page not reached by routing)."""
        chain, page = [], self
        while page.depth > 2:
            parent = getattr(page, "_cached_parent_obj", None)
            if parent is None:
                return [ancestor for ancestor in self.get_ancestors() if ancestor.depth > 1]
            chain.append(parent)
            page = parent
        return chain[::-1]

    def _child_of_its_only_type(self, slug: str, request):
        """The child at `slug`, specific, in one query, when this page allows one type of child
        (Wagtail's route reads the page, then its type's row), with what that type asks to
        know of the reader (`annotations_for_reader`); None otherwise, or when there is no
        such child of that type (Wagtail's route then looks, and answers 404)."""
        allowed = self.allowed_subpage_models()
        if len(allowed) != 1:
            return None
        model = allowed[0]
        annotations = model.annotations_for_reader(request) if issubclass(model, BasePage) else {}
        # Whether the header's language links need to look for translations (`own_addresses`).
        others = Page.objects.live().filter(translation_key=OuterRef("translation_key"))
        others = others.exclude(pk=OuterRef("pk"))
        return (
            model.objects.child_of(self)
            .filter(slug=slug)
            .annotate(has_other_versions=Exists(others), **annotations)
            .first()
        )

    @classmethod
    def annotations_for_reader(cls, request) -> dict:
        """Annotations of this page's row about the person reading it, read with the page when
        it is routed (the page object lives for that request only)."""
        return {}

    def get_url_parts(self, request=None):
        """Wagtail's URL parts, at SITE_URL; a default-language (Finnish) page's path carries the
        prefix of the language in use (/sv/, /en/), where `route` serves it in Finnish.

        Wagtail builds a page's path in the language of its tree, which would take a Swedish
        visitor back to the Finnish interface. Pages of the other trees keep their own path.
        """
        url_parts = super().get_url_parts(request=request)
        if url_parts is None or url_parts[2] is None:
            return url_parts
        site_id, root_url, page_path = url_parts
        # The platform is served at one address: absolute links (`full_url`, in Wagtail's
        # workflow e-mails) use SITE_URL, not the Site record's host name and port.
        root_url = settings.SITE_URL.rstrip("/")
        language = link_language()
        if language is None:
            return site_id, root_url, page_path
        # The site root that Wagtail chose above: the first relevant one of that site.
        root = next(root for root in self._get_relevant_site_root_paths(request) if root.site_id == site_id)
        # The page's language as Wagtail reads it, from its tree (the cached site roots, no query).
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if root.language_code != default:
            return site_id, root_url, page_path
        with translation.override(language):
            page_path = reverse("wagtail_serve", args=(self.url_path[len(root.root_path) :],))
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and page_path != "/":
            page_path = page_path.rstrip("/")
        return site_id, root_url, page_path

    def _default_language_version(self):
        """The page's Finnish version, or None when it is one. A routed page's locale came with
        the shared rows: a Finnish page then asks nothing."""
        if self.locale.language_code == get_supported_content_language_variant(settings.LANGUAGE_CODE):
            return None
        return self.get_translation_or_none(Locale.get_default())

    @property
    def content_language(self) -> str:
        """The language the page's text is written in (for the lang attribute)."""
        return self.locale.language_code


class HomePage(BasePage):
    """The front door: what the platform is for (`intro`, shown to visitors), and the sections
    the apps contribute (`typ_site.core.home`): for a visitor the latest national guidance,
    for a member what is new and what waits for them."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "What the platform is for, in two or three sentences: shown to visitors who have not signed in."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    max_count_per_parent = 1
    # A member's home page is theirs alone: kept for their session (`member_pages`).
    member_page_cache = member_pages.PER_SESSION

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = home_sections(request, page=self)
        context["waiting"] = [section for section in sections if section.group == WAITING]
        context["sections"] = [section for section in sections if section.group != WAITING]
        return context


class AccessibilityStatementPage(BasePage):
    """The accessibility statement (saavutettavuusseloste) that the Act on the Provision of
    Digital Services (306/2019) requires: one per site, under the home page, edited in the
    admin and translated like any page. Its feedback form is `core:accessibility_feedback`."""

    body = RichTextField(
        _("statement"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_(
            "The conformance (WCAG 2.1 AA), the known gaps, the feedback channel and the "
            "supervising authority."
        ),
    )
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("assessed_on"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["core.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feedback_url"] = reverse("core:accessibility_feedback")
        return context


class AccessibilityFeedback(models.Model):
    """Feedback on the site's accessibility, sent from the statement's form (anyone, signed in
    or not); KEHA reads it in the admin and gets it by e-mail."""

    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    page_address = models.CharField(
        _("page concerned"),
        max_length=500,
        blank=True,
        help_text=_("The address or name of the page, if the feedback is about one page."),
    )
    message = models.TextField(
        _("feedback"),
        max_length=5000,
        help_text=_("What did not work, and how you were using the site (for example a screen reader)."),
    )
    name = models.CharField(_("your name"), max_length=200, blank=True)
    email = models.EmailField(
        _("your e-mail address"),
        blank=True,
        help_text=_("If you would like an answer. KEHA answers within 14 days."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed-in sender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.message[:60]}"
