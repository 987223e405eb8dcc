"""SQL expressions the apps share, the same on SQLite and PostgreSQL."""

import json
from datetime import UTC, datetime

from django.db.models import Aggregate, CharField, F, Func, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce


def count_of(queryset: QuerySet) -> Coalesce:
    """The number of rows of `queryset`, as a scalar subquery (a few counts, one query)."""
    return Coalesce(Subquery(queryset.order_by().values(number=Func(F("pk"), function="COUNT"))), 0)


class _TwoDialectAggregate(Aggregate):
    """An aggregate written one way for SQLite (`function`, `template`) and another for
    PostgreSQL (`postgresql_function`, `postgresql_template`)."""

    postgresql_function = ""
    postgresql_template = ""

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function=self.postgresql_function,
            template=self.postgresql_template,
            **extra_context,
        )


class JoinedIds(_TwoDialectAggregate):
    """The ids of a group as one text, comma-separated (NULL for no rows): GROUP_CONCAT on
    SQLite, STRING_AGG on PostgreSQL. `ids_of(text)` reads it back."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, ',')"
    postgresql_function = "STRING_AGG"
    postgresql_template = "%(function)s(CAST(%(expressions)s AS text), ',')"
    output_field = CharField()


def ids_of(text: str | None) -> set[int]:
    return {int(part) for part in (text or "").split(",") if part}


class JsonRows(_TwoDialectAggregate):
    """The rows of a group as one JSON text, a list of {name: value} for the `columns` given
    as name=expression (NULL for no rows): json_group_array(json_object(...)) on SQLite,
    json_agg(json_build_object(...)) on PostgreSQL. `rows_of(text)` reads it back; a moment
    comes as text (`moment_of` reads it). Lets one query carry a few child rows of each row,
    instead of a second query to prefetch them."""

    function = "json_group_array"
    template = "%(function)s(json_object(%(expressions)s))"
    postgresql_function = "json_agg"
    postgresql_template = "CAST(%(function)s(json_build_object(%(expressions)s)) AS text)"
    output_field = TextField()

    def __init__(self, **columns):
        expressions = []
        for name, expression in columns.items():
            expressions += [Value(name), expression]
        super().__init__(*expressions)


def rows_of(text: str | None) -> list[dict]:
    return json.loads(text) if text else []


def moment_of(text: str) -> datetime:
    """A moment of a `JsonRows` row: SQLite keeps them as UTC without an offset, PostgreSQL
    writes its ISO form with one."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
