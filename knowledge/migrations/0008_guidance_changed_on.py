from django.db import migrations, models
from django.db.models import Max
from django.utils import timezone


def fill_changed_on(apps, schema_editor):
    """Each guidance page's newest change-note date, or the day it was last published."""
    GuidancePage = apps.get_model("knowledge", "GuidancePage")
    GuidanceChangeNote = apps.get_model("knowledge", "GuidanceChangeNote")
    newest_note = dict(
        GuidanceChangeNote.objects.values("page_id").annotate(newest=Max("date")).values_list("page_id", "newest")
    )
    pages = list(GuidancePage.objects.only("pk", "last_published_at"))
    for page in pages:
        published = timezone.localdate(page.last_published_at) if page.last_published_at else None
        page.changed_on = newest_note.get(page.pk) or published
    GuidancePage.objects.bulk_update(pages, ["changed_on"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0007_review_reminders"),
    ]

    operations = [
        migrations.AddField(
            model_name="guidancepage",
            name="changed_on",
            field=models.DateField(db_index=True, editable=False, null=True, verbose_name="changed on"),
        ),
        migrations.RunPython(fill_changed_on, migrations.RunPython.noop),
    ]
