"""The client-data guard: the one rule for Finnish personal identity codes (henkilötunnus).

The platform is for professionals and never for client data. This module holds the rule:
`normalise_for_matching` turns any text into what a reader sees, and
`find_personal_identity_codes` finds the valid codes in it. Everything else calls
`validate_no_personal_identity_code` (or `contains_personal_identity_code`): the model fields
(`typ_site.core.client_data`), forms, uploads (`typ_site.core.uploads`), the search page and
the access log (`typ_site.core.log_masking`).

A code written in a way that a reader still reads as a code is a code: Markdown escapes and
emphasis inside it, HTML entities and tags, zero-width and other invisible characters, soft
hyphens, any dash or minus look-alike, full-width digits, and its parts separated by spaces.
The check character (the mod 31 checksum) and the date are always verified, so dates, phone
numbers, case numbers and section references pass.
"""

import html
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_BY_SIGN = {
    "+": 1800,
    "-": 1900,
    "Y": 1900,
    "X": 1900,
    "W": 1900,
    "V": 1900,
    "U": 1900,
    "A": 2000,
    "B": 2000,
    "C": 2000,
    "D": 2000,
    "E": 2000,
    "F": 2000,
}

# Day, month and year (the pairs may be written apart), the century sign, the individual
# number and the check character; spaces may stand around the sign and before the check
# character. The code may touch letters or punctuation ("hetu:010101-123N"), but not a longer
# run of digits.
_GAP = r"[^\S\n]?"
_SPACE = r"\s{0,2}"
_CANDIDATE = re.compile(
    rf"(?<![0-9])(\d{{2}}){_GAP}(\d{{2}}){_GAP}(\d{{2}}){_SPACE}([-+A-FU-Ya-fu-y]){_SPACE}"
    rf"(\d{{3}}){_SPACE}([0-9A-Ya-y])(?![0-9])"
)

# Every dash, hyphen and minus look-alike reads as the century sign "-" (NFKC already turns
# some of them into "-"; listing them all keeps the rule independent of that).
_DASH_LIKE = {
    # Unicode's dash punctuation (category Pd)
    "\u058a",
    "\u05be",
    "\u1400",
    "\u1806",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2e17",
    "\u2e1a",
    "\u2e3a",
    "\u2e3b",
    "\u2e40",
    "\u2e5d",
    "\u301c",
    "\u3030",
    "\u30a0",
    "\ufe31",
    "\ufe32",
    "\ufe58",
    "\ufe63",
    "\uff0d",
    "\U00010ead",
    # and the minus signs and lines drawn like a dash
    "\u2212",  # minus sign
    "\u02d7",  # modifier letter minus sign
    "\u2043",  # hyphen bullet
    "\u2796",  # heavy minus sign
    "\u23af",  # horizontal line extension
    "\u2500",  # box drawings light horizontal
    "\u2501",  # box drawings heavy horizontal
    "\u30fc",  # katakana-hiragana prolonged sound mark
    "\uff70",  # half-width prolonged sound mark
    "\u207b",  # superscript minus
    "\u208b",  # subscript minus
}
_DASHES = str.maketrans(dict.fromkeys(_DASH_LIKE, "-"))
# Characters a reader does not see: format characters (zero-width space and joiners, soft
# hyphen, word joiner, byte-order mark, bidirectional marks) and combining marks left after
# NFKC (an underline or a strike drawn over a digit).
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me"}
# A text without anything that can be read as a digit holds no code (the quick answer for
# most text); entities and full-width, superscript and subscript digits count as digits.
_MAYBE_DIGIT = re.compile(r"[\d&\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]")
_TAG = re.compile(r"<[^<>]*>")
# A backslash escapes punctuation in Markdown and is shown before anything else; either way a
# reader reads past it.
_MARKDOWN_ESCAPE = re.compile(r"\\(\S)")
_EMPHASIS = re.compile(r"[*_~`]")

