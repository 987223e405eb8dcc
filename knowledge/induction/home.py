"""The home page box: continue where you left off, or the path suggested for your role."""

from typ_site.accounts.roles import is_verified_member
from typ_site.core.home import HomeSection

from .models import InductionPathPage
from .selectors import paths_in_progress, paths_with_enrolment, suggested_path_for


def induction_home_section(request) -> HomeSection | None:
    """One query for the paths the person may see (with whether they started each, and any);
    two more only for someone with a path under way (their ticks)."""
    user = request.user
    if not is_verified_member(user):
        return None
    paths = paths_with_enrolment(user, InductionPathPage.visible_to(user))
    in_progress = paths_in_progress(user, [path for path in paths if path.enrolled])
    if in_progress:
        return HomeSection(
            template="induction/includes/home_section.html",
            context={"in_progress": in_progress},
            order=10,
        )
    if not paths or paths[0].started_any:
        return None
    suggested = suggested_path_for(user, paths)
    if suggested is None:
        return None
    return HomeSection(
        template="induction/includes/home_section.html",
        context={"suggested": suggested},
        order=10,
    )
