"""The five development themes of the national TYP study, stored as taggit tags.

The knowledge app uses the same Finnish names, so a theme reads the same everywhere without
the calendar depending on that app. This list is the one place the calendar names them.
"""

from django.utils.text import slugify

THEMES: list[str] = [
    "TYM-laki ja sen soveltaminen",
    "Vaikuttavuus ja tiedolla johtaminen",
    "Viestintä ja tiedon jakaminen",
    "Koulutus ja perehtyminen",
    "Asiakasprosessi",
]


def theme_slug(name: str) -> str:
    return slugify(name)


THEME_BY_SLUG: dict[str, str] = {theme_slug(name): name for name in THEMES}


def theme_number(name: str) -> int:
    """1..5 for the CSS class of a theme's colour; 0 for anything else."""
    try:
        return THEMES.index(name) + 1
    except ValueError:
        return 0