IDENTITY_CODE_MESSAGE = _(
    "The text seems to contain a Finnish personal identity code (henkilötunnus). Client "
    "information does not belong on this platform: remove the code and describe the case "
    "without identifying anyone. Nothing was saved."
)


def _plain(text: str) -> str:
    """NFKC, invisible characters removed, every dash look-alike made "-"."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        character for character in text if unicodedata.category(character) not in _INVISIBLE_CATEGORIES
    )
    return text.translate(_DASHES)


def _as_read(text: str, *, strip_tags: bool) -> str:
    """The text a reader sees once Markdown and HTML are rendered (an invisible character
    inside an entity does not stop it from being read)."""
    text = _plain(html.unescape(_plain(text)))
    if strip_tags:
        text = _plain(html.unescape(_TAG.sub("", text)))
    text = _MARKDOWN_ESCAPE.sub(r"\1", text)
    return _EMPHASIS.sub("", text)


def normalise_for_matching(text: str) -> list[str]:
    """The readings of a text that are matched: as written, and as rendered (with and
    without tags removed, so that an autolink such as <https://…/code> is still read)."""
    if not text or not _MAYBE_DIGIT.search(text):
        return []
    readings = [_plain(text), _as_read(text, strip_tags=False), _as_read(text, strip_tags=True)]
    return list(dict.fromkeys(readings))


def is_valid_personal_identity_code(
    day: str, month: str, year: str, sign: str, individual: str, check: str
) -> bool:
    century = CENTURY_BY_SIGN.get(sign.upper())
    if century is None:
        return False
    try:
        date(century + int(year), int(month), int(day))
    except ValueError:
        return False
    if int(individual) < 2:
        return False
    expected = CHECK_CHARACTERS[int(f"{day}{month}{year}{individual}") % 31]
    return check.upper() == expected


def _codes_in_reading(reading: str) -> list[str]:
    codes = []
    for match in _CANDIDATE.finditer(reading):
        if is_valid_personal_identity_code(*match.groups()):
            day, month, year, sign, individual, check = match.groups()
            codes.append(f"{day}{month}{year}{sign}{individual}{check}")
    return codes


def find_personal_identity_codes(text: str) -> list[str]:
    """Every valid personal identity code in the text, in the order read, written plainly."""
    found: dict[str, None] = {}
    for reading in normalise_for_matching(text):
        found.update(dict.fromkeys(_codes_in_reading(reading)))
    return list(found)


def contains_personal_identity_code(text: str) -> bool:
    return any(_codes_in_reading(reading) for reading in normalise_for_matching(text))


IDENTITY_CODE_MASK = "[hetu]"


def mask_personal_identity_codes(text: str) -> str:
    """The text with every code replaced by IDENTITY_CODE_MASK, for logs. The text is read
    plainly (NFKC, invisible characters and dash look-alikes); when a code still stands in
    some other reading of it (an entity, Markdown), the whole text is replaced."""
    if not contains_personal_identity_code(text):
        return text

    def mask(match: re.Match) -> str:
        return IDENTITY_CODE_MASK if is_valid_personal_identity_code(*match.groups()) else match.group(0)

    masked = _CANDIDATE.sub(mask, _plain(text))
    return IDENTITY_CODE_MASK if contains_personal_identity_code(masked) else masked


def validate_no_personal_identity_code(text) -> None:
    """Raise the client-data message when the text (or any text inside a structured value,
    such as a StreamField's blocks) holds a personal identity code."""
    if any(contains_personal_identity_code(part) for part in texts_in(text)):
        raise ValidationError(IDENTITY_CODE_MESSAGE, code="personal_identity_code")


def texts_in(value) -> Iterable[str]:
    """Every piece of text in a value: a string, a StreamField value walked block by block
    (its stored form: lists and dicts of strings), or anything with a text form."""
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from texts_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_in(item)
    elif hasattr(value, "get_prep_value"):  # StreamValue, RichText and other block values
        yield from texts_in(value.get_prep_value())
    elif hasattr(value, "source"):
        yield str(value.source)
    elif not isinstance(value, int | float | bool):
        yield str(value)
