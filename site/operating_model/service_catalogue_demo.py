"""Demo content of the service catalogue: the shared categories, the municipalities of the four
demo networks, and a few services of each network.

Written for the demo from the operating-model description of the Satakunta employment area
and from the report on the division of work after the 2023 reforms, each practice under the
region the report gives it to; the addresses are made up (example.fi). Re-running it updates
the same rows.
"""

from django.db import transaction

from typ_site.networks.models import Network

from .service_catalogue_categories import CATEGORIES
from .service_catalogue_models import Municipality, NetworkService, ServiceCategory, ServiceVisibility

# Swedish names of the demo networks' bilingual-named municipalities.
SWEDISH_NAMES = {
    "Pori": "Björneborg",
    "Kokemäki": "Kumo",
    "Ulvila": "Ulvsby",
    "Merikarvia": "Sastmola",
    "Hamina": "Fredrikshamn",
    "Pyhtää": "Pyttis",
    "Virolahti": "Vederlax",
    "Raahe": "Brahestad",
    "Oulu": "Uleåborg",
}

ALL = "*"  # every municipality of the network
PUBLIC, NETWORK = ServiceVisibility.PUBLIC, ServiceVisibility.NETWORK

# network slug -> (category key, name, provider, description, how to refer,
#                  municipalities, availability, contact, visibility)
SERVICES = {
    "satakunta": [
        (
            "work-ability-assessment",
            "TYM-terveydenhoitajan vastaanotto",
            "Satakunnan hyvinvointialue",
            "Kun asiakkaan työ- tai toimintakyvyssä on selvitettävää, nimetty terveydenhoitaja "
            "arvioi terveyspalvelujen tarpeen ja seuraa asiakkaan etenemistä terveydenhuollossa.",
            "Työvoima-asiantuntija tai sosiaaliohjaaja ohjaa asiakkaan palvelutarpeen arvioinnin "
            "aikana terveydenhoitajan henkilökohtaiseen tapaamiseen.",
            ALL,
            "Terveydenhoitaja on nimetty jokaiselle sote-keskusalueelle; Porin toimipisteessä on "
            "Porin alueen oma terveydenhoitaja.",
            "Oman sote-keskusalueen TYM-terveydenhoitaja, tym-terveys@example.fi",
            PUBLIC,
        ),
        (
            "substance-abuse-mental-health",
            "Psykososiaalisten palvelujen konsultaatio",
            "Satakunnan hyvinvointialue",
            "Psykososiaaliset palvelut on jaettu alle ja yli 23-vuotiaiden palveluihin. Kummallekin "
            "ikäryhmälle on Porin alueella nimetty yhteyshenkilö, joka auttaa selvittämään asiakkaan "
            "tilannetta ja viemään asiaa eteenpäin.",
            "Asiakkaan kanssa työskentelevä ottaa yhteyttä asiakkaan ikäryhmän yhteyshenkilöön.",
            ["Pori"],
            "Porin alueella; malli laajenee sote-keskusalueittain.",
            "Porin psykososiaalisten palvelujen yhteyshenkilöt, psykososiaalinen@example.fi",
            NETWORK,
        ),
        (
            "consultation",
            "Rukkanen – konsultaatioverkoston etätapaamiset",
            "Satakunnan työllisyysalue, hyvinvointialue ja Kela",
            "Säännölliset etätapaamiset, joihin osallistuvat vain ne tahot, joita asiakkaan tilanne koskee.",
            "Konsultaatiosta sovitaan asiakkaan kanssa etukäteen, ja esiin tulleet asiat käydään "
            "hänen kanssaan läpi jälkeenpäin. Varaa aika verkoston yhteisestä kalenterista.",
            ALL,
            "Säännöllisesti, etäyhteydellä.",
            "Rukkasen koordinaattori, rukkanen@example.fi",
            NETWORK,
        ),
        (
            "kela-rehabilitation",
            "Kelan kuntoutus ja etuusneuvonta",
            "Kela",
            "Kela osallistuu monialaisen työllistymissuunnitelman laatimiseen ja tarkistamiseen, kun "
            "asiakas tarvitsee Kelan työ- ja toimintakykyä edistäviä kuntoutuspalveluja, ja neuvoo "
            "Kelan etuuksissa.",
            "Kirjaa tarve yhteiseen asiakastietojärjestelmään palvelutarpeen arvioon; Kelan "
            "asiantuntija tulee mukaan suunnitelman tarkistamiseen.",
            ALL,
            "Palvelupisteissä tai lain vaatimukset täyttävällä etäyhteydellä.",
            "Kelan TYM-asiantuntija, kela-tym@example.fi",
            PUBLIC,
        ),
        (
            "work-trial",
            "Työkokeilu",
            "Satakunnan työllisyysalue",
            "Työtehtävien tai alan kokeilu työpaikalla ammatinvalinnan ja työkyvyn selvittämiseksi.",
            "Työvoima-asiantuntija sopii työkokeilusta asiakkaan ja työpaikan kanssa ja kirjaa sen "
            "työllistymissuunnitelmaan.",
            ALL,
            "Työvoimapalveluja voi käyttää koko työllisyysalueelta.",
            "Työllisyysalueen toimipisteet Porissa, Kankaanpäässä ja Harjavallassa, tyollisyys@example.fi",
            PUBLIC,
        ),
    ],
    "pohjois-karjala": [
        (
            "work-ability-assessment",
            "Työkyvyn selvittäminen kuvatun prosessin mukaan",
            "Pohjois-Karjalan hyvinvointialue",
            "Työkyvyn selvittämisen vaiheet on kuvattu kaavioiksi yhdessä kehittämishankkeen kanssa, "
            "joten jokainen tietää, kuka tekee mitäkin ja missä vaiheessa.",
            "Sosiaaliohjaaja tai työvoima-asiantuntija käynnistää selvittämisen kaavion ensimmäisen "
            "vaiheen mukaisesti ja kirjaa sen suunnitelmaan.",
            ALL,
            "Koko maakunnassa.",
            "Joensuun TYP-piste, tyokyky@example.fi",
            PUBLIC,
        ),
        (
            "pay-subsidy",
            "Palkkatuettu työ",
            "Työvoimaviranomainen",
            "Tuki on 50 % palkkauskustannuksista ammatillisen osaamisen puutteiden perusteella ja "
            "70 % alentuneen työkyvyn perusteella, 5 tai 10 kuukautta. 55 vuotta täyttäneen "
            "työllistämistuki on 70 % ja enintään 10 kuukautta.",
            "Työvoima-asiantuntija selvittää tuen edellytykset työnantajan kanssa.",
            ALL,
            "Haettavissa jatkuvasti.",
            "Työvoimapalvelut, palkkatuki@example.fi",
            PUBLIC,
        ),
        (
            "rehabilitative-work-activity",
            "Kuntouttava työtoiminta",
            "Pohjois-Karjalan hyvinvointialue",
            "Hyvinvointialue järjestää kuntouttavan työtoiminnan itse tai hankkii sen kunnilta tai "
            "järjestöiltä.",
            "Kirjataan aktivointisuunnitelmaan tai monialaiseen työllistymissuunnitelmaan; asiakkaalle "
            "kerrotaan etuuksista ja korvauksista ennen allekirjoitusta.",
            ["Joensuu", "Kitee", "Lieksa"],
            "Paikkoja vaihtelevasti; kysy tilanne ennen ohjausta.",
            "Hyvinvointialueen työllisyyttä tukevat palvelut, ktt@example.fi",
            PUBLIC,
        ),
    ],
    "kymenlaakso": [
        (
            "coaching",
            "Monialainen työelämäpalvelu",
            "Kymenlaakson hyvinvointialue ja kunnat",
            "Hyvinvointialueen ja kuntien yhteistyösopimukseen perustuva palvelu, jossa tuki työelämään "
            "suunnitellaan yhdessä.",
            "Ohjaus monialaisen työllistymissuunnitelman kautta; sovi asiakkaan kanssa ensin.",
            ALL,
            "Kaikissa verkoston kunnissa yhteistyösopimuksen mukaan.",
            "Kouvolan palvelupiste, tyoelamapalvelu@example.fi",
            PUBLIC,
        ),
        (
            "pay-subsidy",
            "Palkkatuettu työ",
            "Työvoimaviranomainen",
            "Vuoden 2023 uudistuksen jälkeen tuki kohdistuu alentuneesti työkykyisille ja muuten "
            "heikommassa asemassa oleville; uusi tuki samalle henkilölle uuteen työpaikkaan on "
            "mahdollinen ilman odotusaikaa.",
            "Työvoima-asiantuntija selvittää tuen edellytykset työnantajan kanssa.",
            ["Kouvola", "Kotka", "Hamina"],
            "Haettavissa jatkuvasti.",
            "Työvoimapalvelut, palkkatuki-kymi@example.fi",
            PUBLIC,
        ),
    ],
    "pohjois-pohjanmaa": [
        (
            "health-check",
            "Työttömien terveystarkastus",
            "Pohjois-Pohjanmaan hyvinvointialue",
            "Terveystarkastus on osa alueen palveluintegraatiomallia, joka rakennettiin "
            "kehittämishankkeessa; tarkastuksessa arvioidaan terveys sekä työ- ja toimintakyky.",
            "Työvoima-asiantuntija tai sosiaaliohjaaja ohjaa asiakkaan tarkastukseen työllistymisen "
            "tuen polun mukaisesti.",
            ALL,
            "Ajanvarauksella terveysasemilla.",
            "Terveysasemien ajanvaraus, terveystarkastus@example.fi",
            PUBLIC,
        ),
        (
            "career-guidance",
            "Työllistymisen tuen polku",
            "Pohjois-Pohjanmaan TYP-verkosto",
            "Työllistymisen tuen polku on kuvattu kaavioksi, josta asiakas ja työntekijät näkevät "
            "vaiheet ja palvelut yhdellä silmäyksellä.",
            "Polku käydään läpi asiakkaan kanssa alkukartoituksessa.",
            ["Oulu", "Raahe", "Ylivieska"],
            "Osa jokaista TYP-asiakkuutta.",
            "Oulun TYP-keskus, polku@example.fi",
            PUBLIC,
        ),
    ],
}


