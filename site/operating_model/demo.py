"""Demo content of the responsibility register: the parties, the client-process tasks with
the national baseline (grounded in the TYM law, 381/2023), and the local agreements of the four
demo networks, each with a deviation or two and its reason.

Written for the demo from what the operating-model description of one employment area and the
report on the division of work after the 2023 reforms say; no names of real people. Re-running
it updates the parties, tasks and baseline, and adds the agreements only where a network has
none yet.
"""

import datetime

from django.db import transaction

from knowledge.models import LawSection
from typ_site.networks.models import Membership, Network

from .models import BaselineCell, ClientProcessTask, Involvement, Party
from .selectors import national_baseline
from .services import AgreedCell, record_agreement

RESP, PART, INFO, NONE = (
    Involvement.RESPONSIBLE,
    Involvement.TAKES_PART,
    Involvement.INFORMED,
    Involvement.NONE,
)

# key, short name, fi, sv, en
PARTIES = [
    (
        "employment-authority",
        "Työllisyysalue",
        "Työvoimaviranomainen (kunnan työllisyysalue)",
        "Arbetskraftsmyndigheten (kommunens sysselsättningsområde)",
        "Employment authority (municipal employment area)",
    ),
    (
        "social-work",
        "HVA sosiaalityö",
        "Hyvinvointialue: sosiaalityö ja -ohjaus",
        "Välfärdsområdet: socialt arbete och handledning",
        "Wellbeing services county: social work",
    ),
    (
        "health-care",
        "HVA terveys",
        "Hyvinvointialue: terveydenhuolto",
        "Välfärdsområdet: hälso- och sjukvård",
        "Wellbeing services county: health care",
    ),
    ("kela", "Kela", "Kela", "FPA", "Kela (the Social Insurance Institution)"),
    ("municipality", "Kunta", "Kunta", "Kommunen", "Municipality"),
]

PARTY_KEYS = [party[0] for party in PARTIES]

# The column headings in Swedish and English: party key -> (sv, en).
PARTY_ABBREVIATIONS = {
    "employment-authority": ("Sysselsättningsomr.", "Employment area"),
    "social-work": ("VO socialt arbete", "County social work"),
    "health-care": ("VO hälsa", "County health care"),
    "kela": ("FPA", "Kela"),
    "municipality": ("Kommunen", "Municipality"),
}

# Baseline notes in Swedish and English: (task key, party key) -> (sv, en). A note without
# a translation is shown in Finnish.
NOTE_TRANSLATIONS = {
    ("need-identification", "employment-authority"): (
        "Bedömer om sysselsättningen förutsätter att tjänsterna samordnas.",
        "Assesses whether finding work calls for coordinating the services.",
    ),
    ("need-identification", "social-work"): (
        "Hänvisar klienten när behovet upptäcks inom det sociala arbetet.",
        "Refers the client when social work notices the need.",
    ),
    ("need-identification", "kela"): (
        "Hänvisar klienten när behovet upptäcks i förmånsärenden.",
        "Refers the client when the need shows in benefit matters.",
    ),
}

