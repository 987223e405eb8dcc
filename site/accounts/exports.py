"""A person's own data, as one JSON document.

An app adds a section with the Wagtail hook `typ_export_sections`, in its `wagtail_hooks.py`:
a function that returns an `ExportSection`. Its `rows(user)` names the kinds of rows the
section lists, each an `ExportRows`: a query of only that person's rows, the values it gives
and their order. The rows of every section are read together in one query (a `UNION ALL`,
`read_rows`), so the export costs the same few queries whatever the number of sections and
rows. `build(user, rows)` then shapes the section from its rows (`{kind: [row, ...]}`); a
section may still read what does not fit in a row (the induction paths' steps) itself, in a
fixed number of queries.

    @hooks.register("typ_export_sections")
    def calendar_export():
        return ExportSection("calendar", calendar_export_section, calendar_export_rows)
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from allauth.account.models import EmailAddress
from django.db import models
from django.db.models import QuerySet, Value, Window
from django.db.models.functions import Cast, JSONObject, RowNumber
from django.db.models.query import EmptyQuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail import hooks

EXPORT_SECTIONS_HOOK = "typ_export_sections"

Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class ExportRows:
    """One kind of a person's rows: `queryset` holds only their rows, `fields` what each row
    gives (a name and a field path or expression), `order_by` the order they are listed in."""

    queryset: QuerySet
    fields: dict[str, Any]
    order_by: tuple[str, ...] = ("pk",)


def no_rows(user) -> dict[str, ExportRows]:
    return {}


@dataclass(frozen=True)
class ExportSection:
    name: str
    build: Callable[[Any, Rows], Any]
    rows: Callable[[Any], dict[str, ExportRows]] = no_rows


def build_user_export(user) -> dict:
    sections = sorted((make() for make in hooks.get_hooks(EXPORT_SECTIONS_HOOK)), key=lambda s: s.name)
    wanted = {(section.name, kind): rows for section in sections for kind, rows in section.rows(user).items()}
    found = read_rows(wanted)
    return {section.name: section.build(user, found.get(section.name, {})) for section in sections}


def read_rows(wanted: dict[tuple[str, str], ExportRows]) -> dict[str, Rows]:
    """Every kind of rows in one query: `{section: {kind: [row, ...]}}`, each kind in its order.

    Each kind is one branch of a `UNION ALL` giving three columns: the kind's number, the
    row's place in its kind (`ROW_NUMBER()` over the kind's order) and its values as a JSON
    object. The columns are cast to one type in every branch (PostgreSQL asks it of a union),
    and the values are turned back into dates, times, decimals and truth values by their
    fields, as the database gives them back as JSON.
    """
    result: dict[str, Rows] = {section: {} for section, _kind in wanted}
    keys = list(wanted)
    branches: list[QuerySet] = []
    converters: dict[int, dict[str, Callable[[Any], Any]]] = {}
    for number, key in enumerate(keys):
        result[key[0]][key[1]] = []
        rows = wanted[key]
        if isinstance(rows.queryset, EmptyQuerySet):
            continue
        branch = rows.queryset.order_by().annotate(
            export_kind=Cast(Value(number), models.IntegerField()),
            export_place=Cast(Window(RowNumber(), order_by=list(rows.order_by)), models.BigIntegerField()),
            export_values=JSONObject(**rows.fields),
        )
        resolved = branch.query.annotations["export_values"].get_source_expressions()[1::2]
        converters[number] = {
            name: _converter(expression.output_field)
            for name, expression in zip(rows.fields, resolved, strict=True)
        }
        branches.append(branch.values_list("export_kind", "export_place", "export_values"))
    if not branches:
        return result
    combined = branches[0].union(*branches[1:], all=True) if len(branches) > 1 else branches[0]
    for number, _place, values in sorted(combined, key=lambda row: (row[0], row[1])):
        section, kind = keys[number]
        # In the fields' own order (PostgreSQL's JSON keeps its keys in an order of its own).
        result[section][kind].append(
            {name: convert(values[name]) for name, convert in converters[number].items()}
        )
    return result


def _converter(output_field) -> Callable[[Any], Any]:
    """Back from a JSON value to what the field itself would give: SQLite writes a truth value
    as 0 or 1 and a time without its zone, PostgreSQL a decimal as a JSON number (a float
    read back exactly up to fifteen digits, more than any decimal field here has)."""
    if isinstance(output_field, models.BooleanField):
        return lambda value: None if value is None else bool(value)
    if isinstance(output_field, models.DateTimeField):
        return _moment
    if isinstance(output_field, models.DateField):
        return lambda value: None if value is None else parse_date(value)
    if isinstance(output_field, models.DecimalField):
        step = Decimal(1).scaleb(-output_field.decimal_places)
        return lambda value: None if value is None else Decimal(str(value)).quantize(step)
    return lambda value: value


def _moment(value) -> datetime.datetime | None:
    if value is None:
        return None
    moment = parse_datetime(value)
    if moment is None:
        raise ValueError(f"not a date and time: {value!r}")
    if timezone.is_naive(moment):
        return timezone.make_aware(moment, datetime.UTC)
    return moment.astimezone(datetime.UTC)


def account_rows(user) -> dict[str, ExportRows]:
    return {
        "email_addresses": ExportRows(
            EmailAddress.objects.filter(user=user),
            {"email": "email", "verified": "verified", "primary": "primary"},
            order_by=("email",),
        )
    }


def account_section(user, rows: Rows) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "organisation_type": user.organisation_type,
        "organisation_name": user.organisation_name,
        "role": user.role,
        "requested_role": user.requested_role,
        "preferred_language": user.preferred_language,
        "notification_frequency": user.notification_frequency,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": rows["email_addresses"],
    }
