from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def duration(minutes) -> str:
    """'45 min', '2 h', '1 h 30 min'."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def progress_text(percent: int, done: int, total: int) -> str:
    return _("%(percent)s %% done (%(done)s of %(total)s tasks)") % {
        "percent": percent,
        "done": done,
        "total": total,
    }


@register.simple_tag
def progress_label(summary) -> str:
    return progress_text(summary.percent, summary.done_count, summary.total)
