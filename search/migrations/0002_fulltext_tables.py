"""The database's own full-text tables for the embedded search.

SQLite: an FTS5 table holding pre-analysed text (Finnish analysis happens in Python), with a
vocabulary view for typo tolerance and did-you-mean. PostgreSQL: a tsvector per entry with a
GIN index, and a vocabulary table. Other databases get nothing (the health check says so).
"""

from django.db import migrations

SQLITE_FORWARD = [
    # The text is already analysed into ASCII terms; unicode61 only splits on spaces here.
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, extra, exact,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3'
    )
    """,
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts_vocab", "DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    """
    CREATE TABLE search_vector (
        entry_id bigint PRIMARY KEY REFERENCES search_searchentry (id) ON DELETE CASCADE,
        document tsvector NOT NULL
    )
    """,
    "CREATE INDEX search_vector_document ON search_vector USING GIN (document)",
    "CREATE TABLE search_vocabulary (term text PRIMARY KEY)",
]
POSTGRES_BACKWARD = ["DROP TABLE IF EXISTS search_vocabulary", "DROP TABLE IF EXISTS search_vector"]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