# The tasks' descriptions in Swedish and English: task key -> (sv, en).
DESCRIPTION_TRANSLATIONS = {
    "need-identification": (
        "Vilken part som helst i samarbetet kan märka att en arbetslös behöver tjänster från "
        "flera organisationer för att få arbete, och hänvisa personen till samarbetet.",
        "Any party to the cooperation may notice that an unemployed person needs the services of "
        "several organisations to find work, and refer them to the joint service.",
    ),
    "initial-mapping": (
        "Kundrelationen börjar när bedömningen av servicebehovet inleds, och den inledande "
        "kartläggningen är bedömningens första steg. Klienten får veta hur samarbetet och "
        "uppgiftsutbytet går till.",
        "The client relationship starts when the service-need assessment begins, and the initial "
        "mapping is its first step. The client is told how the cooperation and the exchange of "
        "information work.",
    ),
    "service-need-assessment": (
        "Kunnande, social situation, hälsa samt arbets- och funktionsförmåga utreds tillsammans "
        "med klienten inom den tid som lagen anger.",
        "Skills, social situation, health and capacity for work and daily life are looked into "
        "together with the client within the time the law sets.",
    ),
    "shared-records": (
        "Bedömningar och planer dokumenteras i det gemensamma systemet; varje organisation "
        "dokumenterar dessutom i sina egna system enligt sina egna anvisningar.",
        "Assessments and plans go into the shared system; each organisation also records them in "
        "its own systems as its own instructions require.",
    ),
    "employment-plan": (
        "I planen kommer man överens om arbetskrafts-, social-, hälso- och rehabiliteringstjänster "
        "och om hur det följs upp att de genomförs.",
        "The plan sets out the employment, social, health and rehabilitation services agreed on, "
        "and how their delivery is followed up.",
    ),
    "plan-follow-up": (
        "Att de överenskomna tjänsterna genomförs följs upp enligt klientens behov, vid möten på "
        "plats eller på distans.",
        "Whether the agreed services take place is followed up as the client needs, in person or remotely.",
    ),
    "plan-review": (
        "Planen ses över så ofta som den arbetslösas servicebehov kräver, i första hand vid ett "
        "möte på plats.",
        "The plan is reviewed as often as the unemployed person's service needs call for, "
        "preferably when meeting in person.",
    ),
    "rehabilitative-work-activity": (
        "Sedan 2023 ansvarar välfärdsområdet för att ordna verksamheten. Det kan producera den "
        "själv eller köpa den till exempel av kommuner eller organisationer, men inte av företag.",
        "Since 2023 the wellbeing services county is responsible for arranging the activity. It "
        "may run it itself or buy it from, for example, municipalities or associations, but not "
        "from companies.",
    ),
    "work-ability": (
        "Utredning av arbets- och funktionsförmågan, hälsokontroller och hänvisning till vård.",
        "Looking into capacity for work and daily life, health checks and referral to treatment.",
    ),
    "kela-services": (
        "Rehabilitering som stärker arbets- och funktionsförmågan samt rådgivning om FPA:s förmåner.",
        "Rehabilitation that supports capacity for work and daily life, and advice on Kela's benefits.",
    ),
    "final-assessment": (
        "Kundrelationen upphör när tjänsterna inte längre behöver samordnas. Varje part "
        "dokumenterar sitt eget perspektiv i slutbedömningen.",
        "The client relationship ends when the services no longer need coordinating. Each party "
        "records its own view in the final assessment.",
    ),
    "continuation": (
        "När kundrelationen upphör säkerställer man, tillsammans med den som fortsätter arbetet, "
        "att klienten hänvisas till rätt tjänster.",
        "When the client relationship ends, the parties make sure together with whoever takes the "
        "work on that the client is guided to the right services.",
    ),
}

