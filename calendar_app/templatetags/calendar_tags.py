from django import template
from django.utils.translation import gettext as _

from calendar_app import when
from calendar_app.recurrence import HELSINKI
from calendar_app.selectors import upcoming_occurrences_for
from typ_site.core.themes import theme_number

register = template.Library()


register.filter("occurrence_when", when.occurrence_when)
register.filter("moment_when", when.moment_when)


@register.filter
def occurrence_clock(occurrence) -> str:
    """The clock time only (for the month grid), or "all day"."""
    if occurrence.event.all_day:
        return _("all day")
    return when.clock(occurrence.start.astimezone(HELSINKI))


@register.filter
def theme_class(slug: str) -> str:
    """The colour class of a theme, by its slug."""
    return f"cal-theme-{theme_number(slug)}"


@register.simple_tag
def with_query(url: str, query: str) -> str:
    if not query:
        return url
    return f"{url}{'&' if '?' in url else '?'}{query}"


@register.simple_tag(takes_context=True)
def upcoming_network_events(context, network, limit: int = 5) -> list:
    """The next occurrences of a network's events that the person may see:
    `{% upcoming_network_events network as occurrences %}`."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or network is None:
        return []
    return upcoming_occurrences_for(user, limit=limit, days=120, filters={"network": network.pk})
