"""Periods of the figures: a month, a quarter or a year, written in the CSV files as
`2025-03`, `2025-Q1` and `2025`."""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import PeriodType

NUMBERS_IN_YEAR = {PeriodType.MONTH: 12, PeriodType.QUARTER: 4, PeriodType.YEAR: 1}
FIRST_YEAR = 2000

_CODE_PATTERNS = {
    PeriodType.MONTH: re.compile(r"^(\d{4})-(\d{1,2})$"),
    PeriodType.QUARTER: re.compile(r"^(\d{4})-?[QqKk]([1-4])$"),
    PeriodType.YEAR: re.compile(r"^(\d{4})$"),
}


@dataclass(frozen=True, order=True)
class Period:
    year: int
    number: int
    period_type: str

    @property
    def code(self) -> str:
        if self.period_type == PeriodType.MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.period_type == PeriodType.QUARTER:
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    @property
    def label(self) -> str:
        if self.period_type == PeriodType.MONTH:
            return f"{self.number}/{self.year}"
        if self.period_type == PeriodType.QUARTER:
            return _("Q%(number)s/%(year)s") % {"number": self.number, "year": self.year}
        return str(self.year)

    @property
    def first_day(self) -> datetime.date:
        if self.period_type == PeriodType.MONTH:
            return datetime.date(self.year, self.number, 1)
        if self.period_type == PeriodType.QUARTER:
            return datetime.date(self.year, 3 * self.number - 2, 1)
        return datetime.date(self.year, 1, 1)

    def has_started(self, today: datetime.date) -> bool:
        return self.first_day <= today


def parse_period(code: str, period_type: str) -> Period | None:
    """The period a CSV cell names, or None when it is not of the indicator's kind."""
    match = _CODE_PATTERNS[PeriodType(period_type)].match(code.strip())
    if not match:
        return None
    year = int(match.group(1))
    number = int(match.group(2)) if match.lastindex and match.lastindex > 1 else 1
    if year < FIRST_YEAR or not 1 <= number <= NUMBERS_IN_YEAR[PeriodType(period_type)]:
        return None
    return Period(year, number, period_type)


def period_example(period_type: str) -> str:
    return {PeriodType.MONTH: "2025-03", PeriodType.QUARTER: "2025-Q1", PeriodType.YEAR: "2025"}[
        PeriodType(period_type)
    ]