# key, (fi, sv, en), description in Finnish, law sections of 381/2023,
# baseline per party in PARTY_KEYS order as (involvement, note)
TASKS = [
    (
        "need-identification",
        (
            "Monialaisen tuen tarpeen tunnistaminen",
            "Att identifiera behovet av sektorsövergripande stöd",
            "Identifying the need for multi-sector support",
        ),
        "Kuka tahansa yhteistoiminnan osapuolista voi huomata, että työttömän työllistyminen "
        "vaatii usean organisaation palvelujen yhteensovittamista, ja ohjata hänet palveluun.",
        ["3"],
        [
            (RESP, "Arvioi, edellyttääkö työllistyminen palvelujen yhteensovittamista."),
            (PART, "Ohjaa asiakkaan, kun sosiaalityössä havaitaan tarve."),
            (INFO, ""),
            (PART, "Ohjaa asiakkaan, kun etuusasioinnissa havaitaan tarve."),
            (NONE, ""),
        ],
    ),
    (
        "initial-mapping",
        (
            "Asiakkuuden alkaminen ja alkukartoitus",
            "Kundrelationens början och inledande kartläggning",
            "Start of the client relationship and initial mapping",
        ),
        "Asiakkuus alkaa, kun palvelutarpeen arviointi käynnistyy; alkukartoitus on arvioinnin "
        "ensimmäinen vaihe. Asiakkaalle kerrotaan yhteistoiminnasta ja tietojen vaihdosta.",
        ["4", "11"],
        [
            (RESP, "Kutsuu ensimmäiseen tapaamiseen ja kirjaa asiakkuuden alkaneeksi."),
            (PART, "Tapaa asiakkaan yhdessä työvoimaviranomaisen kanssa tai erikseen."),
            (INFO, ""),
            (INFO, ""),
            (NONE, ""),
        ],
    ),
    (
        "service-need-assessment",
        (
            "Palvelutarpeen arviointi",
            "Bedömning av servicebehovet",
            "Service-need assessment",
        ),
        "Osaaminen, sosiaalinen tilanne, terveys sekä työ- ja toimintakyky selvitetään yhdessä "
        "asiakkaan kanssa lain määräämän ajan kuluessa.",
        ["4", "11"],
        [
            (RESP, "Vähintään yksi henkilökohtainen tapaaminen."),
            (PART, "Sosiaaliohjaaja tapaa asiakkaan henkilökohtaisesti."),
            (PART, "Terveydenhoitaja arvioi, jos työ- tai toimintakyvyssä on selvitettävää."),
            (
                PART,
                "Arvioi ensin omien asiakastietojensa perusteella ja kirjaa havaintonsa "
                "yhteiseen järjestelmään.",
            ),
            (NONE, ""),
        ],
    ),
    (
        "shared-records",
        (
            "Kirjaaminen yhteiseen asiakastietojärjestelmään",
            "Dokumentation i det gemensamma klientdatasystemet",
            "Recording in the shared client information system",
        ),
        "Arviot ja suunnitelmat kirjataan yhteiseen järjestelmään; kukin organisaatio kirjaa "
        "lisäksi omiin järjestelmiinsä omien ohjeidensa mukaan.",
        ["11"],
        [
            (RESP, "Huolehtii, että yhteinen kirjaus on ajan tasalla."),
            (PART, ""),
            (PART, ""),
            (PART, ""),
            (NONE, ""),
        ],
    ),
    (
        "employment-plan",
        (
            "Monialaisen työllistymissuunnitelman laatiminen",
            "Att utarbeta den sektorsövergripande sysselsättningsplanen",
            "Drawing up the multi-sector employment plan",
        ),
        "Suunnitelmaan sovitaan työvoima-, sosiaali-, terveys- ja kuntoutuspalvelut ja se, miten "
        "niiden toteutumista seurataan.",
        ["4"],
        [
            (RESP, "Laatii suunnitelman yhdessä asiakkaan ja hyvinvointialueen kanssa."),
            (PART, "Laatii suunnitelman yhdessä työvoimaviranomaisen kanssa."),
            (PART, "Sovittujen terveyspalvelujen osalta."),
            (PART, "Jos asiakas tarvitsee Kelan kuntoutusta."),
            (NONE, ""),
        ],
    ),
    (
        "plan-follow-up",
        ("Suunnitelman toteutumisen seuranta", "Uppföljning av planen", "Following the plan through"),
        "Sovittujen palvelujen toteutumista seurataan asiakkaan tarpeen mukaan, lähitapaamisin "
        "tai etäyhteyksin.",
        ["4"],
        [
            (RESP, ""),
            (PART, "Omien palvelujensa osalta."),
            (INFO, ""),
            (INFO, "Seuraa omien kuntoutuspalvelujensa etenemistä."),
            (NONE, ""),
        ],
    ),
    (
        "plan-review",
        ("Suunnitelman tarkistaminen", "Översyn av planen", "Reviewing the plan"),
        "Suunnitelma tarkistetaan niin kuin työttömän palvelutarve edellyttää, ensisijaisesti "
        "lähitapaamisessa.",
        ["4"],
        [
            (RESP, "Huolehtii, että tarkistus tehdään palvelutarpeen mukaan."),
            (PART, "Järjestämisvastuullaan olevien palvelujen osalta."),
            (PART, "Järjestämisvastuullaan olevien palvelujen osalta."),
            (PART, "Kuntoutuspalvelujen osalta."),
            (NONE, ""),
        ],
    ),
    (
        "rehabilitative-work-activity",
        (
            "Kuntouttavan työtoiminnan järjestäminen",
            "Att ordna arbetsverksamhet i rehabiliteringssyfte",
            "Arranging rehabilitative work activity",
        ),
        "Vuodesta 2023 järjestämisvastuu on hyvinvointialueella, joka voi tuottaa toiminnan itse "
        "tai hankkia sen esimerkiksi kunnilta tai järjestöiltä, ei yrityksiltä.",
        [],
        [
            (INFO, "Toiminta voi sisältyä monialaiseen suunnitelmaan."),
            (RESP, ""),
            (NONE, ""),
            (NONE, ""),
            (INFO, "Voi tuottaa toimintaa sopimuksella hyvinvointialueen kanssa."),
        ],
    ),
    (
        "work-ability",
        (
            "Terveyspalvelut ja työkyvyn arviointi",
            "Hälsotjänster och bedömning av arbetsförmågan",
            "Health services and work-ability assessment",
        ),
        "Työ- ja toimintakyvyn selvittäminen, terveystarkastukset ja hoitoon ohjaus.",
        ["4"],
        [
            (INFO, ""),
            (INFO, ""),
            (RESP, "Nimetty terveydenhoitaja seuraa asiakkaan etenemistä terveydenhuollossa."),
            (PART, "Kuntoutuksen ja työkykyetuuksien osalta."),
            (NONE, ""),
        ],
    ),
    (
        "kela-services",
        (
            "Kelan kuntoutus ja etuusneuvonta",
            "FPA:s rehabilitering och förmånsrådgivning",
            "Kela's rehabilitation and benefit advice",
        ),
        "Työ- ja toimintakykyä edistävä kuntoutus sekä neuvonta Kelan etuuksista.",
        ["4"],
        [(INFO, ""), (INFO, ""), (INFO, ""), (RESP, "Palvelupisteessä tai etäyhteydellä."), (NONE, "")],
    ),
    (
        "final-assessment",
        (
            "Loppuarvio ja asiakkuuden päättäminen",
            "Slutbedömning och avslutande av kundrelationen",
            "Final assessment and ending the client relationship",
        ),
        "Asiakkuus päättyy, kun palvelujen yhteensovittamisen tarvetta ei enää ole. Kukin "
        "osapuoli kirjaa loppuarvioon oman näkökulmansa.",
        ["3"],
        [
            (RESP, "Kokoaa loppuarvion yhteiseen järjestelmään."),
            (PART, "Kirjaa loppuarvioon oman näkökulmansa."),
            (PART, "Kirjaa loppuarvioon oman näkökulmansa."),
            (PART, "Kirjaa loppuarvioon oman näkökulmansa."),
            (NONE, ""),
        ],
    ),
    (
        "continuation",
        ("Jatkopolun varmistaminen", "Att säkra fortsättningen", "Securing what comes next"),
        "Kun asiakkuus päättyy, asiakkaan ohjaus oikeisiin palveluihin varmistetaan yhdessä sen "
        "tahon kanssa, joka jatkaa työskentelyä.",
        ["3"],
        [
            (RESP, "Ellei asiakas siirry toisen osapuolen palveluun: silloin vastuu on sillä."),
            (PART, ""),
            (PART, ""),
            (PART, ""),
            (INFO, ""),
        ],
    ),
]

