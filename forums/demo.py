"""Demo forums: one per demo network, national and theme forums, a regional forum that two
neighbouring demo networks share and the TYP directors' forum, with realistic threads.

Idempotent: forums by slug, topics by forum and title, posts by a key derived from their
place in the thread, so running the demo again changes nothing.
"""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from knowledge.models import LawInterpretationPage
from typ_site.core.demo import DEMO_PEOPLE, demo_email
from typ_site.networks.models import Network

from .models import Follow, Forum, Post, Report, Topic
from .notifications import create_post_notifications
from .rendering import render_markdown

DEMO_NAMESPACE = uuid.UUID("5d8a0f3e-2c7b-4f61-9a3d-7e1b0c4d2a90")

NATIONAL_FORUMS = [
    (
        "lain-tulkinta",
        "Lain tulkinta",
        Forum.Kind.NATIONAL,
        10,
        "TYM-lain (381/2023) ja siihen liittyvien säännösten tulkinnat. Kun tulkinnasta "
        "sovitaan, KEHA-keskus kirjaa sen tulkintasivulle ja linkittää keskustelun.",
    ),
    (
        "asiakasprosessi",
        "Asiakasprosessi",
        Forum.Kind.NATIONAL,
        20,
        "Asiakkuuden alku, alkukartoitus, palvelutarpeen arviointi, monialainen suunnitelma ja "
        "loppuarvio: miten eri verkostoissa toimitaan.",
    ),
    (
        "perehdytys",
        "Perehdytys",
        Forum.Kind.THEME,
        30,
        "Uusien työntekijöiden kysymykset ja perehdyttäjien vinkit. Tyhmiä kysymyksiä ei ole.",
    ),
    (
        "hyvat-kaytannot",
        "Hyvät käytännöt ja sudenkuopat",
        Forum.Kind.THEME,
        40,
        "Mikä on toiminut ja mihin on kompastuttu? Jaa kokemuksesi muille verkostoille.",
    ),
]

NETWORK_FORUM_NAMES = {
    "satakunta": "Satakunnan verkoston keskustelualue",
    "pohjois-karjala": "Pohjois-Karjalan verkoston keskustelualue",
    "kymenlaakso": "Kymenlaakson verkoston keskustelualue",
    "pohjois-pohjanmaa": "Pohjois-Pohjanmaan verkoston keskustelualue",
}

# Forums of a few networks or of the directors: (slug, name, kind, position, description,
# the slugs of the networks sharing a regional forum).
SHARED_FORUMS = [
    (
        "ita-suomen-alue",
        "Itä- ja Kaakkois-Suomen verkostojen yhteinen alue",
        Forum.Kind.REGIONAL,
        5,
        "Kymenlaakson ja Pohjois-Karjalan verkostojen yhteinen keskustelualue: alueelliset "
        "kehittämispäivät, asiakkaan muutto alueelta toiselle ja käytännöt, joita kannattaa lainata.",
        ["kymenlaakso", "pohjois-karjala"],
    ),
    (
        "typ-johtajat",
        "TYP-johtajien foorumi",
        Forum.Kind.DIRECTORS,
        6,
        "Verkostojen TYP-johtajien ja KEHA-keskuksen keskenään sopimat asiat, jotta ne myös "
        "välittyvät jokaiseen verkostoon.",
        [],
    ),
]

