"""Demo induction paths in Finnish, linked to the knowledge demo's pages, and demo progress.
Their Swedish translations: `demo_swedish`.

Pages are looked up by slug, so running the demo again changes nothing that already exists.
All people are fictional.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page

from typ_site.core.demo import demo_email
from typ_site.core.models import HomePage

from .blocks import step_data
from .demo_swedish import create_swedish_induction
from .models import CompletedTask, Enrolment, InductionIndexPage, InductionPathPage
from .selectors import summarise
from .structure import path_structure

INDEX_INTRO = (
    "<p>Perehdytyspolut auttavat uutta työntekijää pääsemään sisään monialaiseen "
    "yhteistyöhön ennen vaativaa asiakastyötä. Valitse oman roolisi polku: näet, mitä kannattaa "
    "lukea, mitä tehdä ja kuinka pitkälle olet edennyt.</p>"
)


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message)


def _linked(*addresses: str) -> list[int]:
    """Ids of live pages addressed as "parent-slug/slug"; missing pages are left out."""
    ids = []
    for address in addresses:
        page = Page.objects.live().filter(url_path__endswith=f"/{address}/").order_by("path").first()
        if page is not None:
            ids.append(page.pk)
    return ids


GUIDANCE_PROCESS = "ohjeet/asiakasprosessi"
GUIDANCE_ROLES = "ohjeet/tyonjako"
GUIDANCE_ENDING = "ohjeet/asiakkuuden-paattaminen"
INTERPRETATION_ENDING = "tulkinnat/yhteensovittamisen-tarpeen-paattyminen"
INTERPRETATION_KELA = "tulkinnat/kelan-osallistuminen-suunnitelmaan"
INTERPRETATION_DATA = "tulkinnat/tietojen-vaihto-ilman-suostumusta"
INTERPRETATION_ENTRY = "tulkinnat/yhteensovittamisen-tarve-ohjautumisen-perusteena"
PRACTICE_INDUCTION = "kaytannot/perehdytys-ennen-asiakastyota"
PRACTICE_RUKKANEN = "satakunta/rukkanen-etakonsultaatio"
PRACTICE_NO_FOLLOW_UP = "satakunta/asiakkuus-paattyy-ilman-jatkopolkua"
PRACTICE_PATH_CHART = "pohjois-pohjanmaa/tyollistymisen-tuen-polku-kaaviona"
PRACTICE_HEALTH_CHECKS = "pohjois-pohjanmaa/tyottomien-terveystarkastukset"
PRACTICE_AGREEMENT = "kymenlaakso/yhteistyosopimus-hyvinvointialue-kunnat"
PRACTICE_WORK_ABILITY = "pohjois-karjala/tyokyvyn-selvittaminen-kuvattuna"
PRACTICE_CHANGING_CONTACT = "pohjois-karjala/vaihtuva-yhteyshenkilo"
PRACTICE_STRUCTURES = "kaytannot/yhdyspintatyon-rakenteet-kolmella-alueella"
NETWORKS = "etusivu/verkostot"


def _paths() -> list[dict]:
    return [
        {
            "slug": "tyovoimaviranomaisen-asiantuntija",
            "title": "Työvoimaviranomaisen asiantuntijan perehdytyspolku",
            "intro": "Uudelle työllisyysalueen asiantuntijalle, joka aloittaa monialaisessa "
            "yhteistoiminnassa. Polku kulkee asiakkaan palvelun järjestyksessä.",
            "target_role": "expert",
            "target_organisation_type": "te",
            "steps": [
                step_data(
                    "Miksi monialaista yhteistoimintaa tehdään",
                    "Tiedät, keille palvelu on tarkoitettu ja mitä TYM-laki edellyttää kolmelta "
                    "yhteistyötaholta.",
                    [
                        "Lue TYM-lain (381/2023) 1–4 § ja kirjaa ylös kohdat, joista haluat kysyä",
                        "Lue asiakasprosessin ohje kokonaan",
                        "Tutustu oman verkostosi sivuun ja palvelupisteisiin",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, INTERPRETATION_ENTRY, NETWORKS, PRACTICE_INDUCTION),
                    minutes=90,
                ),
                step_data(
                    "Kuka vastaa mistäkin",
                    "Osaat kertoa, mitkä tehtävät kuuluvat työvoimaviranomaiselle, mitkä "
                    "hyvinvointialueelle ja mitkä Kelalle.",
                    [
                        "Käy työnjakotaulukko läpi perehdyttäjäsi kanssa",
                        "Kirjaa itsellesi, mitkä vaiheet ovat sinun vastuullasi",
                        "Selvitä, milloin Kela osallistuu suunnitelmaan",
                    ],
                    reading=_linked(GUIDANCE_ROLES, INTERPRETATION_KELA),
                    minutes=60,
                ),
                step_data(
                    "Palvelutarpeen arviointi työparina",
                    "Tiedät, miten arviointi tehdään yhdessä sosiaaliohjaajan kanssa ja mitä "
                    "tietoja saa vaihtaa.",
                    [
                        "Seuraa yhtä yhteistä palvelutarpeen arviointia kokeneen työparin rinnalla",
                        "Tapaa verkostosi terveydenhoitaja ja sovi, miten konsultoitte toisianne",
                        "Kertaa, mitä tietoja saa vaihtaa ilman asiakkaan suostumusta",
                    ],
                    reading=_linked(INTERPRETATION_DATA, PRACTICE_RUKKANEN, PRACTICE_HEALTH_CHECKS),
                    minutes=240,
                ),
                step_data(
                    "Monialainen työllistymissuunnitelma",
                    "Osaat laatia suunnitelman, jossa jokaisen palvelun vastuutaho on "
                    "nimetty, ja sovit sen tarkistamisesta.",
                    [
                        "Laadi yksi suunnitelma kollegan tuella",
                        "Sovi suunnitelman seuraava tarkistus asiakkaan palvelutarpeen mukaan",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, PRACTICE_PATH_CHART),
                    minutes=120,
                ),
                step_data(
                    "Loppuarvio ja jatkopolku",
                    "Tiedät, milloin asiakkuus voidaan päättää ja miten jatko varmistetaan.",
                    [
                        "Lue ohje asiakkuuden päättämisestä",
                        "Käy yksi loppuarvio läpi perehdyttäjäsi kanssa",
                        "Selvitä, kuka verkostossasi varmistaa, että jatkopalvelu alkaa",
                    ],
                    reading=_linked(GUIDANCE_ENDING, INTERPRETATION_ENDING, PRACTICE_NO_FOLLOW_UP),
                    minutes=60,
                ),
            ],
        },
        {
            "slug": "sosiaaliohjaaja",
            "title": "Sosiaaliohjaajan perehdytyspolku",
            "intro": "Hyvinvointialueen sosiaaliohjaajalle, joka tulee työpariksi "
            "työvoimaviranomaisen asiantuntijalle.",
            "target_role": "expert",
            "target_organisation_type": "hva",
            "steps": [
                step_data(
                    "Palvelu ja sen asiakkaat",
                    "Ymmärrät, millaisille asiakkaille palvelu on tarkoitettu ja mistä asiakkuus alkaa.",
                    [
                        "Lue asiakasprosessin ohje",
                        "Lue tulkinta siitä, voiko asiakkuuden aloittaa, kun työttömyys on "
                        "kestänyt vasta vähän aikaa",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, INTERPRETATION_ENTRY),
                    minutes=60,
                ),
                step_data(
                    "Sosiaaliohjaajan osuus arvioinnissa",
                    "Tiedät, mitä sosiaalihuollon näkökulma tuo palvelutarpeen arviointiin.",
                    [
                        "Käy työnjakotaulukko läpi työparisi kanssa",
                        "Osallistu kahteen yhteiseen asiakastapaamiseen",
                    ],
                    reading=_linked(GUIDANCE_ROLES),
                    minutes=180,
                ),
                step_data(
                    "Tietojen vaihto ja kirjaaminen",
                    "Osaat arvioida, mitkä tiedot ovat välttämättömiä yhteistyön kannalta, ja "
                    "kirjaat ne oikeisiin järjestelmiin.",
                    [
                        "Lue tulkinta tietojen vaihdosta ilman suostumusta",
                        "Pyydä perehdyttäjää näyttämään, mitä yhteiseen järjestelmään kirjataan",
                    ],
                    reading=_linked(INTERPRETATION_DATA),
                    minutes=60,
                ),
                step_data(
                    "Työ- ja toimintakyvyn tuki",
                    "Tunnet keinot, joilla työkyvyn selvittäminen ja kuntouttava työtoiminta "
                    "käynnistyvät ajoissa.",
                    [
                        "Tapaa verkostosi terveydenhoitaja",
                        "Selvitä, missä kuntouttavan työtoiminnan paikat alueellasi ovat",
                        "Lue, miten Pohjois-Karjalassa työkyvyn selvittäminen kuvattiin",
                    ],
                    reading=_linked(PRACTICE_WORK_ABILITY, PRACTICE_HEALTH_CHECKS, PRACTICE_AGREEMENT),
                    minutes=120,
                ),
                step_data(
                    "Pysyvä työpari ja asiakkuuden päättäminen",
                    "Tiedät, miksi pysyvä vastinpari on tärkeä ja miten asiakas siirtyy "
                    "seuraavaan palveluun.",
                    [
                        "Sovi pysyvä työpari työvoimaviranomaisen asiantuntijan kanssa",
                        "Lue ohje asiakkuuden päättämisestä",
                    ],
                    reading=_linked(PRACTICE_CHANGING_CONTACT, GUIDANCE_ENDING),
                    minutes=45,
                ),
            ],
        },
        {
            "slug": "kelan-asiantuntija",
            "title": "Kelan asiantuntijan perehdytyspolku",
            "intro": "Kelan asiantuntijalle, joka osallistuu verkoston työhön usein usean "
            "alueen yhteyshenkilönä.",
            "target_role": "expert",
            "target_organisation_type": "kela",
            "steps": [
                step_data(
                    "Verkostot, joissa olet mukana",
                    "Tunnet verkostojesi toimintamallit ja yhteyshenkilöt.",
                    [
                        "Tutustu jokaisen verkostosi sivuun",
                        "Esittäydy verkostojen TYP-johtajille",
                    ],
                    reading=_linked(NETWORKS),
                    minutes=60,
                ),
                step_data(
                    "Kelan rooli asiakasprosessissa",
                    "Tiedät, missä vaiheissa Kela on mukana ja mitä se kirjaa.",
                    [
                        "Lue asiakasprosessin ohje",
                        "Lue tulkinta Kelan osallistumisesta suunnitelmaan",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, INTERPRETATION_KELA),
                    minutes=60,
                ),
                step_data(
                    "Arviointi Kelan tietojen perusteella",
                    "Osaat arvioida palvelutarvetta Kelan asiakastietojen pohjalta ja kirjata "
                    "olennaisen yhteiseen järjestelmään.",
                    [
                        "Tee yksi arvio kokeneen kollegan kanssa",
                        "Kertaa, mitä tietoja saa vaihtaa ilman suostumusta",
                    ],
                    reading=_linked(INTERPRETATION_DATA, GUIDANCE_ROLES),
                    minutes=90,
                ),
                step_data(
                    "Kuntoutus osana suunnitelmaa",
                    "Tunnistat asiakkaat, joiden suunnitelmaan tarvitaan Kelan kuntoutusta.",
                    [
                        "Käy läpi Kelan ammatillisen kuntoutuksen vaihtoehdot perehdyttäjäsi kanssa",
                        "Osallistu yhteen etäkonsultaatioon",
                    ],
                    reading=_linked(PRACTICE_RUKKANEN),
                    minutes=120,
                ),
                step_data(
                    "Asiakkuuden päättyminen",
                    "Tiedät, milloin yhteensovittamisen tarve päättyy ja mitä Kela tekee loppuarviossa.",
                    ["Lue ohje asiakkuuden päättämisestä ja siihen liittyvä tulkinta"],
                    reading=_linked(GUIDANCE_ENDING, INTERPRETATION_ENDING),
                    minutes=30,
                ),
            ],
        },
        {
            "slug": "terveydenhoitaja",
            "title": "Terveydenhoitajan perehdytyspolku",
            "intro": "Hyvinvointialueen terveydenhoitajalle, joka tuo terveydenhuollon "
            "näkökulman monialaiseen yhteistyöhön.",
            "target_role": "expert",
            "target_organisation_type": "hva",
            "steps": [
                step_data(
                    "Terveydenhuolto osana monialaista prosessia",
                    "Tiedät, miksi terveydentila sekä työ- ja toimintakyky kuuluvat "
                    "palvelutarpeen arviointiin ja kuka vastaa mistäkin vaiheesta.",
                    [
                        "Lue asiakasprosessin ohje",
                        "Käy työnjakotaulukko läpi verkostosi sosiaaliohjaajan kanssa",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, GUIDANCE_ROLES),
                    minutes=60,
                ),
                step_data(
                    "Mitä tietoja jaetaan",
                    "Osaat arvioida, mitkä terveystiedot ovat välttämättömiä yhteistyön "
                    "kannalta, ja kerrot asiakkaalle, mitä tietoja vaihdetaan.",
                    [
                        "Lue tulkinta tietojen vaihdosta ilman suostumusta",
                        "Sovi sosiaaliohjaajan ja työvoimaviranomaisen asiantuntijan kanssa, miten "
                        "konsultoitte toisianne",
                    ],
                    reading=_linked(INTERPRETATION_DATA),
                    minutes=45,
                ),
                step_data(
                    "Oman verkostosi terveyspolku",
                    "Tunnet tavan, jolla verkostosi tuo terveydenhuollon arviointiin: esimerkiksi "
                    "nimetty terveydenhoitaja tai työttömien terveystarkastus.",
                    [
                        "Lue oman verkostosi sivu ja sen toimintamalli",
                        "Selvitä, kuka verkostossasi seuraa asiakkaan etenemistä terveydenhuollossa",
                    ],
                    reading=_linked(NETWORKS, PRACTICE_HEALTH_CHECKS, PRACTICE_RUKKANEN),
                    minutes=60,
                ),
                step_data(
                    "Kuntoutus ja kuntouttava työtoiminta",
                    "Tunnet Kelan kuntoutuksen ja hyvinvointialueen kuntouttavan työtoiminnan "
                    "paikan asiakkaan suunnitelmassa.",
                    [
                        "Lue tulkinta Kelan osallistumisesta suunnitelmaan",
                        "Selvitä, miten alueellasi ohjataan kuntouttavaan työtoimintaan",
                    ],
                    reading=_linked(INTERPRETATION_KELA, PRACTICE_AGREEMENT),
                    minutes=45,
                ),
                step_data(
                    "Loppuarvio ja jatko",
                    "Tiedät, mitä kirjaat loppuarvioon terveydenhuollon näkökulmasta ja miten "
                    "asiakkaan hoito jatkuu.",
                    [
                        "Lue ohje asiakkuuden päättämisestä",
                        "Käy yksi loppuarvio läpi perehdyttäjäsi kanssa",
                    ],
                    reading=_linked(GUIDANCE_ENDING),
                    minutes=45,
                ),
            ],
        },
        {
            "slug": "johtoryhman-jasen",
            "title": "Verkoston johtoryhmän jäsenen perehdytyspolku",
            "intro": "Uudelle TYP- tai TYM-verkoston johtoryhmän jäsenelle: johtoryhmän "
            "tehtävä, laki ja vastuunjako sekä tieto johtamisen tukena.",
            "target_role": "management_group",
            "target_organisation_type": "",
            "steps": [
                step_data(
                    "Johtoryhmän tehtävä",
                    "Tiedät, mitä verkoston johtoryhmä tekee ja miten se eroaa "
                    "valtakunnallisesta ohjausryhmästä (vuodesta 2025 neuvottelukunnan "
                    "jaostosta).",
                    [
                        "Lue oman verkostosi sivu",
                        "Selvitä, keitä johtoryhmääsi kuuluu ja mitä organisaatioita he edustavat",
                    ],
                    reading=_linked(NETWORKS, PRACTICE_STRUCTURES),
                    minutes=45,
                ),
                step_data(
                    "Laki ja vastuunjako",
                    "Tunnet lain 381/2023 pääkohdat ja sen, miten vastuut jakautuvat "
                    "työvoimaviranomaisen, hyvinvointialueen ja Kelan kesken.",
                    [
                        "Lue asiakasprosessin ohje ja työnjakotaulukko",
                        "Lue tulkinta Kelan osallistumisesta suunnitelmaan",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, GUIDANCE_ROLES, INTERPRETATION_KELA),
                    minutes=60,
                ),
                step_data(
                    "Tieto johtamisen tukena",
                    "Osaat käyttää verkoston tilastoja ja kehittämistarpeita johtoryhmän päätösten pohjana.",
                    [
                        "Käy verkoston tilastot läpi TYP-johtajan kanssa",
                        "Tutustu kansallisiin kehittämistarpeisiin ja avoimeen äänestykseen",
                    ],
                    reading=_linked(PRACTICE_STRUCTURES),
                    minutes=45,
                ),
                step_data(
                    "Asiakkuuden alku ja loppu",
                    "Tiedät, millä perusteella asiakkuus alkaa ja päättyy, ja osaat viedä "
                    "verkoston käytännöt johtoryhmän keskusteluun.",
                    [
                        "Lue tulkinta yhteensovittamisen tarpeesta ohjautumisen perusteena",
                        "Käy johtoryhmässä läpi, miten verkostossa todetaan asiakkuuden alku ja loppu",
                    ],
                    reading=_linked(INTERPRETATION_ENTRY, GUIDANCE_ENDING),
                    minutes=45,
                ),
                step_data(
                    "Henkilöstön perehdytys",
                    "Varmistat, ettei uusi työntekijä aloita vaativalla asiakastyöllä ilman perehdytystä.",
                    [
                        "Sovi, kuka verkostossa seuraa uusien työntekijöiden perehdytystä",
                    ],
                    reading=_linked(PRACTICE_INDUCTION),
                    minutes=30,
                ),
            ],
        },
        {
            "slug": "esihenkilo",
            "title": "Esihenkilön ja TYP-johtajan perehdytyspolku",
            "intro": "Esihenkilölle, joka vastaa verkoston työstä ja uusien työntekijöiden "
            "perehdyttämisestä.",
            "target_role": "supervisor",
            "target_organisation_type": "",
            "steps": [
                step_data(
                    "Laki ja yhteistoimintamalli",
                    "Tunnet TYM-lain velvoitteet ja oman alueesi toimintamallin.",
                    [
                        "Lue TYM-lain (381/2023) keskeiset pykälät",
                        "Lue oman verkostosi toimintamallin kuvaus",
                    ],
                    reading=_linked(GUIDANCE_PROCESS, NETWORKS),
                    minutes=90,
                ),
                step_data(
                    "Työnjako ja sopimukset",
                    "Tiedät, mitä organisaatioiden kesken on sovittu ja missä sopimukset ovat.",
                    [
                        "Käy työnjako läpi hyvinvointialueen ja Kelan esihenkilöiden kanssa",
                        "Lue Kymenlaakson yhteistyösopimuksen kuvaus",
                    ],
                    reading=_linked(GUIDANCE_ROLES, PRACTICE_AGREEMENT),
                    minutes=90,
                ),
                step_data(
                    "Uuden työntekijän perehdytys",
                    "Osaat järjestää perehdytyksen niin, ettei uusi työntekijä aloita suoraan "
                    "vaativalla asiakastyöllä.",
                    [
                        "Nimeä jokaiselle uudelle työntekijälle perehdyttäjä",
                        "Seuraa tiimisi etenemistä perehdytyspoluilla",
                    ],
                    reading=_linked(PRACTICE_INDUCTION, PRACTICE_PATH_CHART),
                    minutes=45,
                ),
                step_data(
                    "Yhteiset foorumit",
                    "Tiedät, missä verkoston johtoryhmä linjaa yhteistyötä ja mikä on valtakunnallisen "
                    "ohjausryhmän (vuodesta 2025 neuvottelukunnan jaoston) tehtävä.",
                    [
                        "Osallistu verkoston johtoryhmän kokoukseen",
                        "Sovi verkoston yhteisistä työskentelypäivistä",
                    ],
                    reading=_linked(PRACTICE_WORK_ABILITY),
                    minutes=120,
                ),
                step_data(
                    "Laatu ja asiakkuuksien päättäminen",
                    "Varmistat, että asiakkuudet päätetään hallitusti ja jatko on sovittu.",
                    [
                        "Lue ohje ja tulkinta asiakkuuden päättämisestä",
                        "Tarkista, että loppuarviopohjassa on kohta jatkon vastuuhenkilöstä",
                    ],
                    reading=_linked(GUIDANCE_ENDING, INTERPRETATION_ENDING, PRACTICE_NO_FOLLOW_UP),
                    minutes=60,
                ),
            ],
        },
    ]


def create_index(home: HomePage) -> InductionIndexPage:
    existing = home.get_children().filter(slug="perehdytys").first()
    if existing is not None:
        return existing.specific
    index = InductionIndexPage(title="Perehdytys", slug="perehdytys", intro=INDEX_INTRO, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish(skip_permission_checks=True)
    index.refresh_from_db()
    return index


def create_paths(index: InductionIndexPage) -> dict[str, InductionPathPage]:
    paths = {}
    for data in _paths():
        existing = index.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            paths[data["slug"]] = existing.specific
            continue
        page = InductionPathPage(**data)
        index.add_child(instance=page)
        page.save_revision().publish(skip_permission_checks=True)
        page.refresh_from_db()
        paths[data["slug"]] = page
    return paths


def _tick(user, path, steps, *, days_ago: int, whole_steps: int, extra_tasks: int = 0) -> None:
    """Tick the first `whole_steps` steps and `extra_tasks` tasks of the next one."""
    done_at = timezone.now() - datetime.timedelta(days=days_ago)
    enrolment, created = Enrolment.objects.get_or_create(
        user=user,
        path=path,
        defaults={"started_at": done_at - datetime.timedelta(days=1), "last_activity_at": done_at},
    )
    if not created:
        return
    tasks = [task for step in steps[:whole_steps] for task in step.tasks]
    if whole_steps < len(steps):
        tasks += list(steps[whole_steps].tasks[:extra_tasks])
    for number, task in enumerate(tasks):
        CompletedTask.objects.get_or_create(
            user=user,
            path=path,
            task_id=task.id,
            defaults={"completed_at": done_at + datetime.timedelta(minutes=number)},
        )
    ticks = dict(CompletedTask.objects.filter(user=user, path=path).values_list("task_id", "completed_at"))
    if ticks:
        enrolment.last_activity_at = max(ticks.values())
    if summarise(path, enrolment, ticks).complete:
        enrolment.finished_at = max(ticks.values())
    enrolment.save(update_fields=["last_activity_at", "finished_at"])


def create_demo_progress(paths: dict[str, InductionPathPage]) -> None:
    people = {
        user.email.split("@")[0]: user
        for user in get_user_model().objects.filter(
            email__in=[
                demo_email(key)
                for key in (
                    "uusi.satakunta",
                    "asiantuntija.satakunta",
                    "sosiaaliohjaaja.satakunta",
                    "terveydenhoitaja.karjala",
                )
            ]
        )
    }
    plan = [
        # The new employee went through step 1 before the guidance was last updated and is
        # halfway through step 2.
        ("uusi.satakunta", "tyovoimaviranomaisen-asiantuntija", 12, 1, 1),
        ("asiantuntija.satakunta", "tyovoimaviranomaisen-asiantuntija", 40, 5, 0),
        ("sosiaaliohjaaja.satakunta", "sosiaaliohjaaja", 5, 2, 1),
        ("terveydenhoitaja.karjala", "sosiaaliohjaaja", 2, 1, 0),
    ]
    for person_key, path_slug, days_ago, whole_steps, extra_tasks in plan:
        user, path = people.get(person_key), paths.get(path_slug)
        if user is None or path is None:
            continue
        _tick(
            user,
            path,
            path_structure(path),
            days_ago=days_ago,
            whole_steps=whole_steps,
            extra_tasks=extra_tasks,
        )


def create_induction_demo(stdout=None) -> None:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        _say(stdout, "  no home page: run the core demo first")
        return
    index = create_index(home)
    paths = create_paths(index)
    _say(stdout, f"  induction paths: {len(paths)}")
    _say(stdout, f"  induction pages in Swedish: {create_swedish_induction(index, paths)}")
    create_demo_progress(paths)
    _say(stdout, f"  induction progress: {Enrolment.objects.count()} started paths")
