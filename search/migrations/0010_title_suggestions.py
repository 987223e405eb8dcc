"""SQLite: `search_suggest`, the prefix-indexed titles search-as-you-type reads.

A contentless FTS5 table with the analysed title and the access key terms of every entry and
prefix indexes of 2, 3 and 4 characters (search.backends.stores.sqlite). It is filled from the
compressed copy of the indexed values (`search_fts_terms`, migration 0009), so nothing is
analysed again. PostgreSQL is not changed.
"""

import zlib

from django.db import migrations

# The compressed copy's format and the access terms, as search.backends.stores.sqlite has
# them (kept here, as a migration must not change when the code does).
SEPARATOR = "\x1f"
ACCESS_PREFIX = "xa"
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"
BATCH = 500


def _suggest_row(entry_id, data) -> tuple:
    title, _body, _extra, _exact, meta = zlib.decompress(bytes(data)).decode().split(SEPARATOR)
    access = " ".join(term for term in meta.split() if term.startswith(ACCESS_PREFIX))
    return (entry_id, title, access)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE search_suggest USING fts5("
            f"title, access, {TOKENIZE}, content = '', prefix = '2 3 4')"
        )
        last = 0
        while True:
            cursor.execute(
                "SELECT id, terms FROM search_fts_terms WHERE id > %s ORDER BY id LIMIT %s", [last, BATCH]
            )
            rows = cursor.fetchall()
            if not rows:
                break
            cursor.executemany(
                "INSERT INTO search_suggest (rowid, title, access) VALUES (%s, %s, %s)",
                [_suggest_row(entry_id, data) for entry_id, data in rows],
            )
            last = rows[-1][0]
        cursor.execute("INSERT INTO search_suggest (search_suggest) VALUES ('optimize')")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP TABLE search_suggest")


class Migration(migrations.Migration):
    dependencies = [("search", "0009_contentless_fulltext")]

    operations = [migrations.RunPython(forward, backward)]
