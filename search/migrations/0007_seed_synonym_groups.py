"""Seed the search's synonym groups with the field's vocabulary (a frozen copy of the groups
of search.vocabulary at the time of writing); KEHA editors keep them up to date in the admin."""

from django.db import migrations

SEED = (
    ("TYP", "TYM", "monialainen yhteispalvelu", "monialainen yhteistoiminta"),
    ("HVA", "hyvinvointialue"),
    ("TE-toimisto", "työvoimaviranomainen", "työllisyysalue"),
    ("KEHA", "KEHA-keskus", "kehittämis- ja hallintokeskus"),
    ("Kela", "kansaneläkelaitos"),
    ("TYPPI", "TYP-asiakastietojärjestelmä"),
    ("URA", "URA-järjestelmä"),
    ("sosiaaliohjaaja", "sosiaaliohjaus"),
    ("työkokeilu", "työkokeilujakso"),
    ("palkkatuki", "palkkatuettu työ"),
    ("kuntouttava työtoiminta", "työtoiminta"),
    ("työmarkkinatuki", "työttömyysetuus"),
    ("alkoholiongelma", "päihdeongelma", "päihteet"),
    ("maahanmuuttaja", "maahan muuttanut", "kotoutuja"),
    ("kielikurssi", "kielikoulutus", "kielen opiskelu"),
    ("etäpalvelu", "etäyhteys", "etätapaaminen"),
    ("tietojenvaihto", "tietojen vaihto", "tietojen luovutus"),
)


def seed(apps, schema_editor):
    synonym_group = apps.get_model("search", "SynonymGroup")
    if synonym_group.objects.exists():
        return
    synonym_group.objects.bulk_create(synonym_group(expressions="\n".join(group)) for group in SEED)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_synonym_groups")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