def load_categories() -> dict[str, ServiceCategory]:
    categories = {}
    for key, order, (fi, sv, en), description in CATEGORIES:
        category, _created = ServiceCategory.objects.update_or_create(
            key=key,
            defaults={
                "sort_order": order,
                "name_fi": fi,
                "name_sv": sv,
                "name_en": en,
                "description_fi": description,
            },
        )
        categories[key] = category
    return categories


def load_municipalities(networks) -> dict[str, Municipality]:
    """The municipalities named in the networks' own lists, with their regions."""
    found = {}
    for network in networks:
        for name in network.municipality_list:
            municipality, _created = Municipality.objects.update_or_create(
                name_fi=name,
                defaults={"region": network.region, "name_sv": SWEDISH_NAMES.get(name, "")},
            )
            found[name] = municipality
    return found


@transaction.atomic
def load_service_catalogue_demo(stdout=None) -> None:
    categories = load_categories()
    networks = list(Network.objects.filter(slug__in=SERVICES))
    municipalities = load_municipalities(networks)
    count = 0
    for network in networks:
        for (
            category,
            name,
            provider,
            description,
            how_to_refer,
            covered,
            availability,
            contact,
            visibility,
        ) in SERVICES[network.slug]:
            service, _created = NetworkService.objects.update_or_create(
                network=network,
                name=name,
                defaults={
                    "category": categories[category],
                    "provider": provider,
                    "description": description,
                    "how_to_refer": how_to_refer,
                    "availability": availability,
                    "contact": contact,
                    "visibility": visibility,
                },
            )
            names = network.municipality_list if covered == ALL else covered
            service.municipalities.set([municipalities[name] for name in names])
            count += 1
    if stdout is not None:
        stdout.write(f"  service categories: {len(categories)}, network services: {count}")
