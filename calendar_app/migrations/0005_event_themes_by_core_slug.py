"""Events' theme tags carry the core themes' slugs (typ_site.core.themes).

The calendar named its themes by their Finnish names; on a site where the theme tags did not
exist yet, tagging an event created a tag slugged from that name (`tym-laki-ja-sen-soveltaminen`
instead of `tym-laki`). Such a tag takes the theme's slug, or, when the theme's own tag exists
beside it, the events move over to the theme's tag.
"""

from django.db import migrations

# The themes as they stand in this migration (slug: Finnish name).
THEMES = {
    "tym-laki": "TYM-laki ja sen soveltaminen",
    "vaikuttavuus": "Vaikuttavuus ja tiedolla johtaminen",
    "viestinta": "Viestintä ja tiedon jakaminen",
    "perehdytys": "Koulutus ja perehtyminen",
    "asiakasprosessi": "Asiakasprosessi",
}


def use_theme_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    TaggedEvent = apps.get_model("calendar_app", "TaggedEvent")
    for slug, name in THEMES.items():
        named = Tag.objects.filter(name=name).exclude(slug=slug).first()
        if named is None:
            continue
        theme_tag = Tag.objects.filter(slug=slug).first()
        if theme_tag is None:
            named.slug = slug
            named.save(update_fields=["slug"])
            continue
        for item in TaggedEvent.objects.filter(tag=named):
            if TaggedEvent.objects.filter(tag=theme_tag, content_object_id=item.content_object_id).exists():
                item.delete()
            else:
                item.tag = theme_tag
                item.save(update_fields=["tag"])


class Migration(migrations.Migration):
    dependencies = [
        ("calendar_app", "0004_event_type_management_group_meeting"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(use_theme_slugs, migrations.RunPython.noop)]