# forum slug -> topics: (title, days ago, pinned, accepted reply index or None,
#                        [(author key, text), ...]) - the first post opens the topic.
THREADS: dict[str, list[tuple]] = {
    "lain-tulkinta": [
        (
            "Palvelutarpeen arviointi kolmessa kuukaudessa: mistä aika lasketaan?",
            12,
            False,
            2,
            [
                (
                    "asiantuntija.satakunta",
                    "Meillä on syntynyt erimielisyyttä siitä, alkaako kolmen kuukauden määräaika "
                    "asiakkuuden alkamisesta vai ensimmäisestä yhteisestä tapaamisesta. Miten teillä "
                    "on sovittu? Kirjaammeko alkamispäivän eri tavalla kuin muut?",
                ),
                (
                    "terveydenhoitaja.karjala",
                    "Meillä on laskettu siitä päivästä, kun asiakas on ohjattu palveluun ja ohjaus "
                    "on kirjattu. Onko se oikein?",
                ),
                (
                    "hyvaksyja",
                    "Kiitos hyvästä kysymyksestä. Määräaika lasketaan asiakkuuden alkamisesta, ja "
                    "asiakkuus alkaa, kun palvelutarpeen arviointi aloitetaan, ei ohjauspäivästä. "
                    "Alkukartoitus kuuluu arviointiin, joten sekin tehdään asiakkuuden aikana. "
                    "Sama on kerrottu asiakasprosessiohjeen kysymyksissä.",
                ),
                (
                    "asiantuntija.satakunta",
                    "Selvä, tämä auttaa. Merkitsen vastauksen hyväksytyksi ja kerron tiimille.",
                ),
            ],
        ),
        (
            "Yhteensovittamisen tarve ohjautumisen perusteena: miten toteatte tarpeen?",
            7,
            False,
            None,
            [
                (
                    "hyvaksyja",
                    "Avasimme tulkinnan siitä, voiko asiakkuuden aloittaa, kun työttömyys on "
                    "kestänyt vasta vähän aikaa (381/2023 3 §). Kertokaa, miten verkostossanne "
                    "todetaan palvelujen yhteensovittamisen tarve, niin kokoamme yhteisen näkemyksen.",
                ),
                (
                    "sosiaaliohjaaja.satakunta",
                    "Meillä tarve todetaan palvelutarpeen arvioinnissa, jossa sosiaaliohjaaja ja "
                    "työvoimaviranomaisen asiantuntija tapaavat asiakkaan. Olisi hyvä sopia, mitä "
                    "arvioon kirjataan perusteeksi.",
                ),
                (
                    "asiantuntija.pohjanmaa",
                    "Samaa mieltä kirjaamisesta. Meillä polkukaaviossa on kohta, jossa tarve "
                    "todetaan yhdessä; voin jakaa sen tähän ketjuun.",
                ),
            ],
        ),
        (
            "Kuntouttava työtoiminta ja monialainen suunnitelma samaan aikaan",
            5,
            False,
            None,
            [
                (
                    "kela.kymenlaakso",
                    "Voiko asiakas aloittaa kuntouttavan työtoiminnan ennen kuin monialainen "
                    "työllistymissuunnitelma on valmis? Kymenlaaksossa on ollut tapauksia, joissa "
                    "paikka on vapautunut nopeasti ja asiakas olisi halunnut aloittaa heti.",
                ),
                (
                    "esihenkilo.karjala",
                    "Meillä aloitus on sovittu aktivointisuunnitelmalla, ja monialainen suunnitelma "
                    "päivitetään perässä. Tärkeintä on, ettei asiakas jää odottamaan paperia.",
                ),
                (
                    "asiantuntija.pohjanmaa",
                    "Sama käytäntö täällä. Kirjaamme suunnitelmaan jälkikäteen, miksi aloitus "
                    "tapahtui ennen suunnitelman valmistumista.",
                ),
            ],
        ),
    ],
    "asiakasprosessi": [
        (
            "Alkukartoitus etäyhteydellä: kokemuksia?",
            20,
            False,
            None,
            [
                (
                    "asiantuntija.pohjanmaa",
                    "Pitkien välimatkojen takia teemme osan alkukartoituksista videoyhteydellä. "
                    "Asiakkaat ovat olleet tyytyväisiä, mutta terveydenhoitajan arvio jää "
                    "ohuemmaksi. Onko muilla samaa kokemusta?",
                ),
                (
                    "asiantuntija.satakunta",
                    "Satakunnassa terveydenhuollon lisäselvitys tehdään ensisijaisesti nimetyn "
                    "terveydenhoitajan henkilökohtaisessa tapaamisessa. Rukkas-etäkonsultaatio on "
                    "ammattilaisten kesken, ja siitä sovitaan asiakkaan kanssa etukäteen.",
                ),
                (
                    "kela.kymenlaakso",
                    "Kelan näkökulmasta etätapaaminen on usein helpompi järjestää. Kannattaa "
                    "kuitenkin sopia, kuka lähettää asiakkaalle linkin ja ohjeet, ettei niitä tule "
                    "kolmesta suunnasta.",
                ),
            ],
        ),
        (
            "Milloin asiakkuus päättyy? Loppuarvion kirjaaminen",
            3,
            False,
            None,
            [
                (
                    "sosiaaliohjaaja.satakunta",
                    "Teemme loppuarvion, kun asiakas on siirtynyt töihin tai koulutukseen tai kun "
                    "monialaiselle palvelulle ei enää ole tarvetta. Miten muut kirjaavat tilanteen, "
                    "jossa asiakas ei enää vastaa yhteydenottoihin?",
                ),
                (
                    "esihenkilo.karjala",
                    "Meillä yritetään yhteyttä kolme kertaa eri kanavia käyttäen. Sen jälkeen "
                    "loppuarvioon kirjataan, että asiakkuus päättyi yhteyden katkettua, ja "
                    "asiakkaalle lähetetään kirje, jossa kerrotaan miten palveluun pääsee takaisin.",
                ),
            ],
        ),
    ],
    "perehdytys": [
        (
            "Mitä olisit halunnut tietää ensimmäisellä viikolla?",
            30,
            True,
            None,
            [
                (
                    "uusi.satakunta",
                    "Aloitin kuukausi sitten asiantuntijana. Taustani on taloushallinnossa, joten "
                    "sosiaalityön käsitteet ovat uusia. Mitä olisitte itse halunneet kuulla heti "
                    "alussa?",
                ),
                (
                    "typjohtaja.satakunta",
                    "Tervetuloa! Ensimmäiseksi kannattaa ymmärtää, kuka verkostossa tekee mitä: "
                    "työllisyyspalvelut, hyvinvointialue ja Kela. Sovitaan sinulle "
                    "työparipäivä @[Oona Ohjaaja] kanssa ensi viikolle.",
                ),
                (
                    "terveydenhoitaja.karjala",
                    "Minulle oli suurin apu siitä, että sain seurata muutamaa alkukartoitusta ennen "
                    "kuin tein omia. Kysy rohkeasti, kaikki ovat olleet joskus uusia.",
                ),
                (
                    "toimittaja",
                    "Perehdytyspolku uusille asiantuntijoille on julkaistu ohjesivuilla. Kertokaa "
                    "tässä ketjussa, mitä sieltä vielä puuttuu, niin täydennämme.",
                ),
            ],
        ),
    ],
    "hyvat-kaytannot": [
        (
            "Sudenkuoppa: sama asiakas kolmessa jonossa",
            8,
            False,
            None,
            [
                (
                    "johtoryhma.kymenlaakso",
                    "Huomasimme, että sama asiakas odotti samaan aikaan lääkärin vastaanottoa, "
                    "palvelutarpeen arviointia ja Kelan tapaamista, eikä kukaan tiennyt muiden "
                    "varauksista. Nyt yksi nimetty vastuuhenkilö kokoaa ajat yhteen.",
                ),
                (
                    "asiantuntija.satakunta",
                    "Tuttu ongelma. Meillä viikoittainen lyhyt tiimipalaveri on vähentänyt "
                    "päällekkäisyyksiä selvästi.",
                ),
            ],
        ),
    ],
    "satakunta": [
        (
            "Etäkonsultaation vuorot keväällä",
            4,
            False,
            None,
            [
                (
                    "typjohtaja.satakunta",
                    "Kevään etäkonsultaatioajat on nyt sovittu. Kankaanpään toimipisteessä aika on "
                    "tiistaisin ja Harjavallassa torstaisin. Varatkaa ajat yhteisestä kalenterista.",
                ),
                (
                    "sosiaaliohjaaja.satakunta",
                    "Kiitos! Voisiko Porin vuoron siirtää aamupäivään? Iltapäivät ovat täynnä ryhmiä.",
                ),
                (
                    "asiantuntija.satakunta",
                    "@[Oona Ohjaaja] kysyin asiaa, aamupäivä onnistuu huhtikuusta alkaen.",
                ),
            ],
        ),
    ],
    "pohjois-karjala": [
        (
            "Kuntouttavan työtoiminnan paikat Kiteellä",
            6,
            False,
            None,
            [
                (
                    "esihenkilo.karjala",
                    "Kiteen työpajalla vapautuu kaksi paikkaa maaliskuussa. Ilmoittakaa, jos teillä "
                    "on asiakas, jolle paikka sopisi.",
                ),
                (
                    "terveydenhoitaja.karjala",
                    "Minulla on yksi asiakas, jolle tämä voisi sopia. Soitan sinulle huomenna.",
                ),
            ],
        ),
    ],
    "kymenlaakso": [
        (
            "Yhteistyösopimuksen yhteyshenkilöt ajan tasalle",
            2,
            False,
            None,
            [
                (
                    "kela.kymenlaakso",
                    "Hyvinvointialueen ja kuntien yhteistyösopimuksen yhteyshenkilöissä on "
                    "vanhoja nimiä. Voisimmeko päivittää listan ja kertoa sen kaikille verkostossa?",
                ),
                (
                    "johtoryhma.kymenlaakso",
                    "Hyvä ehdotus. Otan asian johtoryhmän seuraavaan kokoukseen ja pyydän kunnilta "
                    "ja hyvinvointialueelta ajantasaiset nimet.",
                ),
            ],
        ),
    ],
    "pohjois-pohjanmaa": [
        (
            "Jalkautuva tiimi Kuusamoon",
            9,
            False,
            None,
            [
                (
                    "asiantuntija.pohjanmaa",
                    "Jalkautuva tiimi käy Kuusamossa joka toinen viikko. Kerätään tähän asiat, jotka "
                    "pitää hoitaa paikan päällä.",
                ),
                (
                    "johtoryhma.pohjanmaa",
                    "Johtoryhmä toivoo, että käynneistä kerätään palaute. Voisitteko kokeilla "
                    "lyhyttä kyselyä kevään ajan?",
                ),
            ],
        ),
    ],
    "ita-suomen-alue": [
        (
            "Yhteinen kehittämispäivä keväällä: aiheet ja paikka",
            6,
            True,
            None,
            [
                (
                    "esihenkilo.karjala",
                    "Ehdotan, että pidämme keväällä yhteisen kehittämispäivän kahden verkoston "
                    "kesken. Meillä toiveena on käydä läpi, miten alkukartoitus jaetaan eri "
                    "toimijoiden kesken. Mitä aiheita teillä Kymenlaaksossa olisi?",
                ),
                (
                    "johtoryhma.kymenlaakso",
                    "Hyvä ajatus. Meiltä ainakin terveyspalveluihin ohjaaminen, koska "
                    "resursseista on pulaa. Voimme tarjota tilat, jos päivä pidetään Kotkassa.",
                ),
                (
                    "kela.kymenlaakso",
                    "Kelan näkökulmasta toivoisin lyhyen osuuden kuntoutuksen hakemisesta, "
                    "jotta kaikki kuulevat saman ohjeen samaan aikaan.",
                ),
            ],
        ),
        (
            "Asiakas muuttaa verkostosta toiseen: mitä siirretään ja miten?",
            3,
            False,
            None,
            [
                (
                    "terveydenhoitaja.karjala",
                    "Asiakkaamme muuttaa Kymenlaaksoon kesken suunnitelman. Kenelle teillä kannattaa "
                    "soittaa ensin, jotta asiakkaan ei tarvitse aloittaa kaikkea alusta?",
                ),
                (
                    "johtoryhma.kymenlaakso",
                    "Soita ensin työllisyysalueen omalle yhteyshenkilölle, hän kutsuu mukaan "
                    "sosiaaliohjauksen. Asiakkaan tiedot siirretään vain hänen suostumuksellaan.",
                ),
            ],
        ),
    ],
    "typ-johtajat": [
        (
            "Päättymissyyn kirjaaminen: muistutus sovitusta linjasta",
            4,
            True,
            None,
            [
                (
                    "typjohtaja.satakunta",
                    'Sovimme aiemmin keskenämme, ettei päättymissyyksi valita "Monialaisen tuen '
                    'tarve päättyy", koska se ei kerro todellista syytä. Olen huomannut, ettei '
                    "tieto ole päässyt kaikkiin verkostoihin. Miten olette vieneet sen omille "
                    "työntekijöillenne?",
                ),
                (
                    "hyvaksyja",
                    "Kiitos muistutuksesta. KEHA-keskus kirjaa linjauksen valtakunnalliseen "
                    "ohjeeseen, jolloin verkostot voivat merkitä sen käsitellyksi omassa "
                    "johtoryhmässään.",
                ),
            ],
        ),
        (
            "Valtakunnallinen tilasto ja vertailukelpoisuus",
            9,
            False,
            None,
            [
                (
                    "admin",
                    "Valtakunnallinen TYP-tilasto yllätti monet. Koska verkostot tilastoivat eri "
                    "tavoin, luvut eivät ole keskenään vertailukelpoisia. Kootaan tähän, mitkä "
                    "kirjaamisen erot teidän mielestänne vaikuttavat eniten.",
                ),
                (
                    "typjohtaja.satakunta",
                    "Meillä eniten vaikuttaa se, mistä päivästä asiakkuuden katsotaan alkaneen. "
                    "Ehdotan, että sovimme siitä ensin.",
                ),
            ],
        ),
    ],
}

