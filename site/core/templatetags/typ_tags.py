from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from typ_site.accounts.roles import can_open_wagtail_admin

from ..languages import in_current_language

register = template.Library()

# {{ url|in_current_language }}: an address in the visitor's language.
register.filter("in_current_language", in_current_language)

# {% if user|can_open_wagtail_admin %}{% wagtailuserbar %}{% endif %}: the editing bar asks
# Django for every permission the person has; this asks one question, once per request.
register.filter("can_open_wagtail_admin", can_open_wagtail_admin)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Links to this same page in each site language, for the language switcher."""
    request = context["request"]
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
