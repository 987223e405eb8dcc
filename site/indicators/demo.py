"""Demo content: shared indicator definitions and a year (2025, by quarter) of invented
figures for the four demo networks. The definitions follow what the 2023 study says the
networks already follow (client numbers, how long clients stay, moves from one service to
another, Kela's rehabilitation decisions, contacts) and its call to write the resources of
each organisation into the cooperation agreement. Every figure is invented and stored as
demo data, which the pages say."""

from decimal import Decimal

from django.contrib.auth import get_user_model

from typ_site.core.demo import demo_email
from typ_site.networks.models import Membership, Network

from .models import IndicatorDefinition, Kind, PeriodType, Source, Unit
from .periods import Period
from .services import Entry, record_figures

DEMO_YEAR = 2025

# key, order, kind, unit, period type, source, (name fi, sv, en), (counted fi, sv, en), (how fi, sv, en)
DEFINITIONS = [
    (
        "asiakkaat-jakson-lopussa",
        10,
        Kind.CLIENT_FLOW,
        Unit.PEOPLE,
        PeriodType.QUARTER,
        Source.TYPPI,
        ("Asiakkaat jakson lopussa", "Kunder vid periodens slut", "Clients at the end of the period"),
        (
            "Henkilöt, joiden asiakkuus monialaisessa yhteispalvelussa "
            "on voimassa jakson viimeisenä päivänä.",
            "Personer vars kundrelation i den sektorsövergripande samservicen gäller periodens sista dag.",
            "People whose client relationship in the multi-sector "
            "service is open on the last day of the period.",
        ),
        (
            "Poimitaan TYPPI-rekisteristä jakson viimeisen päivän tilanteena; kukin henkilö kerran.",
            "Tas ur TYPPI-registret som läget den sista dagen; varje person en gång.",
            "Taken from the TYPPI register as it stands on the last day; each person once.",
        ),
    ),
    (
        "alkaneet-asiakkuudet",
        20,
        Kind.CLIENT_FLOW,
        Unit.PEOPLE,
        PeriodType.QUARTER,
        Source.TYPPI,
        ("Alkaneet asiakkuudet", "Inledda kundrelationer", "Client relationships started"),
        (
            "Asiakkuudet, jotka alkoivat jakson aikana (asiakkuus alkaa palvelutarpeen arvioinnin alkaessa).",
            "Kundrelationer som inleddes under perioden (relationen börjar "
            "när bedömningen av servicebehovet börjar).",
            "Client relationships that started in the period (it starts "
            "when the service-need assessment starts).",
        ),
        (
            "Lasketaan TYPPI-rekisterin alkamispäivistä.",
            "Räknas ur TYPPI-registrets startdatum.",
            "Counted from the start dates in the TYPPI register.",
        ),
    ),
    (
        "paattyneet-asiakkuudet",
        30,
        Kind.CLIENT_FLOW,
        Unit.PEOPLE,
        PeriodType.QUARTER,
        Source.TYPPI,
        ("Päättyneet asiakkuudet", "Avslutade kundrelationer", "Client relationships ended"),
        (
            "Asiakkuudet, jotka päättyivät jakson aikana, päättymisen syystä riippumatta.",
            "Kundrelationer som avslutades under perioden, oavsett orsak.",
            "Client relationships that ended in the period, whatever the reason.",
        ),
        (
            "Lasketaan TYPPI-rekisterin päättymispäivistä.",
            "Räknas ur TYPPI-registrets slutdatum.",
            "Counted from the end dates in the TYPPI register.",
        ),
    ),
    (
        "siirtymat-tyohon-tai-koulutukseen",
        40,
        Kind.CLIENT_FLOW,
        Unit.PEOPLE,
        PeriodType.QUARTER,
        Source.EMPLOYMENT_AUTHORITY,
        (
            "Siirtymät työhön tai koulutukseen",
            "Övergångar till arbete eller utbildning",
            "Moves to work or education",
        ),
        (
            "Päättyneistä asiakkuuksista ne, joiden jälkeen asiakas siirtyi "
            "työhön tai tutkintoon johtavaan koulutukseen.",
            "Av de avslutade kundrelationerna de där kunden gick vidare "
            "till arbete eller examensinriktad utbildning.",
            "Of the ended client relationships, those after which the client "
            "moved to work or to education towards a degree.",
        ),
        (
            "Päättymisen syy TYPPI-rekisteristä, tarkistettuna työvoimaviranomaisen asiakasjärjestelmästä.",
            "Orsaken ur TYPPI-registret, kontrollerad i arbetskraftsmyndighetens kundsystem.",
            "The reason from the TYPPI register, checked against the employment authority's client system.",
        ),
    ),
    (
        "kuntoutuspaatokset",
        50,
        Kind.CLIENT_FLOW,
        Unit.COUNT,
        PeriodType.QUARTER,
        Source.KELA,
        ("Kelan kuntoutuspäätökset", "FPA:s rehabiliteringsbeslut", "Kela's rehabilitation decisions"),
        (
            "Kelan kuntoutuspäätökset, jotka tehtiin jakson aikana verkoston asiakkaille.",
            "FPA:s rehabiliteringsbeslut för nätverkets kunder under perioden.",
            "Kela's rehabilitation decisions for the network's clients made in the period.",
        ),
        (
            "Kelan asiantuntija laskee päätökset verkoston asiakkaista; yksi päätös yhden kerran.",
            "FPA:s expert räknar besluten för nätverkets kunder; varje beslut en gång.",
            "Kela's expert counts the decisions for the network's clients; each decision once.",
        ),
    ),
    (
        "yhteydenotot",
        60,
        Kind.CLIENT_FLOW,
        Unit.COUNT,
        PeriodType.QUARTER,
        Source.NETWORK_RECORDS,
        ("Yhteydenotot verkostoon", "Kontakter till nätverket", "Contacts to the network"),
        (
            "Asiakkaiden ja yhteistyökumppanien yhteydenotot, jotka koskivat palveluun ohjaamista.",
            "Kontakter från kunder och samarbetspartner om att hänvisa till tjänsten.",
            "Contacts from clients and partners about referral to the service.",
        ),
        (
            "Verkoston oma kirjanpito; kukin yhteydenotto kerran.",
            "Nätverkets egen bokföring; varje kontakt en gång.",
            "The network's own records; each contact once.",
        ),
    ),
    (
        "henkilostoresurssi",
        110,
        Kind.STRUCTURE,
        Unit.FTE,
        PeriodType.YEAR,
        Source.COOPERATION_AGREEMENT,
        ("Henkilöstöresurssi", "Personalresurs", "Staff resource"),
        (
            "Verkoston asiakastyöhön sovitut henkilötyövuodet kaikista organisaatioista yhteensä.",
            "Årsverken som avtalats för nätverkets kundarbete, från alla organisationer sammanlagt.",
            "Person-years agreed for the network's client work, from all organisations together.",
        ),
        (
            "Yhteistyösopimukseen kirjatut resurssit vuoden alussa.",
            "Resurserna i samarbetsavtalet vid årets början.",
            "The resources written in the cooperation agreement at the start of the year.",
        ),
    ),
    *[
        (
            f"resurssiosuus-{key}",
            order,
            Kind.STRUCTURE,
            Unit.PERCENT,
            PeriodType.YEAR,
            Source.COOPERATION_AGREEMENT,
            (f"Resurssiosuus: {fi}", f"Resursandel: {sv}", f"Resource share: {en}"),
            (
                f"Osuus verkoston henkilötyövuosista, jonka {fi_who} antaa.",
                f"Andel av nätverkets årsverken som {sv_who} står för.",
                f"The share of the network's person-years that {en_who} provides.",
            ),
            (
                "Yhteistyösopimukseen kirjatut henkilötyövuodet; organisaatioiden osuudet yhteensä 100 %.",
                "Årsverken enligt samarbetsavtalet; organisationernas andelar sammanlagt 100 %.",
                "Person-years in the cooperation agreement; the organisations' shares add up to 100 %.",
            ),
        )
        for key, order, fi, sv, en, fi_who, sv_who, en_who in [
            (
                "tyovoimaviranomainen",
                120,
                "työvoimaviranomainen",
                "arbetskraftsmyndigheten",
                "employment authority",
                "työvoimaviranomainen",
                "arbetskraftsmyndigheten",
                "the employment authority",
            ),
            (
                "hyvinvointialue",
                130,
                "hyvinvointialue",
                "välfärdsområdet",
                "wellbeing services county",
                "hyvinvointialue",
                "välfärdsområdet",
                "the wellbeing services county",
            ),
            ("kela", 140, "Kela", "FPA", "Kela", "Kela", "FPA", "Kela"),
        ]
    ],
]

