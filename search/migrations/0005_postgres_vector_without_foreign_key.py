"""PostgreSQL: `search_vector` keeps the entry id without a foreign key, as SQLite's
`search_fts` keeps it as its rowid.

The index removes a document's vector itself whenever it removes the entry
(`EmbeddedBackend` deletes both), so the key added nothing but a lock on
`search_searchentry`: PostgreSQL refuses to TRUNCATE a table that another table references,
which is how Django empties the database between transactional tests and in `flush`. A vector
left without its entry is never shown: every search joins the matches to their entries.
"""

from django.db import migrations

CONSTRAINT = "search_vector_entry_id_fkey"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE search_vector DROP CONSTRAINT IF EXISTS {CONSTRAINT}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DELETE FROM search_vector v WHERE NOT EXISTS "
            "(SELECT 1 FROM search_searchentry e WHERE e.id = v.entry_id)"
        )
        schema_editor.execute(
            f"ALTER TABLE search_vector ADD CONSTRAINT {CONSTRAINT} FOREIGN KEY (entry_id) "
            "REFERENCES search_searchentry (id) ON DELETE CASCADE"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_postgres_match_function")]

    operations = [migrations.RunPython(forward, backward)]
