from typ_site.core.home import HomeSection

from .selectors import open_rounds_for


def open_rounds_section(request) -> HomeSection | None:
    """Open rounds the person may vote in, and whether they have voted."""
    rounds = open_rounds_for(request.user)
    if not rounds:
        return None
    return HomeSection(
        template="participation/includes/home_section.html",
        context={"rounds": rounds},
        order=30,
    )