# Topics renamed in a later version of the demo: (forum slug, old title) -> new title.
RENAMED_TOPICS = {
    (
        "kymenlaakso",
        "Terveystarkastusten ajanvaraus kahdelle kaupunkiseudulle",
    ): "Yhteistyösopimuksen yhteyshenkilöt ajan tasalle",
}

DEMO_REPORT = (
    "hyvat-kaytannot",
    "Sudenkuoppa: sama asiakas kolmessa jonossa",
    1,
    "kumppani",
    "Onko tässä viestissä riittävän yleisellä tasolla kuvattu tilanne? Varmistaisitteko.",
)


def _people() -> dict:
    emails = {demo_email(person[0]): person[0] for person in DEMO_PEOPLE}
    users = get_user_model().objects.filter(email__in=emails)
    return {emails[user.email]: user for user in users}


def _forums(log) -> dict[str, Forum]:
    forums = {}
    for slug, name, kind, position, description in NATIONAL_FORUMS:
        forums[slug], _ = Forum.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "position": position,
                "description": description,
                "network": None,
            },
        )
    for network in Network.objects.filter(slug__in=NETWORK_FORUM_NAMES):
        forums[network.slug], _ = Forum.objects.update_or_create(
            slug=network.slug,
            defaults={
                "name": NETWORK_FORUM_NAMES[network.slug],
                "kind": Forum.Kind.NETWORK,
                "network": network,
                "position": 0,
                "description": f"{network.name}: vain verkoston jäsenille näkyvä alue.",
            },
        )
    for slug, name, kind, position, description, network_slugs in SHARED_FORUMS:
        forum, _ = Forum.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "position": position,
                "description": description,
                "network": None,
            },
        )
        forum.networks.set(Network.objects.filter(slug__in=network_slugs))
        forums[slug] = forum
    log(f"  {len(forums)} forums")
    return forums


