from typ_site.core.home import HomeSection

from .selectors import polls_to_answer


def open_rounds_section(request) -> HomeSection | None:
    """Open voting rounds and story validations the person may answer and has not yet."""
    polls = polls_to_answer(request.user)
    if not polls:
        return None
    return HomeSection(
        template="participation/includes/home_section.html",
        context={"polls": polls},
        order=30,
    )
