"""The content types of participation's models move from the forums app to this one.

The rows keep their ids, so group permissions, Wagtail's and Django's admin log entries and
the reference index keep pointing at them. A database that has already had the content types
of this app made (by `migrate` after 0001) keeps the older rows and drops the new, unused ones.
"""

from django.db import migrations

MODELS = ["developmentneed", "poll", "votinground", "polloption", "ballot", "ballotchoice"]


def _move(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label=target, model=model).delete()
        old.app_label = target
        old.save(update_fields=["app_label"])


def to_participation(apps, schema_editor):
    _move(apps, "forums", "participation")


def back_to_forums(apps, schema_editor):
    _move(apps, "participation", "forums")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("forums", "0004_participation_becomes_an_app"),
        ("participation", "0001_initial"),
    ]

    operations = [migrations.RunPython(to_participation, back_to_forums)]
