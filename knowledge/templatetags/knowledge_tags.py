from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from typ_site.core.themes import tag_label as _tag_label

from .. import law_links
from ..blocks import Involvement, Organisation
from ..tag_links import tag_address, tags_to_show

register = template.Library()


@register.filter(is_safe=True)
def link_law_sections(value, directory=None):
    """Link law-section mentions ("TYM-lain 11 §:n", "381/2023 4 §") to their pages.

    Safe HTML (rich text, rendered blocks) stays HTML; plain text is escaped first. A page
    passes its `law_sections` (a `SectionDirectory`) so that all its texts share one lookup:
    `{{ page.body|link_law_sections:law_sections }}`.
    """
    if value is None:
        return ""
    html = value.__html__() if hasattr(value, "__html__") else conditional_escape(str(value))
    return mark_safe(law_links.link_law_sections(html, directory or None))  # noqa: S308  (escaped above)


@register.filter
def tag_label(tag) -> str:
    return _tag_label(tag)


@register.simple_tag(takes_context=True)
def tag_url(context, tag_slug: str) -> str:
    """The address of the tag's page (the themes page of the site), or an empty string."""
    return tag_address(context.get("request"), tag_slug)


@register.simple_tag(takes_context=True)
def page_tags(context, page) -> list:
    """The page's tags with their links ready: `{% page_tags page as tags %}`."""
    return tags_to_show(page, context.get("request"))


@register.filter
def organisation_label(value) -> str:
    return str(dict(Organisation.CHOICES).get(value, value))


@register.filter
def matrix_cells(row) -> list[dict]:
    """The TE, HVA and Kela cells of a responsibility-matrix row, with their labels."""
    labels = dict(Involvement.CHOICES)
    cells = []
    for name in ("te", "hva", "kela"):
        value = row.get(name) or Involvement.NONE
        cells.append({"value": value, "label": str(labels.get(value, ""))})
    return cells


@register.simple_tag
def law_section_directory():
    """One lookup of the law sections for all the texts of a page that is not a knowledge page
    (a forum topic): `{% law_section_directory as law_sections %}`. Loaded only when a text
    mentions a section."""
    return law_links.SectionDirectory()