# Invented quarterly figures for 2025 by network: clients at the end, started, ended, moves,
# rehabilitation decisions, contacts. Some counts are small on purpose: they show as "< 5".
# Kymenlaakso has not reported the last quarter yet (None): the national figures of that
# quarter say "3/4 networks reported".
QUARTERLY: dict[str, list[tuple[int, ...] | None]] = {
    "satakunta": [
        (212, 38, 31, 9, 6, 64),
        (219, 41, 34, 11, 4, 58),
        (205, 29, 43, 14, 7, 49),
        (214, 44, 35, 10, 5, 71),
    ],
    "pohjois-karjala": [
        (168, 27, 22, 6, 3, 41),
        (173, 31, 26, 8, 5, 45),
        (166, 22, 29, 7, 2, 37),
        (171, 30, 25, 9, 4, 48),
    ],
    "kymenlaakso": [
        (141, 25, 19, 5, 4, 33),
        (147, 26, 20, 4, 6, 35),
        (139, 18, 26, 6, 3, 29),
        None,
    ],
    "pohjois-pohjanmaa": [
        (296, 52, 44, 13, 9, 88),
        (304, 55, 47, 15, 8, 93),
        (291, 40, 53, 18, 11, 79),
        (300, 57, 48, 14, 10, 97),
    ],
}
QUARTERLY_KEYS = [
    "asiakkaat-jakson-lopussa",
    "alkaneet-asiakkuudet",
    "paattyneet-asiakkuudet",
    "siirtymat-tyohon-tai-koulutukseen",
    "kuntoutuspaatokset",
    "yhteydenotot",
]
# Person-years and the shares of the employment authority, the county and Kela (sum 100).
YEARLY = {
    "satakunta": (14.5, 48, 41, 11),
    "pohjois-karjala": (11.0, 52, 38, 10),
    "kymenlaakso": (9.5, 55, 36, 9),
    "pohjois-pohjanmaa": (19.0, 46, 44, 10),
}
YEARLY_KEYS = [
    "henkilostoresurssi",
    "resurssiosuus-tyovoimaviranomainen",
    "resurssiosuus-hyvinvointialue",
    "resurssiosuus-kela",
]


