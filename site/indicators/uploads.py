"""Reading a network's figures from a CSV file: every row checked, every error named by its
row, and nothing returned to save unless the whole file is right.

The file has a header row and the columns indicator (the definition's key), period
(2025-03, 2025-Q1 or 2025, as the indicator is reported) and value; Finnish and Swedish
column names are understood too. Semicolons or commas separate the columns, a decimal comma
is read as a decimal point, and the file may be UTF-8 (with or without a byte-order mark) or
the Windows encoding spreadsheet programs save.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from typ_site.core.validators import validate_no_personal_identity_code

from .models import IndicatorDefinition
from .periods import parse_period, period_example
from .services import Entry, period_error, value_error

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000

COLUMN_NAMES = {
    "indicator": {"indicator", "mittari", "indikaattori", "indikator", "key", "avain", "tunnus", "nyckel"},
    "period": {"period", "jakso", "ajanjakso"},
    "value": {"value", "arvo", "värde", "varde"},
}


@dataclass
class ReadFile:
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _columns(header: list[str]) -> dict[str, int] | None:
    found = {}
    for index, name in enumerate(header):
        for column, names in COLUMN_NAMES.items():
            if name.strip().lower() in names and column not in found:
                found[column] = index
    return found if len(found) == len(COLUMN_NAMES) else None


def _number(text: str) -> Decimal | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def read_figures(upload, definitions: list[IndicatorDefinition]) -> ReadFile:
    result = ReadFile()
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        result.errors.append(_("The file is larger than 1 MB."))
        return result
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line else ("\t" if "\t" in first_line else ",")
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows:
        result.errors.append(_("The file is empty."))
        return result
    columns = _columns(rows[0])
    if columns is None:
        result.errors.append(_("Row 1: the header must name the columns indicator, period and value."))
        return result
    if len(rows) - 1 > MAX_ROWS:
        result.errors.append(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
        return result
    by_key = {definition.key: definition for definition in definitions}
    seen: dict[tuple[int, object], int] = {}
    for row_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        error = _row_error(row, row_number, columns, by_key, seen, result)
        if error:
            result.errors.append(_("Row %(row)s: %(error)s") % {"row": row_number, "error": error})
    if not result.entries and not result.errors:
        result.errors.append(_("The file has no rows of figures."))
    if result.errors:
        result.entries = []
    return result


def _row_error(row, row_number, columns, by_key, seen, result: ReadFile) -> str | None:
    for cell in row:
        try:
            validate_no_personal_identity_code(cell)
        except ValidationError:
            return _(
                "a cell looks like a personal identity code. The figures are totals, never "
                "about one client: remove it."
            )
    if len(row) <= max(columns.values()):
        return _("the row has too few columns.")
    key, period_text, value_text = (row[columns[name]].strip() for name in ("indicator", "period", "value"))
    definition = by_key.get(key)
    if definition is None:
        return _("no indicator in use has the key “%(key)s”.") % {"key": key[:60]}
    period = parse_period(period_text, definition.period_type)
    if period is None:
        return _("“%(period)s” is not a period of this indicator; write it as %(example)s.") % {
            "period": period_text[:20],
            "example": period_example(definition.period_type),
        }
    if not value_text:
        return _("the value is missing.")
    value = _number(value_text)
    if value is None:
        return _("“%(value)s” is not a number.") % {"value": value_text[:20]}
    problem = value_error(definition, value) or period_error(definition, period)
    if problem:
        return problem
    earlier = seen.get((definition.pk, period))
    if earlier is not None:
        return _("the same indicator and period are already on row %(row)s.") % {"row": earlier}
    seen[(definition.pk, period)] = row_number
    result.entries.append(Entry(definition, period, value))
    return None
