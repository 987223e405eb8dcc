"""Search speed: filter terms inside the FTS5 index, and a covering index for facets.

SQLite: `search_fts` gets a `meta` column holding the access key and the filterable facet
values as terms (see search.backends.stores.sqlite.meta_token), so that the permission filter and
the user's filters are applied by FTS5 before ranking. FTS5 tables cannot gain a column, so
the table is rebuilt and its content copied, the meta terms computed from the entries with
hex(), exactly as Python writes them. PostgreSQL keeps its table; only the index is added.
"""

from django.db import migrations, models

META_SQL = (
    "trim("
    "'xa' || lower(hex(e.access_key)) || ' ' || "
    "CASE WHEN e.kind != '' THEN 'xk' || lower(hex(e.kind)) || ' ' ELSE '' END || "
    "CASE WHEN e.network != '' THEN 'xn' || lower(hex(e.network)) || ' ' ELSE '' END || "
    "CASE WHEN e.organisation != '' THEN 'xo' || lower(hex(e.organisation)) || ' ' ELSE '' END || "
    "CASE WHEN e.year IS NOT NULL THEN 'xy' || lower(hex(e.year)) || ' ' ELSE '' END || "
    "coalesce((SELECT group_concat('xt' || lower(hex(t.value)), ' ') "
    "FROM json_each(e.themes) t WHERE t.value != ''), '')"
    ")"
)

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts_new USING fts5(
        title, body, extra, exact, meta,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3'
    )
    """,
    "INSERT INTO search_fts_new (rowid, title, body, extra, exact, meta) "
    "SELECT f.rowid, f.title, f.body, f.extra, f.exact, " + META_SQL + " "
    "FROM search_fts f JOIN search_searchentry e ON e.id = f.rowid",
    "DROP TABLE search_fts_vocab",
    "DROP TABLE search_fts",
    "ALTER TABLE search_fts_new RENAME TO search_fts",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
    "INSERT INTO search_fts (search_fts) VALUES ('optimize')",
]
SQLITE_BACKWARD = [
    """
    CREATE VIRTUAL TABLE search_fts_old USING fts5(
        title, body, extra, exact,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3'
    )
    """,
    "INSERT INTO search_fts_old (rowid, title, body, extra, exact) "
    "SELECT rowid, title, body, extra, exact FROM search_fts",
    "DROP TABLE search_fts_vocab",
    "DROP TABLE search_fts",
    "ALTER TABLE search_fts_old RENAME TO search_fts",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_tables")]

    operations = [
        migrations.AddIndex(
            model_name="searchentry",
            index=models.Index(
                fields=[
                    "id", "access_key", "kind", "year", "date", "network", "organisation",
                    "themes",
                ],
                name="search_entry_facets",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
