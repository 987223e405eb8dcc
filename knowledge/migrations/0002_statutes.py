"""The statutes the knowledge base interprets, with their sections, as data."""

from django.db import migrations

STATUTES = [
    {
        "number": "381/2023",
        "name": "Laki työllistymisen monialaisesta edistämisestä",
        "short_name": "TYM-laki",
        "abbreviation": "TYM",
        "url": "https://www.finlex.fi/fi/laki/alkup/2023/20230381",
        "sections": [
            ("1", "Lain tarkoitus",
             "Mihin monialaisella yhteistoiminnalla pyritään: työttömän työllistymisen "
             "edistäminen sovittamalla yhteen työvoima-, sosiaali-, terveys- ja "
             "kuntoutuspalvelut."),
            ("3", "Palvelujen yhteensovittamisen tarve",
             "Milloin työttömällä katsotaan olevan monialaisen tuen tarve ja milloin tarve "
             "päättyy."),
            ("4", "Monialainen yhteistoiminta ja työllistymissuunnitelma",
             "Työvoimaviranomaisen, hyvinvointialueen ja Kelan tehtävät palvelutarpeen "
             "arvioinnissa sekä monialaisen työllistymissuunnitelman laatimisessa, seurannassa "
             "ja tarkistamisessa."),
            ("11", "Tietojen saaminen ja käyttö",
             "Yhteistoiminnan osapuolten oikeus saada toisiltaan ja käyttää työtöntä koskevia "
             "välttämättömiä tietoja salassapitosäännösten estämättä."),
        ],
    },
    {
        "number": "306/2019",
        "name": "Laki digitaalisten palvelujen tarjoamisesta",
        "short_name": "Digipalvelulaki",
        "abbreviation": "",
        "url": "https://www.finlex.fi/fi/laki/alkup/2019/20190306",
        "sections": [
            ("6", "Asiointi etäyhteyksin",
             "Palvelun tarjoaminen puhelimitse, videoyhteydellä tai verkkopalvelussa."),
        ],
    },
]


def create_statutes(apps, schema_editor):
    Statute = apps.get_model("knowledge", "Statute")
    LawSection = apps.get_model("knowledge", "LawSection")
    for data in STATUTES:
        statute, _created = Statute.objects.get_or_create(
            number=data["number"],
            defaults={key: data[key] for key in ("name", "short_name", "abbreviation", "url")},
        )
        for order, (number, title, summary) in enumerate(data["sections"]):
            LawSection.objects.get_or_create(
                statute=statute, number=number,
                defaults={"title": title, "summary": summary, "sort_order": order},
            )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunPython(create_statutes, migrations.RunPython.noop)]
