"""The five development themes of the national TYP study, stored as taggit tags.

Pages, events and development needs are tagged with django-taggit. The themes are ordinary
tags with fixed slugs, so an editor may add free tags next to them and one tag page lists
everything with a given tag.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str  # the tag's name as stored (Finnish, the site's main language)
    label: object  # translated label for the interface


THEMES = (
    Theme("tym-laki", "TYM-laki ja sen soveltaminen", _("The TYM act and its application")),
    Theme(
        "vaikuttavuus",
        "Vaikuttavuus ja tiedolla johtaminen",
        _("Impact and knowledge-based management"),
    ),
    Theme("viestinta", "Viestintä ja tiedon jakaminen", _("Communication and sharing knowledge")),
    Theme("perehdytys", "Koulutus ja perehtyminen", _("Training and induction")),
    Theme("asiakasprosessi", "Asiakasprosessi", _("Client process")),
)

THEME_SLUGS = frozenset(theme.slug for theme in THEMES)
THEMES_BY_SLUG = {theme.slug: theme for theme in THEMES}


def theme_number(slug: str) -> int:
    """1..5 by the themes' fixed order (for a theme's colour); 0 for a free tag."""
    theme = THEMES_BY_SLUG.get(slug)
    return THEMES.index(theme) + 1 if theme else 0


def ensure_theme_tags() -> dict[str, Tag]:
    """Create the theme tags (idempotent); returns them by slug."""
    tags: dict[str, Tag] = {}
    for theme in THEMES:
        tag, _created = Tag.objects.get_or_create(slug=theme.slug, defaults={"name": theme.name})
        if tag.name != theme.name:
            tag.name = theme.name
            tag.save(update_fields=["name"])
        tags[theme.slug] = tag
    return tags


def tag_label(tag) -> str:
    """The translated label of a theme tag, or the free tag's own name."""
    theme = THEMES_BY_SLUG.get(tag.slug)
    return str(theme.label) if theme else tag.name
