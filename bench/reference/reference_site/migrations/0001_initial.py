from django.db import migrations, models


def add_entries(apps, schema_editor):
    from datetime import UTC, datetime, timedelta

    Entry = apps.get_model("reference_site", "Entry")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    Entry.objects.bulk_create(
        Entry(
            title=f"Entry {number}",
            slug=f"entry-{number}",
            summary=f"A short summary of entry {number}, a sentence or two of plain text. " * 3,
            published=start + timedelta(hours=number),
        )
        for number in range(1, 201)
    )


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=200)),
                ("slug", models.SlugField(unique=True)),
                ("summary", models.TextField()),
                ("published", models.DateTimeField()),
            ],
            options={"ordering": ["-published"]},
        ),
        migrations.RunPython(add_entries, migrations.RunPython.noop),
    ]
