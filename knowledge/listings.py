"""What the section index pages list, with their filters (the themes page: `theme_listings`).

Each listing costs the same number of queries whatever the amount of content: filters are
applied in the database, related rows are prefetched, and results are paginated.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from typ_site.accounts.models import OrganisationType
from typ_site.core.pagination import page_number
from typ_site.core.shared_rows import kept_in_process
from typ_site.core.themes import THEMES, tag_label
from typ_site.networks.models import Network, Region

# The index page models call these functions, so this module imports the models' own
# modules (not the package `knowledge.models`, which imports the index pages).
from .models.guidance import DocumentStatus, GuidancePage, GuidancePageTag
from .models.interpretations import InterpretationStatus, LawInterpretationPage, LawInterpretationPageTag
from .models.law import LawSection
from .models.networks import NetworkPage
from .models.practices import PracticeKind, PracticeOrganisation, PracticePage, PracticePageTag
from .models.stories import CaseStoryPage
from .tag_links import remember_themes_page, with_themes_page_path
from .theme_listings import PAGE_SIZE
from .visibility import visible_pages

ALL = _("All")


def _choices(options):
    return [("", ALL)] + list(options)


def _tags_in_use(tag_model) -> list[Tag]:
    """The tags of the model's pages (kept in the process while no content changes)."""

    def read() -> list[Tag]:
        # One index lookup per tag (a join would walk every tagged page).
        return list(
            Tag.objects.filter(Exists(tag_model.objects.filter(tag=OuterRef("pk"))))
            .order_by("slug")
            .only("slug", "name")
        )

    return kept_in_process(f"knowledge.tags_in_use:{tag_model._meta.label_lower}", read)


def _tag_choices(tag_model) -> list[tuple[str, str]]:
    themes = {theme.slug: theme for theme in THEMES}
    own = [(tag.slug, tag_label(tag)) for tag in _tags_in_use(tag_model)]
    ordered = [(slug, label) for slug, label in own if slug in themes]
    ordered.sort(key=lambda item: list(themes).index(item[0]))
    free = sorted(
        ((slug, label) for slug, label in own if slug not in themes), key=lambda item: item[1].lower()
    )
    return ordered + free


class ListingFilterForm(forms.Form):
    """The filters an index offers; unknown or invalid values are ignored."""

    def __init__(self, data, *, fields):
        super().__init__(data)
        for name, field in fields.items():
            self.fields[name] = field

    def values(self) -> dict:
        """The valid, non-empty filter values (an invalid choice is simply not applied)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


def _theme_field(tag_model):
    return forms.ChoiceField(
        label=_("Theme or tag"), choices=_choices(_tag_choices(tag_model)), required=False
    )


def _paginate(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    page_obj = paginator.get_page(page_number(request))
    return {"page_obj": page_obj, "items": page_obj.object_list}


def _reversed(ordering: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(field[1:] if field.startswith("-") else f"-{field}" for field in ordering)


def _paginate_pages(request, pages, model, ordering: tuple[str, ...], annotations=None) -> dict:
    """`_paginate` for a large section: `pages` (a queryset of plain `Page` rows) is sorted
    and counted in the page table alone, and only the rows shown are loaded as `model`.

    Sorting the specific pages themselves would join every page of the section to its
    content table and carry the content (the StreamField JSON) through the sort; here the
    shown page's rows are fetched by the sorted, sliced ids in the same query. The ordering
    must end in a unique field so that the slice and the shown rows agree.
    """
    context = _paginate(request, pages.order_by(*ordering).values("pk"))
    page_obj = context["page_obj"]
    shown = page_obj.object_list
    count = page_obj.paginator.count
    per_page = page_obj.paginator.per_page
    bottom = (page_obj.number - 1) * per_page
    if bottom > count // 2:
        # Past the middle the same rows are the first ones in the reverse order: the
        # database then sorts only as far as the slice, not through the whole section.
        top = min(bottom + per_page, count)
        shown = pages.order_by(*_reversed(ordering)).values("pk")[count - top : count - bottom]
    items = list(model.objects.filter(pk__in=shown).annotate(**(annotations or {})).order_by(*ordering))
    page_obj.object_list = context["items"] = items
    return context


def _attach_tags(request, pages, tag_model) -> None:
    """Give each listed page its tags as `tag_list` (in the order they were added) with one
    query that also finds the themes page for their links (`knowledge.tag_links`).

    Prefetching `tags` through taggit would build a queryset for every listed page, which
    costs more than the query itself.
    """
    tags_by_page: dict[int, list[Tag]] = {page.pk: [] for page in pages}
    rows = with_themes_page_path(
        tag_model.objects.filter(content_object_id__in=list(tags_by_page)).order_by("pk")
    ).values_list("content_object_id", "tag_id", "tag__name", "tag__slug", "themes_page_path")
    for page_id, tag_id, name, slug, themes_page_path in rows:
        tags = tags_by_page[page_id]
        if all(tag.pk != tag_id for tag in tags):
            tags.append(Tag(pk=tag_id, name=name, slug=slug))
        remember_themes_page(request, themes_page_path)  # the same on every row
    for page in pages:
        page.tag_list = tags_by_page[page.pk]


def _descendants(index, queryset):
    """The index's pages; a translated index also lists the Finnish pages not translated into
    its language, or whose translation is not published (they are served in Finnish under its
    address)."""
    pages = queryset.descendant_of(index)
    original = index._default_language_version()
    if original is None:
        return pages
    translated = Page.objects.live().filter(locale_id=index.locale_id).values("translation_key")
    return pages | queryset.descendant_of(original).exclude(translation_key__in=translated)


def guidance_listing(index, request) -> dict:
    form = ListingFilterForm(
        request.GET,
        fields={
            "theme": _theme_field(GuidancePageTag),
            "status": forms.ChoiceField(
                label=_("Status"), choices=_choices(DocumentStatus.choices), required=False
            ),
        },
    )
    filters = form.values()
    pages = visible_pages(_descendants(index, Page.objects.type(GuidancePage)), request.user)
    if filters.get("theme"):
        tagged = GuidancePageTag.objects.filter(tag__slug=filters["theme"])
        pages = pages.filter(pk__in=tagged.values("content_object_id"))
    if filters.get("status"):
        pages = pages.filter(guidancepage__status=filters["status"])
    context = _paginate_pages(
        request,
        pages,
        GuidancePage,
        ordering=("title", "pk"),
        annotations={"newest_note_date": Max("change_notes__date")},
    )
    _attach_tags(request, context["items"], GuidancePageTag)
    _flag_overdue_reviews_for_editors(request.user, context["items"])
    return {"filter_form": form, **context}


def _flag_overdue_reviews_for_editors(user, pages) -> None:
    """`review_overdue_badge` on each listed page whose review date has passed and that the
    person may edit (readers see no badge). The person's page permissions are read once."""
    today = timezone.localdate()
    can_edit = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    for page in pages:
        overdue = bool(page.next_review_date and page.next_review_date < today)
        page.review_overdue_badge = bool(
            overdue
            and can_edit
            and PagePermissionPolicy().user_has_permission_for_instance(user, "change", page)
        )


