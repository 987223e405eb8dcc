"""Demo content of the knowledge base: sections, guidance, interpretations, practices, networks.

Pages are looked up by slug under their parent, so running the demo again changes nothing
that already exists (an editor's later changes stay). All people and cases are fictional.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from typ_site.core.models import HomePage
from typ_site.core.themes import ensure_theme_tags
from typ_site.networks.models import Network

from .demo_pages import (
    _callout,
    _faq,
    _matrix,
    _say,
    _steps,
    _stream,
    _text,
    _user,
    backdate,
    demo_day,
    ensure_page,
)
from .demo_swedish import create_swedish_pages
from .editorial import setup_editorial_workflow
from .models import (
    CaseStoryIndexPage,
    CaseStoryPage,
    GuidanceIndexPage,
    GuidancePage,
    LawInterpretationIndexPage,
    LawInterpretationPage,
    LawSection,
    NetworkIndexPage,
    NetworkPage,
    PracticeIndexPage,
    PracticePage,
    ThemeIndexPage,
)
from .services import submit_practice


def _section(statute: str, number: str) -> LawSection:
    return LawSection.objects.select_related("statute").get(statute__number=statute, number=number)


def create_sections(home: HomePage) -> dict:
    sections = {}
    for key, model, slug, title, intro in [
        (
            "guidance",
            GuidanceIndexPage,
            "ohjeet",
            "Ohjeet",
            "<p>KEHA-keskuksen valtakunnalliset ohjeet TYM-yhteistoiminnasta: asiakasprosessi, "
            "työnjako ja kirjaaminen. Jokaisella ohjeella on voimaantulopäivä, seuraava "
            "tarkistuspäivä ja muutoshistoria.</p>",
        ),
        (
            "interpretations",
            LawInterpretationIndexPage,
            "tulkinnat",
            "Lain tulkinnat",
            "<p>Yhteisesti sovitut tulkinnat TYM-laista (381/2023). Tulkinta kertoo, mihin "
            "kysymykseen se vastaa, mitä on sovittu ja millä perusteilla.</p>",
        ),
        (
            "practices",
            PracticeIndexPage,
            "kaytannot",
            "Hyvät käytännöt ja sudenkuopat",
            "<p>Verkostojen omat kokemukset: mikä toimi ja mitä kannattaa välttää. Jaa oma "
            "käytäntösi lomakkeella – verkoston ylläpitäjä tai KEHA hyväksyy sen ennen "
            "julkaisua.</p>",
        ),
        (
            "networks",
            NetworkIndexPage,
            "verkostot",
            "Verkostot",
            "<p>TYP- ja TYM-verkostojen esittelyt: alue, kunnat, palvelupisteet, "
            "toimintamalli ja yhteyshenkilöt.</p>",
        ),
        (
            "themes",
            ThemeIndexPage,
            "teemat",
            "Teemat",
            "<p>Kansallisen TYP-selvityksen viisi kehittämisteemaa. Teeman sivulla on kaikki "
            "siihen liittyvä: ohjeet, tulkinnat ja käytännöt.</p>",
        ),
    ]:
        page, _created = ensure_page(home, model, slug, title=title, intro=intro, show_in_menus=True)
        if not page.show_in_menus:
            page.show_in_menus = True
            page.save(update_fields=["show_in_menus"])
        sections[key] = page
    return sections


def create_guidance(index: GuidanceIndexPage, themes: dict, day: datetime.date) -> dict:
    """The guidance pages; their change history spreads over the year before `day`."""
    editor = _user("toimittaja")
    today = timezone.localdate()
    pages = {}

    def ago(days: int) -> datetime.date:
        return day - datetime.timedelta(days=days)

    pages["process"], _ = ensure_page(
        index,
        GuidancePage,
        "asiakasprosessi",
        publish_by=editor,
        title="Asiakasprosessi TYM-yhteistoiminnassa",
        intro=(
            "Miten asiakkuus etenee palvelutarpeen arvioinnista loppuarvioon ja kuka vastaa "
            "mistäkin vaiheessa. Ohje koskee 1.1.2025 voimaan tullutta lakia työllistymisen "
            "monialaisesta edistämisestä (381/2023)."
        ),
        publisher="KEHA-keskus",
        status="valid",
        effective_date=datetime.date(2025, 1, 1),
        next_review_date=today + datetime.timedelta(days=180),
        body=_stream(
            _text(
                "Monialaista tukea tarjotaan työttömälle, jonka työllistymisen edistäminen "
                "vaatii työvoimaviranomaisen, hyvinvointialueen ja Kelan palvelujen "
                "yhteensovittamista. Asiakkaalla on yksi yhteinen prosessi: hänen ei tarvitse "
                "asioida erikseen työvoimapalveluissa, sosiaalipalveluissa, terveyspalveluissa "
                "ja Kelassa.",
                "Vuodesta 2025 alkaen asiakkuuden peruste on TYM-lain 3 §:ssä tarkoitettu "
                "palvelujen yhteensovittamisen tarve. Asiakkuus myös päättyy, kun tätä tarvetta "
                "ei enää ole. Kansallisessa selvityksessä (2023) kentältä kuultiin arvio, että "
                "uusi laki helpottaa palveluun ohjautumista.",
            ),
            _callout(
                "Ennen vuotta 2025 voimassa olleessa laissa monialaiseen yhteispalveluun "
                "ohjautumisen lähtökohtana oli työttömyyden kesto: alle 25-vuotiaalla kuusi "
                "kuukautta yhtäjaksoista työttömyyttä, 25 vuotta täyttäneellä 12 kuukautta tai "
                "yli 300 päivää työmarkkinatukea. Samoin TE-toimisto huolehti suunnitelman "
                "tarkistamisesta vähintään kolmen kuukauden välein. Nämä säännöt kuvaavat "
                "tilannetta vuonna 2023; tämä ohje ei käytä niitä.",
                title="Vanha laki (tilanne 2023) ja uusi laki (1.1.2025 alkaen)",
            ),
            _steps(
                "Prosessin vaiheet",
                (
                    "Tarpeen tunnistaminen ja ohjaus",
                    "joint",
                    "Kuka tahansa kolmesta organisaatiosta voi tunnistaa tarpeen ja ohjata "
                    "asiakkaan palveluun. Asiakkaalle kerrotaan, mitä yhteistyö tarkoittaa.",
                ),
                (
                    "Palvelutarpeen arviointi alkaa: asiakkuus alkaa",
                    "joint",
                    "Asiakkuus alkaa, kun palvelutarpeen arviointi aloitetaan. Arvioinnin "
                    "alkuvaiheessa tehdään alkukartoitus: selvitetään yhdessä asiakkaan kanssa, "
                    "hyötyykö hän monialaisesta tuesta.",
                ),
                (
                    "Palvelutarpeen arviointi",
                    "joint",
                    "Työvoimaviranomainen, hyvinvointialue ja Kela selvittävät yhdessä asiakkaan "
                    "kanssa hänen tarpeensa työvoima-, sosiaali-, terveys- ja kuntoutuspalveluihin "
                    "laissa säädetyssä ajassa. Kela arvioi ensivaiheessa tarvetta omien "
                    "asiakastietojensa perusteella. Arviointi kirjataan yhteiseen järjestelmään.",
                ),
                (
                    "Monialainen työllistymissuunnitelma",
                    "joint",
                    "Suunnitelma laaditaan yhdessä asiakkaan kanssa. Siihen kirjataan sovitut "
                    "työvoima-, sosiaali-, terveys- ja kuntoutuspalvelut, asiakkaan "
                    "velvollisuudet ja seuranta. Kela on mukana, jos asiakas tarvitsee Kelan "
                    "kuntoutusta.",
                ),
                (
                    "Suunnitelman seuranta ja tarkistaminen",
                    "te",
                    "Työvoimaviranomainen huolehtii suunnitelman tarkistamisesta asiakkaan "
                    "palvelutarpeen edellyttämällä tavalla; hyvinvointialue ja Kela osallistuvat "
                    "omien palvelujensa osalta.",
                ),
                (
                    "Loppuarvio ja jatkopolku",
                    "joint",
                    "Kun yhteensovittamisen tarvetta ei enää ole, kukin toimija kirjaa "
                    "loppuarvioon oman näkökulmansa ja asiakkaan jatko varmistetaan.",
                ),
            ),
            _callout(
                "Jos palvelutarpeen arvioinnissa käy ilmi, ettei palvelujen yhteensovittamiselle "
                "ole tarvetta, asiakkuus voidaan päättää arvioinnin jälkeen. Asiakkaalle sovitaan "
                "silloin muu palvelu ja vastuutaho, jotta hän ei jää ilman palvelua.",
                title="Muista",
                kind="warning",
            ),
            _faq(
                "Usein kysyttyä",
                (
                    "Milloin asiakkuus alkaa?",
                    "Kun palvelutarpeen arviointi aloitetaan. Arvioinnin määräaika lasketaan "
                    "asiakkuuden alusta, ei päivästä, jolloin asiakas ohjattiin palveluun.",
                ),
                (
                    "Onko alkukartoitus oma vaiheensa ennen arviointia?",
                    "Ei. Alkukartoitus on palvelutarpeen arvioinnin alkuvaihe, joten se tehdään "
                    "vasta, kun asiakkuus on alkanut.",
                ),
                (
                    "Voiko tapaamiset hoitaa etänä?",
                    "Kyllä, kun se sopii asiakkaan tilanteeseen. Etäasiointi voidaan järjestää "
                    "puhelimitse, videoyhteydellä tai verkkopalvelussa lain 306/2019 6 §:n "
                    "mukaisesti. Kukin verkosto sopii, milloin tapaaminen järjestetään "
                    "lähipalveluna: esimerkiksi Satakunnassa lähipalvelu on ensisijainen.",
                ),
                (
                    "Mihin arviointi kirjataan?",
                    "Yhteiseen asiakastietojärjestelmään. Lisäksi kukin organisaatio kirjaa "
                    "tarvitsemansa tiedot omaan järjestelmäänsä omien ohjeidensa mukaan.",
                ),
            ),
        ),
        tags=[themes["asiakasprosessi"], themes["tym-laki"]],
        related_sections=[_section("381/2023", "3"), _section("381/2023", "4")],
        change_notes=[
            (ago(330), "Käsitteet yhtenäistetty: TE-toimiston sijaan puhutaan työvoimaviranomaisesta."),
            (ago(215), "Lisätty kysymys etätapaamisista."),
            (ago(120), "Täsmennetty, mihin palvelutarpeen arviointi kirjataan."),
            (
                ago(18),
                "Vanhan lain säännöt erotettu uuden lain säännöistä; alkukartoitus kuvattu "
                "palvelutarpeen arvioinnin alkuvaiheeksi; verkostojen omat valinnat siirretty "
                "verkostosivuille.",
            ),
        ],
    )

    pages["roles"], _ = ensure_page(
        index,
        GuidancePage,
        "tyonjako",
        publish_by=editor,
        title="Kuka tekee mitä: työvoimaviranomainen, hyvinvointialue ja Kela",
        intro=(
            "Vastuunjako asiakasprosessin vaiheissa. Epäselvät roolit olivat kansallisen "
            "selvityksen suurin haaste, joten vastuut on koottu yhteen taulukkoon."
        ),
        publisher="KEHA-keskus",
        status="valid",
        effective_date=datetime.date(2025, 1, 1),
        next_review_date=today + datetime.timedelta(days=90),
        body=_stream(
            _text(
                "Jokainen organisaatio vastaa niiden palvelujen tuottamisesta ja kustannuksista, "
                "jotka kuuluvat sen järjestämisvastuulle. Yhteistyö ei siirrä vastuuta "
                "toiselle, vaan sovittaa palvelut yhteen.",
                "1.1.2025 alkaen työvoimaviranomainen on kunta tai kuntien yhdessä muodostama "
                "työllisyysalue; aiemmin tehtävää hoiti TE-toimisto.",
            ),
            _matrix(
                "Vastuut asiakasprosessin vaiheissa",
                ("Tarpeen tunnistaminen", "responsible", "responsible", "responsible"),
                (
                    "Palvelutarpeen arviointi (alkukartoitus mukaan lukien)",
                    "responsible",
                    "responsible",
                    "takes_part",
                ),
                ("Työllistymissuunnitelman laatiminen", "responsible", "responsible", "takes_part"),
                (
                    "Suunnitelman tarkistaminen (palvelutarpeen mukaan)",
                    "responsible",
                    "takes_part",
                    "takes_part",
                ),
                ("Kuntouttavan työtoiminnan järjestäminen", "informed", "responsible", "none"),
                ("Kuntoutuspalvelut ja etuusneuvonta", "informed", "informed", "responsible"),
                ("Loppuarvio", "responsible", "responsible", "responsible"),
            ),
            _text(
                "<h2>Työvoimaviranomainen</h2>",
                "Vastaa työvoimapalveluista ja huolehtii työllistymissuunnitelman "
                "tarkistamisesta asiakkaan palvelutarpeen mukaan.",
                "<h2>Hyvinvointialue</h2>",
                "Vastaa sosiaali- ja terveyspalveluista sekä vuoden 2023 alusta kuntouttavan "
                "työtoiminnan järjestämisestä. Laatii suunnitelman yhdessä "
                "työvoimaviranomaisen ja asiakkaan kanssa. Se, miten terveydenhuollon "
                "asiantuntemus tuodaan arviointiin, sovitaan verkostossa: esimerkiksi "
                "Satakunnassa jokaisella sote-keskusalueella on TYM-työhön nimetty "
                "terveydenhoitaja.",
                "<h2>Kela</h2>",
                "Arvioi ensivaiheessa palvelutarvetta omien tietojensa perusteella ja osallistuu "
                "suunnitelmaan, jos asiakas tarvitsee Kelan kuntoutusta (TYM-lain 4 §). Kela "
                "neuvoo myös etuuksissa.",
            ),
        ),
        tags=[themes["asiakasprosessi"], themes["tym-laki"]],
        related_sections=[_section("381/2023", "4")],
        change_notes=[
            (ago(290), "Kelan osuus tarkennettu: ensivaiheen arvio omien asiakastietojen perusteella."),
            (
                ago(18),
                "Taulukko korjattu: tarpeen voi tunnistaa mikä tahansa kolmesta "
                "organisaatiosta, suunnitelma laaditaan yhdessä ja loppuarvio on yhteinen.",
            ),
        ],
    )

    pages["ending"], _ = ensure_page(
        index,
        GuidancePage,
        "asiakkuuden-paattaminen",
        publish_by=editor,
        title="Asiakkuuden päättäminen ja loppuarvio",
        intro=(
            "Milloin asiakkuus päättyy, mitä loppuarvioon kirjataan ja miten asiakkaan "
            "jatkopolku varmistetaan."
        ),
        publisher="KEHA-keskus",
        status="valid",
        effective_date=datetime.date(2025, 1, 1),
        next_review_date=today - datetime.timedelta(days=14),
        body=_stream(
            _text(
                "Asiakkuus päättyy, kun TYM-lain 3 §:ssä tarkoitettua palvelujen "
                "yhteensovittamisen tarvetta ei enää ole. Syy voi olla myönteinen (työ, "
                "opinnot) tai se, että asiakkaan tarpeisiin voidaan vastata yhden "
                "organisaation palveluilla.",
                "Loppuarvio tehdään yhteiseen järjestelmään. Kukin toimija kirjaa siihen "
                "oman organisaationsa kannalta olennaiset asiat ja siirtää jatkon kannalta "
                "tarpeelliset tiedot omaan järjestelmäänsä.",
            ),
            _callout(
                "Jos asiakas siirtyy työvoimaviranomaisen, hyvinvointialueen tai Kelan "
                "palveluun, jatkon varmistaminen on ensisijaisesti vastaanottavan organisaation "
                "tehtävä. Muussa tapauksessa vastuusta sovitaan asiakkaan kanssa "
                "työskennelleiden kesken.",
                title="Kuka varmistaa jatkon?",
            ),
        ),
        tags=[themes["asiakasprosessi"]],
        related_sections=[_section("381/2023", "3")],
        change_notes=[
            (ago(260), "Lisätty ohje siitä, kuka varmistaa asiakkaan jatkon."),
            (ago(75), "Loppuarvion kirjaaminen kuvattu yhteisen järjestelmän mukaan."),
        ],
    )

    pages["old"], _ = ensure_page(
        index,
        GuidancePage,
        "typ-prosessi-2023",
        publish_by=editor,
        title="TYP-prosessi ennen vuotta 2025",
        intro="Ennen TYM-lain voimaantuloa käytetty prosessikuvaus.",
        publisher="KEHA-keskus",
        status="superseded",
        superseded_by=pages["process"],
        effective_date=datetime.date(2023, 1, 1),
        body=_stream(
            _text(
                "Tämä kuvaus koski monialaista yhteispalvelua ennen 1.1.2025. Se on jätetty "
                "näkyviin vertailun vuoksi."
            )
        ),
        tags=[themes["asiakasprosessi"]],
        change_notes=[(ago(345), "Ohje merkitty korvatuksi; voimassa oleva prosessi on uudessa ohjeessa.")],
    )
    for page in pages.values():
        backdate(page, editor)
    return pages


def create_guidance_in_review(index: GuidanceIndexPage, themes: dict) -> None:
    """A draft an editor has sent for approval: shows the two-step workflow in the demo."""
    slug = "kirjaamisen-periaatteet"
    if index.get_children().filter(slug=slug).exists():
        return
    editor = _user("toimittaja")
    page = GuidancePage(
        slug=slug,
        title="Kirjaamisen yhteiset periaatteet",
        intro="Mitä yhteiseen asiakastietojärjestelmään kirjataan ja kuka kirjaa.",
        publisher="KEHA-keskus",
        status="draft",
        live=False,
        owner=editor,
        body=_stream(
            _text(
                "Kirjaamiskäytännöt vaihtelevat verkostoittain. Tämä luonnos kokoaa "
                "yhteiset vähimmäistiedot, jotka jokainen toimija kirjaa."
            )
        ),
    )
    page.tags.add(themes["vaikuttavuus"])
    index.add_child(instance=page)
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    if workflow is not None and editor is not None:
        workflow.start(page, editor)


def create_interpretations(index: LawInterpretationIndexPage, themes: dict, day: datetime.date) -> None:
    approver = _user("hyvaksyja")
    reopened = day - datetime.timedelta(days=18)
    ensure_page(
        index,
        LawInterpretationPage,
        "yhteensovittamisen-tarpeen-paattyminen",
        publish_by=approver,
        title="Milloin palvelujen yhteensovittamisen tarve päättyy?",
        question=(
            "Asiakas on osallistunut suunnitelman mukaisiin palveluihin, mutta hänen "
            "tilanteensa ei etene. Voidaanko asiakkuus päättää, vaikka työllistymistä ei ole "
            "tapahtunut?"
        ),
        intro="Asiakkuus päättyy, kun yhteensovittamisen tarvetta ei enää ole – ei vasta työllistymiseen.",
        interpretation=(
            "<p>Kyllä. TYM-lain 3 § sitoo asiakkuuden palvelujen yhteensovittamisen tarpeeseen, "
            "ei työllistymiseen. Asiakkuus päätetään, kun yhteistyö ei enää tuo lisäarvoa: "
            "asiakkaan tarpeisiin voidaan vastata yhden organisaation palveluilla, hän siirtyy "
            "työvoiman ulkopuolelle tai hän ei pitkästäkään yrittämisestä huolimatta hyödy "
            "monialaisesta tuesta.</p>"
            "<p>Päättäminen arvioidaan yhdessä kaikkien toimijoiden ja asiakkaan kanssa, ja "
            "siitä tehdään loppuarvio.</p>"
        ),
        reasoning=_stream(
            _text(
                "Lain tarkoituksena on sovittaa palveluja yhteen silloin, kun yksi organisaatio "
                "ei yksin pysty vastaamaan asiakkaan tarpeisiin. Jos tarve poistuu, myös "
                "perusteet monialaiselle asiakkuudelle poistuvat.",
                "Päättäminen ei tarkoita, että asiakas jää ilman palvelua: jatkopolku sovitaan "
                "loppuarviossa sen organisaation kanssa, joka jatkaa työskentelyä hänen "
                "kanssaan.",
            ),
        ),
        status="agreed",
        agreed_on=datetime.date(2025, 2, 12),
        sections=[_section("381/2023", "3")],
        tags=[themes["tym-laki"], themes["asiakasprosessi"]],
        change_notes=[(datetime.date(2025, 2, 12), "Tulkinta hyväksytty.")],
    )
    ensure_page(
        index,
        LawInterpretationPage,
        "kelan-osallistuminen-suunnitelmaan",
        publish_by=approver,
        title="Osallistuuko Kela jokaisen asiakkaan työllistymissuunnitelmaan?",
        question=(
            "Pitääkö Kelan edustajan olla mukana laatimassa ja tarkistamassa jokaisen "
            "asiakkaan monialaista työllistymissuunnitelmaa?"
        ),
        intro="Kela osallistuu, kun asiakas tarvitsee Kelan kuntoutusta; muuten Kela "
        "osallistuu arviointiin tietojensa perusteella.",
        interpretation=(
            "<p>Ei jokaisen. TYM-lain 4 §:n mukaan Kela osallistuu suunnitelman laatimiseen, "
            "seurantaan ja tarkistamiseen silloin, kun asiakkaan palvelutarve edellyttää Kelan "
            "työ- ja toimintakykyä tukevia kuntoutuspalveluja. Palvelutarpeen arvioinnin "
            "alkuvaiheessa Kela arvioi tarvetta omien asiakastietojensa perusteella ja kirjaa "
            "olennaiset havainnot yhteiseen järjestelmään.</p>"
        ),
        reasoning=_stream(
            _text(
                "Kelan asiantuntijoita on verkostoissa vähän. Kun osallistuminen kohdennetaan "
                "asiakkaisiin, joiden suunnitelmassa on Kelan palveluja, Kelan osaaminen on "
                "käytettävissä siellä, missä sitä tarvitaan.",
            ),
            _callout("Kela neuvoo tarvittaessa myös etuuksista, vaikka se ei osallistuisi suunnitelmaan."),
        ),
        status="agreed",
        agreed_on=datetime.date(2025, 3, 4),
        sections=[_section("381/2023", "4")],
        tags=[themes["tym-laki"], themes["asiakasprosessi"]],
        change_notes=[(datetime.date(2025, 3, 4), "Tulkinta hyväksytty.")],
    )
    ensure_page(
        index,
        LawInterpretationPage,
        "tietojen-vaihto-ilman-suostumusta",
        publish_by=approver,
        title="Saako tietoja vaihtaa ilman asiakkaan suostumusta?",
        question=(
            "Sosiaaliohjaaja haluaa kertoa työvoimaviranomaiselle asiakkaan tilanteesta "
            "ennen yhteistä tapaamista. Tarvitaanko asiakkaan suostumus?"
        ),
        intro="Välttämättömät tiedot saa vaihtaa ilman suostumusta, mutta vain ne.",
        interpretation=(
            "<p>381/2023 11 §:n 2 momentti antaa työvoimaviranomaiselle, hyvinvointialueelle "
            "ja Kelalle oikeuden saada toisiltaan ja käyttää työtöntä koskevia tietoja "
            "salassapitosäännösten estämättä ja suostumuksesta riippumatta. Oikeus koskee vain "
            "tietoja, jotka ovat välttämättömiä yhteistoiminnan järjestämiseksi.</p>"
            "<p>Asiakkaalle kerrotaan avoimesti, mitä tietoja vaihdetaan ja miksi.</p>"
        ),
        reasoning=_stream(
            _text(
                "Välttämättömyys arvioidaan tapauskohtaisesti: terveydentilasta kerrotaan se, "
                "millä on merkitystä työ- ja toimintakyvyn kannalta, ei koko hoitohistoriaa.",
                "Hyvä käytäntö on sopia asiakkaan kanssa etukäteen, mistä asioista yhteisessä "
                "tapaamisessa puhutaan.",
            ),
        ),
        status="agreed",
        agreed_on=datetime.date(2025, 1, 28),
        sections=[_section("381/2023", "11")],
        tags=[themes["tym-laki"], themes["viestinta"]],
        change_notes=[(datetime.date(2025, 1, 28), "Tulkinta hyväksytty.")],
    )
    newer, _ = ensure_page(
        index,
        LawInterpretationPage,
        "yhteensovittamisen-tarve-ohjautumisen-perusteena",
        publish_by=approver,
        title="Voiko asiakkuuden aloittaa, kun työttömyys on kestänyt vasta vähän aikaa?",
        question=(
            "Nuori on ollut työttömänä neljä kuukautta, ja hänellä on selvä tarve sekä "
            "sosiaali- että terveyspalveluille. Voidaanko monialainen tuki aloittaa 1.1.2025 "
            "voimaan tulleen lain aikana jo nyt?"
        ),
        intro="Keskustelu on kesken: peruste on yhteensovittamisen tarve, mutta verkostojen "
        "tavat todeta tarve eroavat.",
        interpretation=(
            "<p>Alustava näkemys: 1.1.2025 alkaen asiakkuuden peruste on TYM-lain 3 §:ssä "
            "tarkoitettu palvelujen yhteensovittamisen tarve. Kun tarve on ilmeinen, "
            "asiakkuuden aloittamista ei lykätä vanhan lain kestorajojen vuoksi.</p>"
            "<p>Auki on vielä, miten tarve todetaan verkostoissa yhdenmukaisesti.</p>"
        ),
        reasoning=_stream(
            _text(
                "Vanhassa laissa (tilanne 2023) alle 25-vuotiaan ohjautumisen lähtökohtana oli "
                "kuuden kuukauden yhtäjaksoinen työttömyys. Uuden lain mukaisissa "
                "toimintamalleissa asiakkuus sidotaan yhteensovittamisen tarpeeseen, ja "
                "kansallisessa selvityksessä kentältä kuultiin arvio, että uusi laki helpottaa "
                "ohjautumista.",
                "Verkostojen kokemukset kootaan keskusteluun ennen kuin tulkinta vahvistetaan.",
            )
        ),
        status="under_discussion",
        sections=[_section("381/2023", "3"), _section("381/2023", "1")],
        tags=[themes["tym-laki"], themes["asiakasprosessi"]],
        change_notes=[(reopened, "Tulkinta avattu keskusteluun uuden lain pohjalta.")],
    )
    ensure_page(
        index,
        LawInterpretationPage,
        "asiakkuus-ennen-tyottomyyden-kestoa",
        publish_by=approver,
        title="Asiakkuus ennen vaaditun työttömyyden kestoa (vanha laki)",
        question=(
            "Nuori on ollut työttömänä neljä kuukautta, ja hänellä on selvä tarve sekä "
            "sosiaali- että terveyspalveluille. Voidaanko monialainen yhteispalvelu aloittaa "
            "ennen kuin työttömyys on kestänyt kuusi kuukautta?"
        ),
        intro="Koski vuoteen 2024 asti voimassa ollutta lakia; korvattu uuden lain mukaisella tulkinnalla.",
        interpretation=(
            "<p>Tämä tulkinta koski lakia sellaisena kuin se oli voimassa vuonna 2023, jolloin "
            "ohjautumisen lähtökohtana oli työttömyyden kesto (alle 25-vuotiaalla kuusi "
            "kuukautta, 25 vuotta täyttäneellä 12 kuukautta tai yli 300 päivää "
            "työmarkkinatukea) yhdessä monialaisen palvelun tarpeen kanssa.</p>"
            "<p>1.1.2025 alkaen katso uuden lain mukainen tulkinta.</p>"
        ),
        reasoning=_stream(
            _text("Laki työllistymisen monialaisesta edistämisestä (381/2023) tuli voimaan 1.1.2025.")
        ),
        status="superseded",
        superseded_by=newer,
        sections=[_section("381/2023", "3")],
        tags=[themes["tym-laki"], themes["asiakasprosessi"]],
        change_notes=[
            (reopened, "Korvattu uuden lain mukaisella tulkinnalla."),
        ],
    )


NETWORK_PAGES = {
    "satakunta": {
        "title": "Satakunnan TYM-verkosto",
        "intro": "Satakunnan työllisyysalueen yksitoista kuntaa: kolme toimipistettä, kahdeksan "
        "asiointipistettä ja ammattilaisten etäkonsultaatioverkosto Rukkanen.",
        "operating_model": _stream(
            _text(
                "Nämä ovat Satakunnan työllisyysalueen omia, toimintamalliin kirjattuja "
                "valintoja. Muut verkostot voivat sopia toisin.",
                "Palvelu tarjotaan ensisijaisesti lähipalveluna työllisyysalueen toimi- ja "
                "asiointipisteissä; etäyhteyttä käytetään, kun se sopii asiakkaan "
                "palvelutarpeeseen. Toimipisteet ovat auki päivittäin, asiointipisteet "
                "sovitusti tarpeen mukaan.",
                "Palvelutarpeen arvioinnissa työvoimaviranomainen ja sosiaaliohjaaja tapaavat "
                "asiakkaan henkilökohtaisesti, yhdessä tai erikseen. Jos työ- tai "
                "toimintakyvystä tarvitaan terveydenhuollon lisäselvitystä, asiakas ohjataan "
                "ensisijaisesti TYM-työhön nimetyn terveydenhoitajan henkilökohtaiselle "
                "tapaamiselle. Jokaisella sote-keskusalueella on nimetty terveydenhoitaja, ja "
                "Porin toimipisteellä on oma.",
                "Rukkanen on ammattilaisten välinen etäkonsultaatio: siihen osallistuvat vain ne "
                "tahot, jotka työskentelevät asiakkaan kanssa ja joita hänen tilanteensa "
                "edellyttää. Konsultaatiosta sovitaan asiakkaan kanssa etukäteen, ja sen jälkeen "
                "asiat käydään hänen kanssaan läpi.",
            ),
            _steps(
                "Asiakkaan polku Satakunnassa",
                (
                    "Palvelutarpeen arviointi",
                    "joint",
                    "Työvoimaviranomainen ja sosiaaliohjaaja tapaavat asiakkaan; Kela arvioi "
                    "tarvetta ensivaiheessa omien tietojensa perusteella.",
                ),
                (
                    "Terveydenhuollon lisäselvitys",
                    "hva",
                    "Tarvittaessa tapaaminen TYM-työhön nimetyn terveydenhoitajan kanssa.",
                ),
                (
                    "Rukkas-konsultaatio",
                    "joint",
                    "Asiakkaan kanssa työskentelevät ammattilaiset neuvottelevat etäyhteydellä "
                    "asiakkaan kanssa sovitusti.",
                ),
                (
                    "Suunnitelman tarkistaminen",
                    "te",
                    "Palvelutarpeen mukaan, ensisijaisesti lähitapaamisena.",
                ),
                ("Loppuarvio", "joint", "Jokainen toimija kirjaa oman osuutensa yhteiseen järjestelmään."),
            ),
        ),
        "partners": "<ul><li>Satakunnan hyvinvointialue</li><li>Kela</li>"
        "<li>Koulutuspalvelujen järjestäjät tarvittaessa</li></ul>",
        "contacts": "<p>TYP-johtaja Tuomas Johtaja, Satakunnan työllisyysalue "
        "(typjohtaja.satakunta@demo.typ.example)</p>",
    },
    "pohjois-karjala": {
        "title": "Pohjois-Karjalan TYP-verkosto",
        "intro": "Maakunnan verkosto, jossa työkyvyn selvittämisen prosessit on kuvattu yhdessä kaavioiksi.",
        "operating_model": _stream(
            _text(
                "Pohjois-Karjalassa työkyvyn selvittämisen prosesseja on visualisoitu, ja "
                "kehittämistä on vienyt eteenpäin Topakka-hanke.",
                "Yhteistyön rakenteista (työllisyysjohtoryhmä, aluetiimit, yhteiset "
                "työskentelypäivät) kerrotaan kolmen alueen yhteisellä käytäntösivulla.",
            )
        ),
        "partners": "<ul><li>Pohjois-Karjalan hyvinvointialue</li><li>Kela</li><li>Alueen kunnat</li></ul>",
        "contacts": "<p>Esihenkilö Pekka Esihenkilö, Joensuun työllisyysalue</p>",
    },
    "kymenlaakso": {
        "title": "Kymenlaakson TYP-verkosto",
        "intro": "Verkosto, jossa hyvinvointialue ja kunnat ovat tehneet monialaisen "
        "työelämäpalvelun yhteistyösopimuksen.",
        "operating_model": _stream(
            _text(
                "Kymenlaakson hyvinvointialue ja alueen kunnat ovat sopineet monialaisesta "
                "työelämäpalvelusta kirjallisella yhteistyösopimuksella.",
            )
        ),
        "partners": "<ul><li>Kymenlaakson hyvinvointialue</li><li>Kela</li><li>Alueen kunnat</li></ul>",
        "contacts": "<p>Johtoryhmän jäsen Jaana Johtoryhmä, Kymenlaakson hyvinvointialue</p>",
    },
    "pohjois-pohjanmaa": {
        "title": "Pohjois-Pohjanmaan TYP-verkosto",
        "intro": "Laajan alueen verkosto: työllistymisen tuen polku on kuvattu kaavioksi, ja "
        "työttömien terveystarkastus on osa palveluintegraatiota.",
        "operating_model": _stream(
            _text(
                "Pohjois-Pohjanmaalla työllistymisen tuen polku on visualisoitu. Työttömien "
                "terveystarkastus on osa palveluintegraatiomallia, jota kehitettiin "
                "PALO-hankkeessa.",
            )
        ),
        "partners": "<ul><li>Pohjois-Pohjanmaan hyvinvointialue</li><li>Kela</li>"
        "<li>Oulun seudun oppilaitokset</li></ul>",
        "contacts": "<p>Asiantuntija Mikko Monialainen, Oulun työllisyysalue</p>",
    },
}


def create_network_pages(index: NetworkIndexPage) -> dict:
    admin = _user("hyvaksyja")
    pages = {}
    for network in Network.objects.filter(slug__in=NETWORK_PAGES):
        existing = NetworkPage.objects.filter(network=network).first()
        if existing is not None and (existing.slug != network.slug or existing.get_parent().pk != index.pk):
            pages[network.slug] = existing  # moved or renamed by an editor: leave it be
            continue
        data = NETWORK_PAGES[network.slug]
        page, _ = ensure_page(index, NetworkPage, network.slug, publish_by=admin, network=network, **data)
        pages[network.slug] = page
    return pages


def create_practices(index: PracticeIndexPage, network_pages: dict, themes: dict) -> None:
    networks = {network.slug: network for network in Network.objects.all()}

    def practice(parent_key, slug, author_key, **fields):
        parent = network_pages.get(parent_key) if parent_key else index
        if parent is None:
            return
        author = _user(author_key)
        fields.setdefault("networks", [networks[parent_key]] if parent_key else [])
        ensure_page(parent, PracticePage, slug, publish_by=author, submitted_by=author, **fields)

    practice(
        "satakunta",
        "rukkanen-etakonsultaatio",
        "typjohtaja.satakunta",
        title="Rukkanen: etäkonsultaatioverkosto asiakkaan tilanteen selvittämiseen",
        kind="good_practice",
        region="satakunta",
        intro="Säännölliset etätapaamiset, joihin kutsutaan vain asiakkaan tarvitsemat asiantuntijat.",
        problem="<p>Asiakkaan tilanteen selvittäminen tarvitsee usein usean organisaation "
        "ammattilaisten näkemystä, eivätkä kaikki voi olla läsnä jokaisessa tapaamisessa.</p>",
        solution="<p>Satakunnan työllisyysalueella ammattilaisilla on säännöllinen "
        "mahdollisuus etäkonsultaatioon osana TYM-toimintamallia. Mukaan tulevat vain ne "
        "tahot, jotka työskentelevät asiakkaan kanssa ja joita hänen tilanteensa edellyttää. "
        "Asiakkaan kanssa sovitaan konsultaatiosta etukäteen, ja sen jälkeen esiin tulleet "
        "asiat käydään hänen kanssaan läpi. Konsultaatio on ammattilaisten välinen: "
        "terveydenhuollon selvitys tehdään Satakunnassa nimetyn terveydenhoitajan "
        "tapaamisessa.</p>",
        results="",
        contact_name="Tuomas Johtaja, TYP-johtaja",
        contact_details="typjohtaja.satakunta@demo.typ.example",
        organisations=[
            ("te", "Satakunnan työllisyysalue"),
            ("hva", "Satakunnan hyvinvointialue"),
            ("kela", "Kela"),
        ],
        tags=[themes["asiakasprosessi"], themes["viestinta"]],
    )
    practice(
        "satakunta",
        "asiakkuus-paattyy-ilman-jatkopolkua",
        "asiantuntija.satakunta",
        title="Asiakkuus päättyy, mutta kukaan ei varmista jatkoa",
        kind="pitfall",
        region="satakunta",
        intro="Loppuarvio tehtiin, mutta jatkopalvelu jäi sopimatta.",
        problem="<p>Esimerkkitilanne: asiakkuus päätetään, kun yhteensovittamisen tarve "
        "päättyy, mutta asiakas ei pääse seuraavaan palveluun, koska kukaan ei varmista "
        "jatkoa.</p>",
        solution="<p>Vältä päättämistä ennen kuin jatkosta vastaava taho on selvä. Jos asiakas "
        "siirtyy työvoimaviranomaisen, hyvinvointialueen tai Kelan palveluun, jatkon "
        "varmistaa ensisijaisesti se organisaatio; muuten vastuusta sovitaan asiakkaan kanssa "
        "työskennelleiden kesken.</p>",
        results="",
        organisations=[("te", ""), ("hva", "")],
        tags=[themes["asiakasprosessi"]],
    )
    practice(
        "pohjois-pohjanmaa",
        "tyollistymisen-tuen-polku-kaaviona",
        "asiantuntija.pohjanmaa",
        title="Työllistymisen tuen polku kaaviona",
        kind="good_practice",
        region="pohjois-pohjanmaa",
        intro="Yksi kuva, joka näyttää asiakkaalle ja työntekijälle, missä vaiheessa ollaan.",
        problem="<p>Kun polku on vain ammattilaisten päässä, asiakkaan ja uuden työntekijän on "
        "vaikea hahmottaa, missä vaiheessa ollaan.</p>",
        solution="<p>Pohjois-Pohjanmaalla työllistymisen tuen polku on visualisoitu kaavioksi. "
        "Kaaviota voi käyttää esimerkiksi asiakkaan ensimmäisellä tapaamisella ja uuden "
        "työntekijän perehdytyksessä.</p>",
        results="",
        organisations=[("te", "Oulun työllisyysalue"), ("hva", "Pohjois-Pohjanmaan hyvinvointialue")],
        tags=[themes["asiakasprosessi"], themes["perehdytys"]],
    )
    practice(
        "pohjois-pohjanmaa",
        "tyottomien-terveystarkastukset",
        "asiantuntija.pohjanmaa",
        title="Työttömien terveystarkastukset osana yhteistä palvelua",
        kind="good_practice",
        region="pohjois-pohjanmaa",
        networks=[networks["pohjois-pohjanmaa"]],
        intro="Pohjois-Pohjanmaalla terveystarkastus on osa palveluintegraatiomallia.",
        problem="<p>Terveydentila sekä työ- ja toimintakyky kuuluvat palvelutarpeen "
        "arviointiin, mutta terveydenhuolto ei aina ole konkreettisesti mukana asiakasprosessissa.</p>",
        solution="<p>Pohjois-Pohjanmaalla työttömien terveystarkastus on osa "
        "palveluintegraatiomallia, jota kehitettiin PALO-hankkeessa. Esimerkki siitä, miten "
        "tämä voi näkyä arjessa: tarkastuksen havainnot otetaan asiakkaan luvalla huomioon "
        "työllistymissuunnitelmaa tehtäessä.</p>",
        results="",
        organisations=[("hva", "Pohjois-Pohjanmaan hyvinvointialue"), ("te", "Oulun työllisyysalue")],
        tags=[themes["asiakasprosessi"], themes["vaikuttavuus"]],
    )
    practice(
        "kymenlaakso",
        "yhteistyosopimus-hyvinvointialue-kunnat",
        "johtoryhma.kymenlaakso",
        title="Yhteistyösopimus hyvinvointialueen ja kuntien kesken",
        kind="good_practice",
        region="kymenlaakso",
        intro="Kymenlaaksossa monialaisesta työelämäpalvelusta on sovittu kirjallisesti.",
        problem="<p>Vuoden 2023 uudistusten jälkeen kuntien, hyvinvointialueen ja "
        "työvoimaviranomaisen tehtävät ja työnjako muuttuivat, ja yhteistyöhön tarvittiin "
        "uusia rakenteita.</p>",
        solution="<p>Kymenlaakson hyvinvointialue ja kunnat tekivät monialaisen "
        "työelämäpalvelun yhteistyösopimuksen. Kolmen alueen selvityksessä todetaan "
        "yleisesti, että yhteistyö- tai yhdyspintasopimus määrittää yhteiset tavoitteet, "
        "jotka konkretisoidaan työllisyysjohtoryhmässä.</p>",
        results="",
        organisations=[
            ("hva", "Kymenlaakson hyvinvointialue"),
            ("municipality", "Kouvola"),
            ("municipality", "Kotka"),
        ],
        tags=[themes["tym-laki"], themes["asiakasprosessi"]],
    )
    practice(
        "pohjois-karjala",
        "tyokyvyn-selvittaminen-kuvattuna",
        "esihenkilo.karjala",
        title="Työkyvyn selvittämisen prosessi kuvattuna",
        kind="good_practice",
        region="pohjois-karjala",
        intro="Yhdessä kuvattu prosessi tekee näkyväksi, kuka selvittää mitä.",
        problem="<p>Työkyvyn selvittämisessä on mukana useita organisaatioita, ja ilman "
        "yhteistä kuvausta vastuunjako jää helposti epäselväksi.</p>",
        solution="<p>Pohjois-Karjalassa työkyvyn selvittämisen prosesseja on visualisoitu. "
        "Kehittämisen moottorina on ollut Topakka-hanke.</p>",
        results="",
        organisations=[("hva", "Pohjois-Karjalan hyvinvointialue"), ("te", "Joensuun työllisyysalue")],
        tags=[themes["asiakasprosessi"], themes["viestinta"]],
    )
    practice(
        "pohjois-karjala",
        "vaihtuva-yhteyshenkilo",
        "terveydenhoitaja.karjala",
        title="Joka kerta eri yhteyshenkilö",
        kind="pitfall",
        region="pohjois-karjala",
        intro="Kun vastinpari vaihtuu, asiakas kertoo tarinansa yhä uudelleen.",
        problem="<p>Esimerkkitilanne: hyvinvointialueelta tulee tapaamisiin eri työntekijä "
        "lähes joka kerta.</p>",
        solution="<p>Vältä kiertävää vastuuta. Kansallisessa selvityksessä toivottiin pysyviä "
        "vastinpareja ja sitä, että nimetyt TYP-toimijat ovat kaikkien tiedossa.</p>",
        organisations=[("hva", "")],
        tags=[themes["viestinta"]],
    )
    practice(
        None,
        "yhdyspintatyon-rakenteet-kolmella-alueella",
        "toimittaja",
        title="Yhteistyön rakenteet kolmella alueella: johtoryhmä, aluetiimit ja yhteiset päivät",
        kind="good_practice",
        networks=[networks["pohjois-karjala"], networks["kymenlaakso"], networks["pohjois-pohjanmaa"]],
        intro="Kooste siitä, mitä Pohjois-Karjalan, Kymenlaakson ja Pohjois-Pohjanmaan "
        "haastatteluista nousi esiin; kohdat eivät kuvaa yhtä aluetta.",
        problem="<p>Uudistusten jälkeen työllisyyden edistämisen yhdyspinnoille tarvittiin "
        "uudenlaisia rakenteita ja toimintamalleja.</p>",
        solution="<ul><li>Koko alueen työllisyysjohtoryhmä luo yhteistä suuntaa; sen "
        "tavoitteet voivat perustua yhteistyösopimukseen.</li><li>Aluetiimit ja "
        "kohderyhmäkohtaiset tiimit selkeyttävät käytännön työtä.</li><li>Yhteisesti sovitut "
        "kalenteriajat yhdessä tekemiseen, esimerkiksi maanantait.</li><li>Kuntouttavaa "
        "työtoimintaa voidaan järjestää kuntien kanssa yhteistyösopimuksin, joissa "
        "työympäristö tulee kunnalta ja asiakkaan tuki hyvinvointialueelta eikä raha "
        "liiku.</li></ul>",
        results="",
        organisations=[("te", ""), ("hva", ""), ("municipality", "")],
        tags=[themes["viestinta"], themes["asiakasprosessi"]],
    )
    practice(
        None,
        "perehdytys-ennen-asiakastyota",
        "toimittaja",
        title="Uusi työntekijä suoraan vaativaan asiakastyöhön",
        kind="pitfall",
        intro="Ilman perehdytystä uusi työntekijä ei tunne prosessia eikä kumppaneita.",
        problem="<p>Vaihtuvuus on suurta, ja uusia työntekijöitä laitetaan vaativaan "
        "monialaiseen työhön ilman perehdytysmateriaalia.</p>",
        solution="<p>Älä aloita asiakastyöllä. Sovi perehdyttäjä, käy prosessi ja "
        "vastuunjako läpi ja tutustuta uusi työntekijä kumppaneihin.</p>",
        organisations=[("te", ""), ("hva", ""), ("kela", "")],
        tags=[themes["perehdytys"]],
    )


def create_practice_in_moderation(network_pages: dict, themes: dict) -> None:
    """A member's submission waiting for the network admin's approval."""
    author = _user("sosiaaliohjaaja.satakunta")
    network = Network.objects.filter(slug="satakunta").first()
    if author is None or network is None or "satakunta" not in network_pages:
        return
    if PracticePage.objects.filter(submitted_by=author).exists():
        return
    submit_practice(
        author,
        {
            "title": "Yhteinen kalenteriaika moniammatillisille tapaamisille",
            "kind": "good_practice",
            "network": network,
            "summary": "Tiistai-iltapäivät on varattu yhteisille asiakastapaamisille.",
            "problem": "Yhteisen tapaamisajan löytäminen kolmen organisaation kalentereista vei viikkoja.",
            "solution": "Sovimme kiinteän viikoittaisen ajan, jolloin kaikki ovat tavoitettavissa.",
            "results": "",
            "organisation_types": ["te", "hva"],
            "tags": [themes["viestinta"].name],
        },
    )


# slug, persona, age, belongs, title, intro, situation, factors
CASE_STORIES = [
    (
        "irina-kuuluu-typiin",
        "Irina",
        58,
        True,
        "Irina, 58: pitkä työttömyys ja terveyshuolia",
        "Kahdeksan vuoden työttömyyden jälkeen tilanne on kartoitettava monelta suunnalta.",
        "Irina on ollut työttömänä kahdeksan vuotta. Hän on ollut monialaisen palvelun asiakkaana "
        "aiemmin, mutta siitä ei ole kirjattu, mihin asiakkuus päättyi. Hänen ammattitaitonsa ei "
        "enää vastaa alueen työpaikkoja, ja hänellä on useita terveysongelmia, joiden vaikutusta "
        "työkykyyn ei ole arvioitu. Hän kertoo haluavansa töihin, jos sopiva paikka löytyy.",
        "Osaaminen ei vastaa nykyisiä työpaikkoja\nTerveysongelmien vaikutus työkykyyn "
        "selvittämättä\nPitkä työttömyys ja riski syrjäytyä\nOma motivaatio löytyy\n"
        "Aiemman asiakkuuden jälkeinen aika on epäselvä\nTukea tarvitaan, jos paikallista työtä "
        "ei löydy",
    ),
    (
        "irina-ei-kuulu-typiin",
        "Irina",
        58,
        False,
        "Irina, 58: terveys kunnossa, kiinnostus hukassa",
        "Esteitä työllistymiselle ei löydy, mutta halua monialaiseen työhön ei ole.",
        "Irina on ollut pitkään työttömänä. Terveystarkastuksessa ei löytynyt rajoitteita, ja "
        "arjen asiat ovat järjestyksessä. Hän ei itse näe tarvetta usean toimijan yhteiselle "
        "palvelulle eikä ole varma, sitoutuisiko hän siihen. Hänen asuinalueellaan on vähän "
        "työpaikkoja hänen alaltaan.",
        "Ei terveydellistä estettä työllistymiselle\nEi itse koe tarvetta monialaiselle "
        "palvelulle\nSitoutuminen palveluun epävarmaa\nSelvitettävä ensin, mikä häntä "
        "kiinnostaa\nAsuinpaikka rajaa työmahdollisuuksia",
    ),
    (
        "matti-kuuluu-typiin",
        "Matti",
        22,
        True,
        "Matti, 22: arki ja talous sekaisin",
        "Nuoren tilanteesta tarvitaan tietoa usealta toimijalta ennen kuin suunnitelma syntyy.",
        "Matti on ollut työttömänä yli puoli vuotta. Kelan etuuksien jatko on auki, laskuja on "
        "maksamatta ja vuorokausirytmi on hajonnut. Hänellä on todettu sairaus, mutta sen "
        "vaikutusta opiskeluun tai työhön ei ole arvioitu. Kukaan toimija ei yksin näe koko "
        "kuvaa.",
        "Tietoa tarvitaan usealta toimijalta\nKelan palvelujen jatko selvitettävä\nArjen "
        "hallinnassa haasteita\nTyö- ja toimintakyky arvioimatta\nTaloudellinen tilanne "
        "selvitettävä\nTerveydentila selvitettävä",
    ),
    (
        "matti-ei-kuulu-typiin",
        "Matti",
        22,
        False,
        "Matti, 22: sairaus hoidossa, suunta selvä",
        "Nuori pärjää työvoimapalvelujen tavallisilla palveluilla.",
        "Matti on ollut työttömänä runsaat puoli vuotta. Hänen sairautensa on hoitotasapainossa ja "
        "hoitokontakti toimii. Sosiaalipalveluille ei ole tarvetta, ja hän hakee aktiivisesti "
        "töitä työvoimapalvelujen tuella. Ammatillinen kuntoutus ei ole nyt ajankohtaista.",
        "Ei tarvetta monialaiselle yhteispalvelulle\nEi tarvetta sosiaalipalveluille\nSairaus "
        "hallinnassa ja hoitokontakti olemassa\nTyövoimapalvelujen tavalliset palvelut riittävät",
    ),
    (
        "jenna-kuuluu-typiin",
        "Jenna",
        44,
        True,
        "Jenna, 44: terveys ja jaksaminen epäselviä",
        "Tiedetään, että terveys rajoittaa, mutta muusta ei ole kokonaiskuvaa.",
        "Jenna haluaa takaisin työelämään. Hänellä on terveysongelmia, ja jaksaminen vaihtelee. "
        "Työvoimapalvelut, terveydenhuolto ja Kela tapaavat häntä kukin erikseen, eikä "
        "kenelläkään ole kokonaiskuvaa siitä, mitä hän tarvitsee. Työttömyys uhkaa pitkittyä, jos "
        "palveluja ei soviteta yhteen.",
        "Terveyteen liittyviä haasteita\nJaksaminen ja kokonaistilanne epäselviä\nYhteistyötä "
        "tarvitaan työvoimapalvelujen, terveydenhuollon ja Kelan kesken\nVahva tuen tarve "
        "työhön pääsemiseksi\nJoku tarvitaan sovittamaan palvelut yhteen",
    ),
    (
        "jenna-ei-kuulu-typiin",
        "Jenna",
        44,
        False,
        "Jenna, 44: kuntoutus alkamassa ja työtarjous pöydällä",
        "Suunnitelma on jo olemassa, eikä monialainen palvelu toisi lisäarvoa.",
        "Jennalle on juuri myönnetty Kelan ammatillinen kuntoutus, ja kuntoutussuunnitelma on "
        "valmis. Hän on saanut työtarjouksen, ja työn aloittamista voidaan kokeilla työkokeiluna. "
        "Hän pärjää työvoimapalvelujen tavallisella tuella.",
        "Kelan kuntoutus on alkamassa\nKuntoutussuunnitelma on kunnossa\nTyötarjous ja "
        "mahdollinen työkokeilu\nMonialainen palvelu ei toisi lisäarvoa",
    ),
]


def create_case_stories(home: HomePage) -> int:
    editor = _user("toimittaja")
    index, _created = ensure_page(
        home,
        CaseStoryIndexPage,
        "asiakastarinat",
        title="Asiakastarinat",
        intro="<p>Kuvitteellisia asiakastarinoita siitä, kuka hyötyy monialaisesta "
        "yhteispalvelusta ja kuka ei. Kerro, oletko samaa mieltä. Tarinat eivät aseta "
        "asiakkuuden kriteerejä: ne auttavat rakentamaan yhteistä ymmärrystä, ja samaa "
        "tapaa voi käyttää, kun kriteerejä myöhemmin kehitetään.</p>",
        show_in_menus=True,
    )
    if not index.show_in_menus:
        index.show_in_menus = True
        index.save(update_fields=["show_in_menus"])
    pages = {}
    for slug, persona, age, belongs, title, intro, situation, factors in CASE_STORIES:
        pages[slug], _created = ensure_page(
            index,
            CaseStoryPage,
            slug,
            publish_by=editor,
            title=title,
            intro=intro,
            persona_name=persona,
            age=age,
            belongs_in_typ=belongs,
            situation=f"<p>{situation}</p>",
            deciding_factors=factors,
        )
    for slug, page in pages.items():
        other = (
            slug.replace("-ei-kuulu-", "-kuuluu-")
            if "-ei-kuulu-" in slug
            else slug.replace("-kuuluu-", "-ei-kuulu-")
        )
        pair = pages.get(other)
        if pair is not None and page.paired_story_id != pair.pk:
            page.paired_story = pair
            page.save_revision(user=editor, log_action=True).publish(user=editor, skip_permission_checks=True)
    return len(pages)


def create_knowledge_demo(stdout=None) -> None:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        _say(stdout, "  no home page: run the core demo first")
        return
    themes = ensure_theme_tags()
    sections = create_sections(home)
    setup_editorial_workflow()
    guidance = create_guidance(sections["guidance"], themes, demo_day(home))
    create_guidance_in_review(sections["guidance"], themes)
    _say(stdout, f"  guidance: {len(guidance)} pages")
    create_interpretations(sections["interpretations"], themes, demo_day(home))
    network_pages = create_network_pages(sections["networks"])
    setup_editorial_workflow()
    _say(stdout, f"  network pages: {len(network_pages)}")
    create_practices(sections["practices"], network_pages, themes)
    create_practice_in_moderation(network_pages, themes)
    _say(stdout, f"  practices: {PracticePage.objects.live().count()} published")
    _say(stdout, f"  customer stories: {create_case_stories(home)}")
    _say(stdout, f"  Swedish translations: {create_swedish_pages(home, sections, guidance)}")
