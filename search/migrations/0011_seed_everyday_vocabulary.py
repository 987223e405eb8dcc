"""Seed the search's synonym groups with the field's everyday words for its terms, and short forms
of roles, services and organisations (a frozen copy of search.vocabulary.EVERYDAY_GROUPS at the
time of writing; migration 0007 seeded the first groups). Adds each group that is not there yet,
so running it again adds nothing; groups KEHA's editors made or changed are left as they are.
Going back removes only the groups added here that are still as they were seeded."""

from django.db import migrations

NOTE = "Seeded: everyday words of the field"

SEED = (
    (
        "taloudellinen tilanne",
        "talousvaikeudet",
        "taloudelliset vaikeudet",
        "rahapula",
        "rahaongelmat",
        "rahat loppu",
        "rahat loppuvat",
        "raha-asiat",
        "talousasiat",
        "toimeentulo",
    ),
    ("velkaongelma", "velkaongelmat", "maksuhäiriö", "maksuhäiriömerkintä"),
    ("velkaneuvonta", "talous- ja velkaneuvonta", "talousneuvonta"),
    (
        "poissaolo",
        "poisjäänti",
        "jää pois tapaamisesta",
        "jättää tapaamisen väliin",
        "ei tule tapaamiseen",
        "ei saavu tapaamiseen",
        "jättää tulematta",
    ),
    (
        "asiakkuuden päättäminen",
        "asiakkuuden lopettaminen",
        "lopettaa asiakkuus",
        "päättää asiakkuus",
        "lopettaa palvelu",
        "keskeyttää palvelu",
        "lopettaa kesken",
    ),
    ("asiakkuus", "asiakassuhde"),
    ("suostumus", "asiakkaan lupa"),
    ("kirjaaminen", "kirjata", "kirjaus", "dokumentointi", "dokumentoida"),
    ("vaitiolovelvollisuus", "salassapitovelvollisuus", "salassapito"),
    ("henkilötunnus", "hetu", "sotu"),
    ("lomake", "kaavake"),
    ("työnhaku", "työpaikan haku", "työn etsiminen", "työpaikkojen etsiminen", "työnetsintä"),
    ("työllistyminen", "työllistyä", "työn saaminen", "töihin pääsy", "työpaikan saaminen"),
    ("pitkäaikaistyötön", "pitkäaikaistyöttömyys", "pitkään työttömänä ollut", "pitkittynyt työttömyys"),
    ("työttömyysetuus", "työttömyyskorvaus", "työttömyysturva", "työttömyyspäiväraha"),
    ("opinnot", "opiskelu"),
    ("sairaus", "terveysongelma", "terveysvaikeudet", "terveydelliset syyt", "terveydentila"),
    ("lääkärinlausunto", "lääkärintodistus", "B-lausunto", "lääkärin lausunto"),
    ("mielenterveysongelma", "mielenterveysongelmat", "mielenterveyden häiriö", "psyykkinen sairaus"),
    ("päihdepalvelut", "päihdehoito", "päihdekuntoutus"),
    ("työkokeilu", "työharjoittelu", "työelämävalmennus"),
    ("kuntouttava työtoiminta", "kuntsari"),
    ("työhönvalmennus", "työvalmennus"),
    ("ammatinvalinnanohjaus", "uraohjaus", "ammatinvalinta- ja urasuunnittelu"),
    ("etätapaaminen", "videotapaaminen", "videoyhteys", "digiyhteys", "Teams-tapaaminen"),
    ("tulkkaus", "tulkata", "tulkki", "tulkin käyttö"),
    ("omatyöntekijä", "vastuutyöntekijä", "omaohjaaja"),
    ("esihenkilö", "esimies"),
    ("sossu", "sosiaalitoimisto"),
    ("sote", "sosiaali- ja terveyspalvelut", "sosiaali- ja terveydenhuolto"),
    ("sote-keskus", "terveyskeskus", "terveysasema"),
    ("hyvinvointialue", "sote-alue"),
    ("työllisyyspalvelut", "työvoimapalvelut"),
    ("TE-toimisto", "työ- ja elinkeinotoimisto"),
    ("ELY-keskus", "ELY", "elinkeino-, liikenne- ja ympäristökeskus"),
    ("TEM", "työ- ja elinkeinoministeriö"),
    ("STM", "sosiaali- ja terveysministeriö"),
    ("kolmas sektori", "järjestö", "järjestöt"),
    ("Effica", "Sosiaali-Effica"),
)


def expressions_of(text: str) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def seed(apps, schema_editor):
    synonym_group = apps.get_model("search", "SynonymGroup")
    present = {expressions_of(group.expressions) for group in synonym_group.objects.all()}
    missing = [group for group in SEED if frozenset(name.lower() for name in group) not in present]
    synonym_group.objects.bulk_create(
        synonym_group(expressions="\n".join(group), note=NOTE) for group in missing
    )


def unseed(apps, schema_editor):
    synonym_group = apps.get_model("search", "SynonymGroup")
    seeded = {frozenset(name.lower() for name in group) for group in SEED}
    for group in synonym_group.objects.filter(note=NOTE):
        if expressions_of(group.expressions) in seeded:
            group.delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0010_title_suggestions")]

    operations = [migrations.RunPython(seed, unseed)]
