from django.conf import settings
from django.db import migrations


def create_content_locales(apps, schema_editor):
    """A Wagtail locale for every content language (fi, sv, en): pages can be translated."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_accessibility_statement_and_feedback"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_content_locales, migrations.RunPython.noop)]
