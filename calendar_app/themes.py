"""The calendar's view of the five development themes (defined once in typ_site.core.themes).

Events store themes as taggit tags by their Finnish names; the calendar filters and colours
them by name.
"""

from django.utils.text import slugify

from typ_site.core.themes import THEMES as SITE_THEMES

THEMES: list[str] = [theme.name for theme in SITE_THEMES]


def theme_slug(name: str) -> str:
    return slugify(name)


THEME_BY_SLUG: dict[str, str] = {theme_slug(name): name for name in THEMES}


def theme_number(name: str) -> int:
    """1..5 for the CSS class of a theme's colour; 0 for anything else."""
    try:
        return THEMES.index(name) + 1
    except ValueError:
        return 0
