from urllib.parse import unquote, unquote_plus

from django import template
from django.conf import settings
from django.forms import BaseForm, BaseFormSet
from django.http import QueryDict
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance
from wagtail.models import Page

from typ_site.accounts.roles import can_open_wagtail_admin

from ..languages import default_language, in_current_language, translated_address
from ..member_pages import render_part
from ..pagination import page_links
from ..shared_rows import own_addresses as shared_own_addresses
from ..themes import tag_label
from ..userbar import Userbar
from ..validators import contains_personal_identity_code

register = template.Library()

# {{ url|in_current_language }}: an address in the visitor's language.
register.filter("in_current_language", in_current_language)

# {% if user|can_open_wagtail_admin %}{% typ_userbar %}{% endif %}: the editing bar asks
# Django for every permission the person has; this asks one question, once per request.
register.filter("can_open_wagtail_admin", can_open_wagtail_admin)

# {{ tag|tag_label }}: a theme's translated label, or a free tag's own name.
register.filter("tag_label", tag_label)


@register.simple_tag(takes_context=True)
def personal_part(context, name, *args):
    """`{% personal_part "follow" page.pk %}`: a part of the page that is the person's own,
    marked so that a page kept for everyone of the same standing is filled in for each person
    (`typ_site.core.member_pages`)."""
    return render_part(name, context["request"], tuple(int(arg) for arg in args), context)


def content_language_of(content) -> str:
    """The language a piece of content is written in: a language code as such, a page's (or
    any object's) locale, else the site's first language (Finnish), the language members
    write in."""
    if isinstance(content, str) and content:
        return content
    language = getattr(content, "content_language", None)
    if language:
        return language
    locale = getattr(content, "locale", None)
    if locale is not None:
        return locale.language_code
    return default_language()


@register.simple_tag
def content_lang(content=None):
    """` lang="fi"` on an element holding content (a title, teaser, post, need or theme name)
    written in another language than the interface around it; nothing when they agree, so
    that the page's own language applies. Interface labels never get it.

        <h2{% content_lang page %}>{{ page.title }}</h2>   <p{% content_lang %}>{{ post.body }}</p>
    """
    language = content_language_of(content)
    if language == get_language():
        return ""
    return format_html(' lang="{}"', language)


@register.simple_tag(takes_context=True)
def has_form_errors(context) -> bool:
    """Whether the page shows a form sent back with errors (its title then starts "Error:")."""
    for scope in context.dicts:
        for value in scope.values():
            # type(), not isinstance(): isinstance would evaluate the lazy values of the context
            # (the CSRF token, the user), and the token would then be set on every page.
            kind = type(value)
            if issubclass(kind, BaseForm) and value.is_bound and value.errors:
                return True
            if issubclass(kind, BaseFormSet) and value.is_bound and value.total_error_count():
                return True
    return False


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Links to this same page in each site language, for the language switcher.

    On a Wagtail page the links go to its live translations, whose slugs may differ ("ohjeet"
    and "anvisningar"); a language without a translation gets the Finnish page under that
    language's prefix, where it is served in Finnish. Elsewhere (the apps' views, a page's
    sub-routes) the address itself is translated.
    """
    request = context["request"]
    current = get_language()
    page_links = _page_language_links(context.get("page"), request, current)
    full_path = request.get_full_path()
    if contains_personal_identity_code(unquote_plus(full_path)):  # a refused search: not carried on
        full_path = request.path
    return [
        {
            "code": code,
            "name": name,
            "url": page_links[code] if page_links else translated_address(full_path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


def _page_language_links(page, request, current: str) -> dict[str, str] | None:
    """{language: address} of `page` in every site language, or None when the request is not
    for the page's own address."""
    if not isinstance(page, Page) or not page.pk or not page.translation_key:
        return None
    # The home page comes with them (`shared_rows`): it was routed from the shared rows.
    own_addresses = getattr(page, "own_addresses", None)
    if own_addresses is None:
        own_addresses = shared_own_addresses(page, request)
    finnish = own_addresses.get(default_language())
    links = {}
    for code, _name in settings.LANGUAGES:
        if own_addresses.get(code):
            links[code] = own_addresses[code]
        elif finnish:
            with translation.override(code):
                links[code] = in_current_language(finnish)
        else:
            return None
    if unquote(links.get(current) or "") != request.path:
        return None
    query = request.META.get("QUERY_STRING")
    if query and contains_personal_identity_code(unquote_plus(query)):
        query = ""
    return {code: f"{url}?{query}" if query else url for code, url in links.items()}


# "... so it is shown in Finnish": the language a page is written in, as the notice says it.
SHOWN_IN = {
    "fi": gettext_lazy("in Finnish"),
    "sv": gettext_lazy("in Swedish"),
    "en": gettext_lazy("in English"),
}


@register.inclusion_tag("includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """On a page served in another language than the visitor's (a Finnish page under /sv/ that
    has not been translated yet), a notice in the visitor's language that says so."""
    page = context.get("page")
    if not isinstance(page, Page):
        return {"shown_in": None}
    language = content_language_of(page)
    if language == get_language():
        return {"shown_in": None}
    return {"shown_in": SHOWN_IN.get(language, language)}


# {% pagination page_obj %}: the shared pagination component for a Django paginator page,
# its links keeping the rest of the request's query.
@register.inclusion_tag("includes/components/pagination.html", takes_context=True)
def pagination(context, page_obj, label=None):
    request = context.get("request")
    query = request.GET if request is not None else QueryDict()
    return {"pages": page_links(page_obj, query), "label": label}


# The badge variant that says a state at a glance (includes/components/badge.html).
STATUS_VARIANTS = {
    "valid": "success",
    "agreed": "success",
    "approved": "success",
    "published": "success",
    "draft": "warning",
    "under_discussion": "warning",
    "pending": "warning",
    "in_moderation": "warning",
    "superseded": "error",
    "declined": "error",
    "needs_changes": "error",
}


@register.filter
def status_variant(status) -> str:
    """{{ item.status|status_variant }}: success, warning, error or neutral."""
    return STATUS_VARIANTS.get(str(status), "neutral")


@register.simple_tag(takes_context=True)
def typ_userbar(context, position="bottom-right"):
    """Wagtail's `{% wagtailuserbar %}` with the editor's profile that came with them
    (`typ_site.core.userbar`)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("wagtailadmin.access_admin"):
        return ""
    return Userbar(object=get_page_instance(context), position=position).render_html(context)
