"""PostgreSQL: the ids of the documents matching a tsquery, always found through the GIN index.

The tsvectors are stored out of line (TOAST), so `search_vector`'s heap is small and the
planner often judges a sequential scan cheaper than the GIN index; but a sequential scan
evaluates @@ on every row and so fetches and decompresses every document's tsvector, which
is many times slower (measured: 280 ms for a word no document has, in 10,000 documents,
against under 1 ms through the index). The planner cannot be told that cost, so the match is
a function that plans its one query with sequential scans disabled: only a GIN bitmap scan
remains, which reads no tsvector unless the query needs positions (phrases). `max_rows`
stops early (1 answers "does any document have this term?"). SQLite is unaffected.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION search_match_ids(query tsquery, max_rows bigint DEFAULT NULL)
    RETURNS SETOF bigint
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    ROWS 100
    AS $$ SELECT entry_id FROM search_vector WHERE document @@ query LIMIT max_rows $$
    """,
]
POSTGRES_BACKWARD = ["DROP FUNCTION IF EXISTS search_match_ids(tsquery, bigint)"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_speed")]

    operations = [migrations.RunPython(forward, backward)]
