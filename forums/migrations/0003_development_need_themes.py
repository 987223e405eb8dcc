"""A development need may belong to several themes (or none): `theme` becomes `themes`.

The national study lists the division of responsibilities under three of its five themes,
so one theme per need could not hold it. Each need keeps its old theme as its first one.
"""

from django.db import migrations, models

THEME_NAMES = {
    "tym-laki": "TYM-laki ja sen soveltaminen",
    "vaikuttavuus": "Vaikuttavuus ja tiedolla johtaminen",
    "viestinta": "Viestintä ja tiedon jakaminen",
    "perehdytys": "Koulutus ja perehtyminen",
    "asiakasprosessi": "Asiakasprosessi",
}


def copy_theme_to_themes(apps, schema_editor):
    DevelopmentNeed = apps.get_model("forums", "DevelopmentNeed")
    Tag = apps.get_model("taggit", "Tag")
    tags = {}
    for need in DevelopmentNeed.objects.exclude(theme="").only("pk", "theme"):
        if need.theme not in tags:
            tags[need.theme] = Tag.objects.get_or_create(
                slug=need.theme, defaults={"name": THEME_NAMES.get(need.theme, need.theme)}
            )[0]
        need.themes.add(tags[need.theme])


def copy_first_theme_back(apps, schema_editor):
    DevelopmentNeed = apps.get_model("forums", "DevelopmentNeed")
    for need in DevelopmentNeed.objects.prefetch_related("themes"):
        slugs = [tag.slug for tag in need.themes.all() if tag.slug in THEME_NAMES]
        need.theme = slugs[0] if slugs else "asiakasprosessi"
        need.save(update_fields=["theme"])


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0002_participation"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="developmentneed",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                help_text="The development themes the need belongs to: several, one or none.",
                limit_choices_to={
                    "slug__in": ["asiakasprosessi", "perehdytys", "tym-laki", "vaikuttavuus", "viestinta"]
                },
                related_name="development_needs",
                to="taggit.tag",
                verbose_name="themes",
            ),
        ),
        migrations.RunPython(copy_theme_to_themes, copy_first_theme_back),
        migrations.RemoveField(model_name="developmentneed", name="theme"),
    ]
