"""Which version of a translated page a listing shows: each page once, in the reader's language."""

from django.db.models import QuerySet
from django.utils.translation import get_language
from wagtail.models import Page

from typ_site.core.languages import default_language


def pages_in_current_language(model) -> QuerySet:
    """The pages of the model, each once: in the visitor's language where it has been
    translated and published, otherwise the Finnish original (served so under the visitor's
    address, as it is while the translation is a draft)."""
    default = default_language()
    active = get_language() or default
    pages = model.objects.filter(locale__language_code=default)
    if active != default:
        translated = Page.objects.live().filter(locale__language_code=active).values("translation_key")
        pages = model.objects.filter(locale__language_code=active) | pages.exclude(
            translation_key__in=translated
        )
    return pages
