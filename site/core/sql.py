"""SQL expressions the apps share, the same on SQLite and PostgreSQL."""

import json
from collections.abc import Callable
from datetime import UTC, datetime

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Aggregate, CharField, F, Func, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.db.models.query import get_related_populators


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


class PreparedRows:
    """The rows of a `values_list` query whose SQL is built once per database and then run
    again for another value.

    Django builds and compiles a query's SQL on every call. For a small query run on every
    request that costs more than the database's answer: the signed-in person's standing (a
    UNION of three rules) takes about a millisecond to build and a tenth of that to answer.
    Here `build(value)` gives the query for one value; it is built for a marker value, and
    the marker's places among the SQL's parameters take the value of each later call.

    The value must reach the SQL only as a parameter (an id compared with a column, as
    `filter(user=pk)` does), and the rows are the database's own values: the columns must
    need no conversion (text and integers).
    """

    MARKER = -918_273_645

    def __init__(self, build: Callable[[int], QuerySet]):
        self._build = build
        self._prepared: dict[tuple[str, str], tuple[str, tuple, list[int]]] = {}

    def _prepare(self, using: str) -> tuple[str, tuple, list[int]]:
        sql, params = self._build(self.MARKER).query.get_compiler(using).as_sql()
        places = [index for index, param in enumerate(params) if param == self.MARKER]
        if not places:
            raise ValueError("The query does not take its value as a parameter.")
        return sql, tuple(params), places

    def rows(self, value: int, using: str = DEFAULT_DB_ALIAS) -> list[tuple]:
        connection = connections[using]
        key = (using, connection.vendor)
        if key not in self._prepared:
            self._prepared[key] = self._prepare(using)
        sql, prepared_params, places = self._prepared[key]
        params = list(prepared_params)
        for index in places:
            params[index] = value
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


class PreparedInstance:
    """The one model instance a query finds by a value, with its `select_related` rows and
    annotations, from SQL built once per database (as `PreparedRows`). The instance is made
    from the row as Django's own `ModelIterable` makes it: the row's converters, `from_db`,
    the related rows' populators and the annotations. Built for the signed-in person, read on
    every signed-in request (`typ_site.accounts.backends.load_signed_in_user`), where building
    the query cost more than the database's answer."""

    def __init__(self, build: Callable[[int], QuerySet]):
        self._build = build
        self._prepared: dict[tuple[str, str], _PreparedInstanceQuery] = {}

    def get(self, value: int, using: str = DEFAULT_DB_ALIAS):
        """The instance the query finds for `value`, or None."""
        connection = connections[using]
        key = (using, connection.vendor)
        if key not in self._prepared:
            self._prepared[key] = _PreparedInstanceQuery(self._build(PreparedRows.MARKER), using)
        return self._prepared[key].get(value)


class _PreparedInstanceQuery:
    def __init__(self, queryset: QuerySet, using: str):
        self.using = using
        self.compiler = queryset.query.get_compiler(using)
        self.sql, params = self.compiler.as_sql()
        self.params = tuple(params)
        self.places = [index for index, param in enumerate(params) if param == PreparedRows.MARKER]
        if not self.places:
            raise ValueError("The query does not take its value as a parameter.")
        klass_info = self.compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in self.compiler.select[self.start : self.end]]
        # Django 5.2 takes (klass_info, select, db); the type stubs already follow a later one.
        self.populators = get_related_populators(klass_info, self.compiler.select, using)  # type: ignore[call-arg]
        self.annotations = dict(self.compiler.annotation_col_map)

    def get(self, value: int):
        params = list(self.params)
        for index in self.places:
            params[index] = value
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        for row in self.compiler.results_iter([rows]):
            instance = self.model.from_db(self.using, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, position in self.annotations.items():
                setattr(instance, name, row[position])
            return instance
        return None
