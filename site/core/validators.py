"""Guards for everything people write on the site.

The platform is for professionals and never for client data. Every user-writable text field
(forum posts and titles, submitted practices, comments, messages) calls
`validate_no_personal_identity_code` before anything is saved.
"""

import re
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

# Day-month-year, the century sign, the individual number and the check character. The code
# may stand next to letters or punctuation ("hetu:010101-123N", "HETU010101-123N"), but not
# inside a longer run of digits.
_CANDIDATE = re.compile(r"(?<![0-9])(\d{2})(\d{2})(\d{2})([-+A-FU-Ya-fu-y])(\d{3})([0-9A-Ya-y])(?![0-9])")
# Word processors and phones turn the hyphen into a dash; the code is the same.
_DASHES = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"}
)

IDENTITY_CODE_MESSAGE = _(
    "The text seems to contain a Finnish personal identity code (henkilötunnus). Client "
    "information does not belong on this platform: remove the code and describe the case "
    "without identifying anyone. Nothing was saved."
)


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


def find_personal_identity_codes(text: str) -> list[str]:
    """Every valid personal identity code in the text, as written."""
    if not text:
        return []
    normalised = text.translate(_DASHES)  # same length, so the positions stay the same
    return [
        text[match.start() : match.end()]
        for match in _CANDIDATE.finditer(normalised)
        if is_valid_personal_identity_code(*match.groups())
    ]


def contains_personal_identity_code(text: str) -> bool:
    return bool(find_personal_identity_codes(text))


def validate_no_personal_identity_code(text: str) -> None:
    if contains_personal_identity_code(text):
        raise ValidationError(IDENTITY_CODE_MESSAGE, code="personal_identity_code")
