"""What the themes page and a tag's page list: everything tagged, that the person may see, each
page once in the reader's language (`page_languages`).

The themes page model calls these functions, so this module imports the models' own modules
(not the package `knowledge.models`, which imports the themes page).
"""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from taggit.models import Tag

from typ_site.core.pagination import page_number
from typ_site.core.themes import THEME_SLUGS, THEMES, tag_label

from .models.guidance import GuidancePage, GuidancePageTag
from .models.interpretations import LawInterpretationPage, LawInterpretationPageTag
from .models.pages import KnowledgePage
from .models.practices import PracticePage, PracticePageTag
from .page_languages import pages_in_current_language
from .visibility import visible_pages

PAGE_SIZE = 20


def theme_listing(index, request) -> dict:
    counts: dict[str, int] = {}
    names: dict[str, Tag] = {}
    for tag_model, page_model in (
        (GuidancePageTag, GuidancePage),
        (LawInterpretationPageTag, LawInterpretationPage),
        (PracticePageTag, PracticePage),
    ):
        visible = visible_pages(pages_in_current_language(page_model), request.user).values("pk")
        rows = (
            tag_model.objects.filter(content_object__in=visible)
            .values("tag__slug", "tag__name")
            .annotate(count=Count("id"))
        )
        for row in rows:
            counts[row["tag__slug"]] = counts.get(row["tag__slug"], 0) + row["count"]
            names[row["tag__slug"]] = Tag(slug=row["tag__slug"], name=row["tag__name"])
    themes = [
        {
            "slug": theme.slug,
            "label": theme.label,
            "count": counts.get(theme.slug, 0),
            "url": index.tag_url(theme.slug, request),
        }
        for theme in THEMES
    ]
    free_tags = sorted(
        (
            {"slug": slug, "label": tag.name, "count": counts[slug], "url": index.tag_url(slug, request)}
            for slug, tag in names.items()
            if slug not in THEME_SLUGS
        ),
        key=lambda item: item["label"].lower(),
    )
    return {"themes": themes, "free_tags": free_tags}


def tag_listing(index, request, tag_slug: str) -> dict:
    tag = Tag.objects.filter(slug=tag_slug).first()
    if tag is None:
        raise Http404
    user = request.user
    fields = (
        "id",
        "title",
        "url_path",
        "intro",
        "locale_id",
        "depth",
        "path",
        "first_published_at",
        "last_published_at",
    )
    items: list[KnowledgePage] = []
    for model in (GuidancePage, LawInterpretationPage, PracticePage):
        tagged = pages_in_current_language(model).filter(tags__slug=tag.slug)
        pages = visible_pages(tagged, user).only(*fields)
        items.extend(pages)
    items.sort(key=lambda page: page.title.lower())
    paginator = Paginator(items, PAGE_SIZE)
    page_obj = paginator.get_page(page_number(request))
    return {
        "tag": tag,
        "tag_label": tag_label(tag),
        "page_obj": page_obj,
        "items": page_obj.object_list,
    }
