"""How long ago something happened, in the reader's language: "3 päivää sitten".

Django's humanize `naturaltime` takes its Finnish from a catalogue that writes "1päivä" and
"1kuukausi" (no space). `relative_time` builds the phrase from `timesince`, whose units
Django's own catalogue spells right in every language, and our own "… ago" phrase.
`{% load time_tags %}{{ topic.last_post_at|relative_time }}`
"""

from datetime import date, datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def relative_time(value) -> str:
    if not isinstance(value, datetime):
        return ""
    now = timezone.now()
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    if abs(now - value) < timedelta(minutes=1):
        return _("just now")
    if value > now:
        return _("in %(delta)s") % {"delta": timeuntil(value, now)}
    return _("%(delta)s ago") % {"delta": timesince(value, now)}


@register.filter
def machine_time(value) -> str:
    """A `<time datetime>` value: a date as 2026-12-05, a moment as 2026-12-05T14:30:00+02:00 in
    the site's time zone, whole seconds (HTML allows three fractional digits at most).

    `<time datetime="{{ post.created_at|machine_time }}">`
    """
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""