def load_definitions() -> dict[str, IndicatorDefinition]:
    """Created once by key: a definition KEHA has changed since is left as it is."""
    loaded = {}
    for key, order, kind, unit, period_type, source, names, counted, method in DEFINITIONS:
        definition, _created = IndicatorDefinition.objects.get_or_create(
            key=key,
            defaults={
                "sort_order": order,
                "kind": kind,
                "unit": unit,
                "period_type": period_type,
                "source": source,
                "name_fi": names[0],
                "name_sv": names[1],
                "name_en": names[2],
                "counted_fi": counted[0],
                "counted_sv": counted[1],
                "counted_en": counted[2],
                "method_fi": method[0],
                "method_sv": method[1],
                "method_en": method[2],
                "is_demo": True,
            },
        )
        loaded[key] = definition
    return loaded


def _recorder(network: Network):
    membership = (
        Membership.objects.filter(
            network=network, role=Membership.Role.ADMIN, status=Membership.Status.APPROVED
        )
        .select_related("user")
        .first()
    )
    if membership is not None:
        return membership.user
    return get_user_model().objects.filter(email=demo_email("admin"), is_superuser=True).first()


def load_figures(definitions: dict[str, IndicatorDefinition]) -> int:
    """The figures not stored yet (a figure a network's admin has entered is kept)."""
    saved = 0
    for network in Network.objects.filter(slug__in=QUARTERLY):
        recorder = _recorder(network)
        if recorder is None:
            continue
        stored = set(network.indicator_figures.values_list("definition_id", "year", "number"))
        entries = []
        for quarter, values in enumerate(QUARTERLY[network.slug], start=1):
            if values is None:
                continue
            for key, value in zip(QUARTERLY_KEYS, values, strict=True):
                entries.append(
                    Entry(definitions[key], Period(DEMO_YEAR, quarter, PeriodType.QUARTER), Decimal(value))
                )
        for key, yearly in zip(YEARLY_KEYS, YEARLY[network.slug], strict=True):
            entries.append(
                Entry(definitions[key], Period(DEMO_YEAR, 1, PeriodType.YEAR), Decimal(str(yearly)))
            )
        new = [
            entry
            for entry in entries
            if (entry.definition.pk, entry.period.year, entry.period.number) not in stored
        ]
        if new:
            saved += record_figures(recorder, network, new, is_demo=True)
    return saved


def load_indicators_demo(stdout=None) -> None:
    definitions = load_definitions()
    saved = load_figures(definitions)
    if stdout is not None:
        stdout.write(f"  indicator definitions: {len(definitions)}, demo figures stored: {saved}")
