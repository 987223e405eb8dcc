"""Keeping the visitor's language in links.

The site is Finnish first: Finnish at /, Swedish under /sv/ and English under /en/. A page
that has not been translated is served in Finnish under the Swedish and English addresses too
(`BasePage.route`), so a link to it keeps the prefix of the language the visitor is using: the
visitor stays in the interface they chose and reads the page's Finnish text there.

Two tools do that, and everything that builds links uses one of them:
- `BasePage.get_url_parts` gives a Finnish page's address in the active language, so
  `page.url`, `{% pageurl %}`, `{% slugurl %}` and `{% routablepageurl %}` keep the prefix;
- `in_current_language(url)` turns an address that is already written down (a plain `Page`'s
  address, a search document's stored address) into the visitor's language.

Where an address must be the page's own (the Wagtail admin, where the active language is the
editor's preference; the search index, which stores one address per page), wrap the code in
`page_addresses_in_own_language()`.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_urlconf, translate_url
from django.utils import translation

_own_language_addresses: ContextVar[bool] = ContextVar("own_language_addresses", default=False)


def in_current_language(url: str) -> str:
    """A default-language (Finnish, unprefixed) address in the language the visitor is using.

    An address that already names its language ("/sv/anvisningar/") is a page of that
    language's tree and comes back unchanged: its slug need not exist in the other trees.
    Django's `translate_url` reads the address in the *active* language, so for a Swedish
    visitor a Finnish address ("/ohjeet/") would not resolve: it is read in Finnish, then
    translated. Addresses that are not the site's come back unchanged.
    """
    if translation.get_language_from_path(urlsplit(url).path):
        return url
    return translated_address(url, translation.get_language(), read_in=settings.LANGUAGE_CODE)


def translated_address(url: str, language: str, read_in: str | None = None) -> str:
    """Django's `translate_url(url, language)`, the address read in `read_in` (by default the
    active language). The answer depends on those and the URLconf only, and working it out
    (resolving the address, reversing it again) costs about a third of a millisecond: each
    process keeps the answers it gave (`_translated`)."""
    return _translated(url, language, read_in or translation.get_language(), get_urlconf())


@lru_cache(maxsize=4096)
def _translated(url: str, language: str, read_in: str, urlconf) -> str:
    with translation.override(read_in):
        return translate_url(url, language)


def default_language() -> str:
    """The site's first language (Finnish): the language of unprefixed addresses."""
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def link_language() -> str | None:
    """The language whose prefix links to default-language pages should carry right now.

    None when they keep their own address: the visitor is using the default language, the
    active language is not one of the site's, or inside `page_addresses_in_own_language()`.
    """
    if _own_language_addresses.get():
        return None
    active = translation.get_language()
    if not active:
        return None
    try:
        language = translation.get_supported_language_variant(active)
    except LookupError:
        return None
    return None if language == default_language() else language


@contextmanager
def page_addresses_in_own_language() -> Iterator[None]:
    """Within this block every page gives its own address, whatever the active language."""
    token = _own_language_addresses.set(True)
    try:
        yield
    finally:
        _own_language_addresses.reset(token)


def language_of_address(url: str) -> str:
    """The language of the content at a page's own address: its language prefix (/sv/, /en/),
    else the default language (search hits store each page's own address)."""
    return translation.get_language_from_path(urlsplit(url).path) or default_language()