MEETINGS_NOTE = (
    "Tapaamiset ensisijaisesti toimi- ja asiointipisteissä; tarvittaessa monitoimijainen etäkonsultaatio."
)

# network slug -> versions: (confirmed on, what changed, {(task key, party key): (involvement, note, reason)})
AGREEMENTS = {
    "satakunta": [
        (
            datetime.date(2025, 2, 11),
            "Ensimmäinen TYM-lain mukainen vastuunjako.",
            {
                ("service-need-assessment", "employment-authority"): (
                    RESP,
                    MEETINGS_NOTE,
                    "",
                ),
            },
        ),
        (
            datetime.date(2025, 9, 9),
            "Terveydenhoitaja seuraa suunnitelmaa sote-keskusalueittain.",
            {
                ("service-need-assessment", "employment-authority"): (
                    RESP,
                    MEETINGS_NOTE,
                    "",
                ),
                ("plan-follow-up", "health-care"): (
                    PART,
                    "",
                    "Jokaiselle sote-keskusalueelle on nimetty terveydenhoitaja, joka seuraa "
                    "asiakkaan etenemistä.",
                ),
            },
        ),
    ],
    "pohjois-karjala": [
        (
            datetime.date(2025, 3, 18),
            "Työkyvyn selvittämisen yhteinen prosessikuvaus otettiin käyttöön.",
            {
                ("work-ability", "employment-authority"): (
                    PART,
                    "",
                    "Työkyvyn selvittämisen prosessi on kuvattu yhdessä, ja työllisyysalueen "
                    "asiantuntija osallistuu arviointiin.",
                ),
            },
        ),
    ],
    "kymenlaakso": [
        (
            datetime.date(2025, 4, 2),
            "Kuntien ja hyvinvointialueen yhteistyösopimus kirjattiin vastuunjakoon.",
            {
                ("rehabilitative-work-activity", "municipality"): (
                    PART,
                    "",
                    "Yhteistyösopimuksen mukaan kunnat tarjoavat työympäristöt ja hyvinvointialue "
                    "asiakkaan tuen.",
                ),
            },
        ),
    ],
    "pohjois-pohjanmaa": [
        (
            datetime.date(2025, 5, 20),
            "Työttömien terveystarkastus osaksi tarpeen tunnistamista.",
            {
                ("need-identification", "health-care"): (
                    PART,
                    "",
                    "Työttömien terveystarkastuksessa tunnistetaan myös monialaisen tuen tarve.",
                ),
                ("plan-follow-up", "municipality"): (
                    INFO,
                    "",
                    "Kunnat saavat tiedon sovituista palveluista, koska ne järjestävät osan työpaikoista.",
                ),
            },
        ),
    ],
}


