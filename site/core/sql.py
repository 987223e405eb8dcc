"""SQL expressions the apps share, the same on SQLite and PostgreSQL."""

from django.db.models import Aggregate, CharField


class JoinedIds(Aggregate):
    """The ids of a group as one text, comma-separated (NULL for no rows): GROUP_CONCAT on
    SQLite, STRING_AGG on PostgreSQL. `ids_of(text)` reads it back."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')",
            **extra_context,
        )


def ids_of(text: str | None) -> set[int]:
    return {int(part) for part in (text or "").split(",") if part}