def _post_key(slug: str, title: str, index: int) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"{slug}/{title}/{index}")


def _rename_old_topics(forums: dict) -> None:
    """An installation that loaded an older demo gets the topic (and its posts) renamed."""
    for (slug, old_title), new_title in RENAMED_TOPICS.items():
        forum = forums.get(slug)
        if forum is None or Topic.objects.filter(forum=forum, title=new_title).exists():
            continue
        topic = Topic.objects.filter(forum=forum, title=old_title).first()
        if topic is None:
            continue
        topic.title = new_title
        topic.save(update_fields=["title"])
        for index in range(topic.posts.count()):
            Post.objects.filter(idempotency_key=_post_key(slug, old_title, index)).update(
                idempotency_key=_post_key(slug, new_title, index)
            )


def _thread(forum, people, title, days_ago, pinned, accepted, posts) -> Topic | None:
    opener = people.get(posts[0][0])
    if opener is None:
        return None
    started = timezone.now() - timedelta(days=days_ago)
    topic, _created = Topic.objects.get_or_create(forum=forum, title=title, defaults={"author": opener})
    saved = []
    for index, (author_key, text) in enumerate(posts):
        author = people.get(author_key)
        if author is None:
            continue
        post, created = Post.objects.update_or_create(
            idempotency_key=_post_key(forum.slug, title, index),
            defaults={"topic": topic, "author": author, "body": text, "body_html": render_markdown(text)},
        )
        moment = started + timedelta(hours=5 * index)
        Post.objects.filter(pk=post.pk).update(created_at=moment)
        post.created_at = moment
        Follow.objects.get_or_create(user=author, topic=topic)
        if created and index > 0:
            create_post_notifications(post.pk)
        saved.append(post)
    Topic.objects.filter(pk=topic.pk).update(
        created_at=started,
        last_post_at=saved[-1].created_at,
        reply_count=max(len(saved) - 1, 0),
        is_pinned=pinned,
        accepted_post=saved[accepted] if accepted is not None and accepted < len(saved) else None,
    )
    return topic