@transaction.atomic
def load_baseline() -> dict[str, ClientProcessTask]:
    parties = {}
    for order, (key, short_name, name_fi, name_sv, name_en) in enumerate(PARTIES):
        parties[key] = Party.objects.update_or_create(
            key=key,
            defaults={
                "short_name": short_name,
                "short_name_sv": PARTY_ABBREVIATIONS.get(key, ("", ""))[0],
                "short_name_en": PARTY_ABBREVIATIONS.get(key, ("", ""))[1],
                "name_fi": name_fi,
                "name_sv": name_sv,
                "name_en": name_en,
                "sort_order": order,
            },
        )[0]
    sections = {section.number: section for section in LawSection.objects.filter(statute__number="381/2023")}
    tasks = {}
    for order, (key, (name_fi, name_sv, name_en), description, section_numbers, cells) in enumerate(TASKS):
        task = ClientProcessTask.objects.update_or_create(
            key=key,
            defaults={
                "name_fi": name_fi,
                "name_sv": name_sv,
                "name_en": name_en,
                "description_fi": description,
                "description_sv": DESCRIPTION_TRANSLATIONS[key][0],
                "description_en": DESCRIPTION_TRANSLATIONS[key][1],
                "sort_order": order,
            },
        )[0]
        task.law_sections.set([sections[number] for number in section_numbers if number in sections])
        task.save()  # a cluster's many-to-many is written on save
        for party_key, (involvement, note) in zip(PARTY_KEYS, cells, strict=True):
            note_sv, note_en = NOTE_TRANSLATIONS.get((key, party_key), ("", ""))
            BaselineCell.objects.update_or_create(
                task=task,
                party=parties[party_key],
                defaults={"involvement": involvement, "note": note, "note_sv": note_sv, "note_en": note_en},
            )
        tasks[key] = task
    return tasks


def load_agreements() -> int:
    baseline = national_baseline()
    parties = {party.key: party for party in baseline.parties}
    recorded = 0
    for network in Network.objects.filter(slug__in=AGREEMENTS):
        if network.responsibility_agreements.exists():
            continue
        admin = (
            Membership.objects.filter(
                network=network, role=Membership.Role.ADMIN, status=Membership.Status.APPROVED
            )
            .select_related("user")
            .first()
        )
        if admin is None:
            continue
        for confirmed_on, change_note, changes in AGREEMENTS[network.slug]:
            cells = []
            for task in baseline.tasks:
                for party in baseline.parties:
                    involvement, note, reason = changes.get(
                        (task.key, party.key),
                        (
                            baseline.involvement(task.pk, party.pk),
                            "",
                            "",
                        ),
                    )
                    if (task.key, party.key) not in changes:
                        cell = baseline.cells.get((task.pk, party.pk))
                        note = cell.note if cell else ""
                    cells.append(AgreedCell(task.pk, parties[party.key].pk, involvement, note, reason))
            record_agreement(
                admin.user,
                network,
                confirmed_on=confirmed_on,
                change_note=change_note,
                cells=cells,
                baseline=baseline,
            )
            recorded += 1
    return recorded


def load_operating_model_demo(stdout=None) -> None:
    tasks = load_baseline()
    recorded = load_agreements()
    if stdout is not None:
        stdout.write(f"  client-process tasks: {len(tasks)}, agreement versions recorded: {recorded}")
