"""The home page box: continue where you left off, or the path suggested for your role."""

from typ_site.accounts.roles import is_verified_member
from typ_site.core.home import HomeSection

from .models import InductionPathPage
from .selectors import has_started_any_path, paths_in_progress, suggested_path_for


def induction_home_section(request) -> HomeSection | None:
    user = request.user
    if not is_verified_member(user):
        return None
    in_progress = paths_in_progress(user, InductionPathPage.visible_to(user).filter(enrolments__user=user))
    if in_progress:
        return HomeSection(
            template="induction/includes/home_section.html",
            context={"in_progress": in_progress},
            order=10,
        )
    if has_started_any_path(user):
        return None
    suggested = suggested_path_for(user, InductionPathPage.visible_to(user))
    if suggested is None:
        return None
    return HomeSection(
        template="induction/includes/home_section.html",
        context={"suggested": suggested},
        order=10,
    )