# Interpretation page slug -> (forum slug, topic title) of the discussion linked from it.
INTERPRETATION_DISCUSSIONS = {
    "yhteensovittamisen-tarve-ohjautumisen-perusteena": (
        "lain-tulkinta",
        "Yhteensovittamisen tarve ohjautumisen perusteena: miten toteatte tarpeen?",
    ),
}


def _link_interpretation_discussions(people: dict) -> None:
    """An interpretation under discussion links its forum topic (only if it links none yet)."""
    approver = people.get("hyvaksyja")
    for page_slug, (forum_slug, title) in INTERPRETATION_DISCUSSIONS.items():
        page = LawInterpretationPage.objects.filter(slug=page_slug).first()
        topic = Topic.objects.filter(forum__slug=forum_slug, title=title).first()
        if page is None or topic is None or page.discussion_url:
            continue
        page.discussion_url = topic.get_absolute_url()
        page.save_revision(user=approver, log_action=True).publish(user=approver, skip_permission_checks=True)


@transaction.atomic
def load_forum_demo(stdout=None) -> None:
    def log(message):
        if stdout is not None:
            stdout.write(message)

    people = _people()
    forums = _forums(log)
    _rename_old_topics(forums)
    count = 0
    for slug, threads in THREADS.items():
        forum = forums.get(slug)
        if forum is None:
            continue
        for title, days_ago, pinned, accepted, posts in threads:
            if _thread(forum, people, title, days_ago, pinned, accepted, posts) is not None:
                count += 1
    _link_interpretation_discussions(people)
    for key in ("asiantuntija.satakunta", "uusi.satakunta", "kela.kymenlaakso"):
        if key in people and "lain-tulkinta" in forums:
            Follow.objects.get_or_create(user=people[key], forum=forums["lain-tulkinta"])
    slug, title, index, reporter, reason = DEMO_REPORT
    post = Post.objects.filter(idempotency_key=_post_key(slug, title, index)).first()
    if post is not None and reporter in people:
        Report.objects.get_or_create(
            post=post,
            reporter=people[reporter],
            status=Report.Status.OPEN,
            defaults={"reason": reason},
        )
    log(f"  {count} discussion threads")
