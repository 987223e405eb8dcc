"""Law 381/2023 under its own name: "Laki työllistymisen monialaisesta edistämisestä".

0002 first stored a name the law does not have; installations that ran it get the right one
here. A name an editor has already changed to something else is left alone.
"""

from django.db import migrations

NUMBER = "381/2023"
OLD_NAME = "Laki työllistymistä edistävästä monialaisesta yhteistoiminnasta"
NEW_NAME = "Laki työllistymisen monialaisesta edistämisestä"


def rename(apps, schema_editor):
    Statute = apps.get_model("knowledge", "Statute")
    Statute.objects.filter(number=NUMBER, name=OLD_NAME).update(name=NEW_NAME)


def rename_back(apps, schema_editor):
    Statute = apps.get_model("knowledge", "Statute")
    Statute.objects.filter(number=NUMBER, name=NEW_NAME).update(name=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0004_four_eyes_approval_task")]

    operations = [migrations.RunPython(rename, rename_back)]
