"""SQLite: `search_fts` becomes a contentless FTS5 table without prefix indexes.

The old table kept a full copy of every analysed column (as much again as the index) and
prefix indexes of 2 and 3 characters over every column (doubling the index) for the one
query that uses them, search-as-you-type's last word. The new table keeps the index only; the
analysed values it needs to delete a row are kept compressed in `search_fts_terms`
(search.backends.stores.sqlite). The rows are moved over as they are (nothing is analysed
again), so results stay the same. PostgreSQL is not changed.
"""

import zlib

from django.db import migrations

# The compressed copy's format, as search.backends.stores.sqlite writes it (kept here, as a
# migration must not change when the code does).
SEPARATOR = "\x1f"


def _pack(values) -> bytes:
    return zlib.compress(SEPARATOR.join(values).encode(), 9)


def _unpack(data) -> list[str]:
    return zlib.decompress(bytes(data)).decode().split(SEPARATOR)


TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"
BATCH = 500


def _copy(cursor, select: str, write) -> None:
    last = 0
    while True:
        cursor.execute(select, [last, BATCH])
        rows = cursor.fetchall()
        if not rows:
            return
        write(rows)
        last = rows[-1][0]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE search_fts_new USING fts5("
            f"title, body, extra, exact, meta, {TOKENIZE}, content = '')"
        )
        cursor.execute("CREATE TABLE search_fts_terms (id INTEGER PRIMARY KEY, terms BLOB NOT NULL)")

        def write(rows):
            cursor.executemany(
                "INSERT INTO search_fts_new (rowid, title, body, extra, exact, meta) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )
            cursor.executemany(
                "INSERT INTO search_fts_terms (id, terms) VALUES (%s, %s)",
                [(row[0], _pack(row[1:])) for row in rows],
            )

        _copy(
            cursor,
            "SELECT rowid, title, body, extra, exact, meta FROM search_fts WHERE rowid > %s "
            "ORDER BY rowid LIMIT %s",
            write,
        )
        cursor.execute("DROP TABLE search_fts_vocab")
        cursor.execute("DROP TABLE search_fts")
        cursor.execute("ALTER TABLE search_fts_new RENAME TO search_fts")
        cursor.execute("CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')")
        cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE search_fts_old USING fts5("
            f"title, body, extra, exact, meta, {TOKENIZE}, prefix = '2 3')"
        )
        _copy(
            cursor,
            "SELECT id, terms FROM search_fts_terms WHERE id > %s ORDER BY id LIMIT %s",
            lambda rows: cursor.executemany(
                "INSERT INTO search_fts_old (rowid, title, body, extra, exact, meta) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [(entry_id, *_unpack(data)) for entry_id, data in rows],
            ),
        )
        cursor.execute("DROP TABLE search_fts_vocab")
        cursor.execute("DROP TABLE search_fts")
        cursor.execute("DROP TABLE search_fts_terms")
        cursor.execute("ALTER TABLE search_fts_old RENAME TO search_fts")
        cursor.execute("CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_zero_result_searches")]

    operations = [migrations.RunPython(forward, backward)]