def interpretation_listing(index, request) -> dict:
    sections = LawSection.objects.select_related("statute").order_by("statute__number", "sort_order")
    form = ListingFilterForm(
        request.GET,
        fields={
            "theme": _theme_field(LawInterpretationPageTag),
            "section": forms.ChoiceField(
                label=_("Law section"),
                choices=_choices((str(section.pk), str(section)) for section in sections),
                required=False,
            ),
            "status": forms.ChoiceField(
                label=_("Status"), choices=_choices(InterpretationStatus.choices), required=False
            ),
        },
    )
    filters = form.values()
    pages = visible_pages(_descendants(index, LawInterpretationPage.objects.all()), request.user)
    if filters.get("theme"):
        pages = pages.filter(tags__slug=filters["theme"])
    if filters.get("section"):
        pages = pages.filter(sections=filters["section"])
    if filters.get("status"):
        pages = pages.filter(status=filters["status"])
    sections = Prefetch("sections", queryset=LawSection.objects.select_related("statute"))
    pages = pages.prefetch_related("tags", sections).order_by("title")
    return {"filter_form": form, **_paginate(request, pages)}


def _with_practice_details(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        "networks",
        "tags",
        Prefetch("organisations", queryset=PracticeOrganisation.objects.order_by("sort_order")),
    )


def practice_listing(index, request) -> dict:
    networks = kept_in_process(
        "knowledge.active_networks",
        lambda: list(Network.objects.filter(is_active=True).order_by("name").values_list("slug", "name")),
    )
    form = ListingFilterForm(
        request.GET,
        fields={
            "theme": _theme_field(PracticePageTag),
            "kind": forms.ChoiceField(
                label=_("Kind"), choices=_choices(PracticeKind.choices), required=False
            ),
            "network": forms.ChoiceField(
                label=_("Network"),
                choices=_choices(networks),
                required=False,
            ),
            "organisation": forms.ChoiceField(
                label=_("Organisation"), choices=_choices(OrganisationType.choices), required=False
            ),
            "region": forms.ChoiceField(label=_("Region"), choices=_choices(Region.choices), required=False),
        },
    )
    filters = form.values()
    pages = visible_pages(PracticePage.objects.all(), request.user)
    if filters.get("theme"):
        pages = pages.filter(tags__slug=filters["theme"])
    if filters.get("kind"):
        pages = pages.filter(kind=filters["kind"])
    if filters.get("network"):
        pages = pages.filter(networks__slug=filters["network"])
    if filters.get("organisation"):
        pages = pages.filter(organisations__organisation_type=filters["organisation"])
    if filters.get("region"):
        pages = pages.filter(region=filters["region"])
    pages = _with_practice_details(pages.distinct()).order_by("-first_published_at", "title")
    return {"filter_form": form, **_paginate(request, pages)}


def network_listing(index, request) -> dict:
    form = ListingFilterForm(
        request.GET,
        fields={
            "region": forms.ChoiceField(label=_("Region"), choices=_choices(Region.choices), required=False),
        },
    )
    filters = form.values()
    pages = visible_pages(_descendants(index, NetworkPage.objects.all()), request.user)
    if filters.get("region"):
        pages = pages.filter(network__region=filters["region"])
    pages = (
        pages.select_related("network")
        .annotate(
            practice_count=Count(
                "network__practice_pages",
                filter=Q(network__practice_pages__live=True),
                distinct=True,
            )
        )
        .order_by("title")
    )
    return {"filter_form": form, **_paginate(request, pages)}


def case_story_listing(index, request) -> dict:
    """The stories in pairs by persona (the template adds their answer counts, see
    participation's `stories_with_summaries` tag)."""
    form = ListingFilterForm(
        request.GET,
        fields={
            "belongs": forms.ChoiceField(
                label=_("Judgement"),
                required=False,
                choices=_choices([("yes", _("Belongs in TYP")), ("no", _("Does not belong in TYP"))]),
            ),
        },
    )
    filters = form.values()
    pages = visible_pages(_descendants(index, CaseStoryPage.objects.all()), request.user)
    if filters.get("belongs"):
        pages = pages.filter(belongs_in_typ=filters["belongs"] == "yes")
    pages = pages.order_by("persona_name", "-belongs_in_typ", "title")
    return {"filter_form": form, **_paginate(request, pages)}
