"""Every language version of a page gets the view restrictions of the others.

Restrictions used to be per language version: a restricted Finnish page could have an open
Swedish translation. Each version now gets every restriction found on any of them (nothing
closed opens); from now on `typ_site.core.translated_restrictions` keeps them alike. The pages
changed (and the pages below them) are left for `manage.py search_reindex --pending`, which
indexes them again with their new restrictions.
"""

from django.db import migrations

from typ_site.core.translated_restrictions import bring_in_step


def forward(apps, schema_editor):
    page_model = apps.get_model("wagtailcore", "Page")
    changed = bring_in_step(page_model, apps.get_model("wagtailcore", "PageViewRestriction"))
    if not changed:
        return
    paths = page_model.objects.filter(pk__in=changed).values_list("path", flat=True)
    pending = apps.get_model("search", "PendingIndexUpdate")
    for path in paths:
        for pk in page_model.objects.filter(path__startswith=path).values_list("pk", flat=True):
            pending.objects.get_or_create(key=f"page:{pk}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_home_intro_help"),
        ("search", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)]
