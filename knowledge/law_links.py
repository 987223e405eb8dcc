"""Mentions of law sections in text, and links from them to the section's interpretations.

People cite sections in many inflected ways; all of these are found:

    381/2023 11 §          lain 381/2023 4 §:ssä        11 § (381/2023)
    TYM-laki 11 §          TYM-lain 11 §:n 2 momentti   TYM-lain (381/2023) 11 §:n
    (381/2023, 4 §)        11 §:n 2 mom. (381/2023)

`find_section_mentions(text)` finds them; `link_law_sections(html)` adds links to already safe
HTML (text outside existing links only). The sections on the site are looked up with
`knowledge.models.SectionDirectory`.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SectionDirectory

_SPACE = r"(?:\s|&nbsp;|&#160;|\xa0)"
_WS = _SPACE + "+"
_OWS = _SPACE + "*"
_STATUTE = r"(?P<statute>\d{1,4}/(?:19|20)\d{2})"
_SECTION = r"(?P<section>\d{1,3}(?:" + _OWS + r"[a-z](?![a-zåäö]))?)"
_SIGN = _OWS + r"§(?::[a-zåäöA-ZÅÄÖ]+)?"
_MOMENT = r"(?:" + _WS + r"(?P<subsection>\d{1,2})\.?" + _WS + r"mom(?:ent[a-zåäö]*|\.)?(?![a-zåäö]))?"
_ABBREVIATION = r"(?<![\w-])(?P<abbreviation>[A-ZÅÄÖ]{2,10})-la[a-zåäö]*"

_PATTERNS = [
    # 381/2023 11 §, lain 381/2023 4 §:ssä, 381/2023 11 §:n 2 momentti
    re.compile(r"(?<![\d/])" + _STATUTE + _WS + _SECTION + _SIGN + _MOMENT),
    # TYM-laki 11 §, TYM-lain 11 §:n 2 momentti, TYM-lain (381/2023) 11 §:n
    re.compile(
        _ABBREVIATION + r"(?:" + _WS + r"\(?" + _STATUTE + r"\)?)?" + _WS + _SECTION + _SIGN + _MOMENT
    ),
    # 11 § (381/2023), 11 §:n 2 momentti (381/2023)
    re.compile(r"(?<![\d/])" + _SECTION + _SIGN + _MOMENT + _OWS + r"\(" + _STATUTE + r"\)"),
    # (381/2023, 4 §), TYM-lain (381/2023, 4§)
    re.compile(
        r"(?:" + _ABBREVIATION + _WS + r")?\(" + _STATUTE + r"," + _OWS + _SECTION + _SIGN + _MOMENT + r"\)"
    ),
]


@dataclass(frozen=True)
class SectionMention:
    start: int
    end: int
    text: str
    section: str  # normalised section number, e.g. "11" or "4a"
    statute: str | None = None  # e.g. "381/2023", when written out
    abbreviation: str | None = None  # e.g. "TYM", when the act was named by it
    subsection: str | None = None


def _normalise(section: str) -> str:
    section = re.sub(_SPACE, "", section)
    return section.lower()


def find_section_mentions(text: str) -> list[SectionMention]:
    """Every section mention in the text, left to right, without overlaps."""
    if not text or "§" not in text:
        return []
    found: list[SectionMention] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            found.append(
                SectionMention(
                    start=match.start(),
                    end=match.end(),
                    text=match.group(0),
                    section=_normalise(groups["section"]),
                    statute=groups.get("statute"),
                    abbreviation=(groups.get("abbreviation") or None),
                    subsection=groups.get("subsection"),
                )
            )
    found.sort(key=lambda mention: (mention.start, -(mention.end - mention.start)))
    result: list[SectionMention] = []
    position = 0
    for mention in found:
        if mention.start >= position:
            result.append(mention)
            position = mention.end
    return result


_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_OPENING = re.compile(r"<\s*(a|script|style|textarea|button|code|pre)\b", re.IGNORECASE)
_CLOSING = re.compile(r"<\s*/\s*(a|script|style|textarea|button|code|pre)\s*>", re.IGNORECASE)


def link_law_sections(html: str, directory: SectionDirectory | None = None) -> SafeString:
    """Link the section mentions in safe HTML to the sections' pages.

    The input must already be safe HTML (escaped text); only text outside links, code and
    form controls is touched, and the only markup added is the link itself.
    """
    html = str(html)
    if "§" not in html:
        return mark_safe(html)  # noqa: S308  (the caller passes safe HTML)
    directory = directory or SectionDirectory()
    output = []
    skip_depth = 0
    for token in _TOKENS.split(html):
        if not token:
            continue
        if token.startswith("<"):
            if _CLOSING.match(token):
                skip_depth = max(0, skip_depth - 1)
            elif _OPENING.match(token) and not token.rstrip().endswith("/>"):
                skip_depth += 1
            output.append(token)
            continue
        output.append(token if skip_depth else _link_text(token, directory))
    return mark_safe("".join(output))  # noqa: S308  (only our own escaped links were added)


def _link_text(text: str, directory: SectionDirectory) -> str:
    mentions = find_section_mentions(text)
    if not mentions:
        return text
    parts = []
    position = 0
    for mention in mentions:
        section = directory.section_for(mention)
        if section is None:
            continue
        parts.append(text[position : mention.start])
        parts.append(
            f'<a class="law-link" href="{escape(section.get_absolute_url())}" '
            f'title="{escape(str(section))}">{mention.text}</a>'
        )
        position = mention.end
    parts.append(text[position:])
    return "".join(parts)
