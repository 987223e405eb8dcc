"""Demo content of the calendar: a year of events around today, so the demo always looks alive.

Idempotent: events are found by their title and organiser and updated in place; their
changed occurrences are rebuilt on every run.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from typ_site.core.demo import demo_email
from typ_site.core.themes import THEMES, Theme, ensure_theme_tags
from typ_site.networks.models import Network

from .models import Event, EventException, EventLink, Registration
from .recurrence import HELSINKI

LAW, IMPACT, COMMUNICATION, TRAINING, PROCESS = THEMES

NETWORK_PLACES = {
    "satakunta": "Porin toimipiste, kokoushuone Kokemäenjoki",
    "pohjois-karjala": "Joensuun TYP-piste, neuvotteluhuone",
    "kymenlaakso": "Kouvolan palvelupiste, 2. kerroksen kokoustila",
    "pohjois-pohjanmaa": "Oulun työllisyyspalvelut, ryhmätila Merikoski",
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=HELSINKI)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = _weekday_on_or_after(date(year, month, 1), weekday)
    return first + timedelta(weeks=n - 1)


def _month_after(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _until(day: date) -> str:
    return day.strftime("%Y%m%d")


def _optional_url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


# Events renamed in a later version of the demo (an older installation's event is renamed).
RENAMED_EVENTS = {"Ohjausryhmän kokous": "Johtoryhmän kokous"}


def _save_event(title: str, network: Network | None, themes: list[Theme], **fields) -> Event:
    fields.setdefault("recurrence_rule", "")
    fields.setdefault("registration_enabled", False)
    fields.setdefault("capacity", None)
    fields.setdefault("registration_deadline", None)
    fields.setdefault("location_address", "")
    fields.setdefault("online_url", "")
    fields.setdefault("all_day", False)
    event = Event.objects.filter(title=title, network=network).first()
    if event is None:
        old_titles = [old for old, new in RENAMED_EVENTS.items() if new == title]
        event = Event.objects.filter(title__in=old_titles, network=network).first()
        if event is not None:
            event.title = title
        else:
            event = Event(title=title, network=network)
    for name, value in fields.items():
        setattr(event, name, value)
    tags = ensure_theme_tags()
    event.themes.set([tags[theme.slug] for theme in themes])
    event.save()
    return event


def _set_links(event: Event, links: list[tuple[str, str, str | None]]) -> None:
    EventLink.objects.filter(event=event).delete()
    for kind, title, url in links:
        if url:
            EventLink.objects.create(event=event, kind=kind, title=title, url=url)


def _set_exceptions(event: Event, exceptions: list[dict]) -> None:
    EventException.objects.filter(event=event).delete()
    for values in exceptions:
        EventException.objects.create(event=event, **values)


def _national_events(today: date, keha_url_forum: str | None, needs_url: str | None):
    # The national TYP days: spring and autumn, two days each.
    for season, months_ahead in (("kevään", 2), ("syksyn", 8)):
        year, month = _month_after(today, months_ahead)
        first_day = _nth_weekday(year, month, 2, 2)  # the second Wednesday
        event = _save_event(
            f"Valtakunnalliset TYP-päivät, {season} tapaaminen",
            None,
            [LAW, COMMUNICATION, PROCESS],
            description=(
                "Kaksipäiväinen tapaaminen kaikille TYP- ja TYM-verkostojen työntekijöille, "
                "esihenkilöille ja johtoryhmien jäsenille. Ensimmäisenä päivänä kuullaan "
                "ajankohtaiskatsaus lain toimeenpanosta ja verkostojen omia kokemuksia, toisena "
                "päivänä työstetään yhteisiä toimintamalleja pienryhmissä. Päivät voi seurata "
                "myös etäyhteydellä."
            ),
            start=_at(first_day, 0),
            end=_at(first_day + timedelta(days=1), 23, 59),
            all_day=True,
            location_address="Helsinki, kongressikeskuksen pääsali",
            online_url="https://tapahtumat.example.fi/typ-paivat",
            level=Event.Level.NATIONAL,
            event_type=Event.Type.TYP_DAYS,
            visibility=Event.Visibility.PUBLIC,
            registration_enabled=True,
            capacity=250,
            registration_deadline=_at(first_day - timedelta(days=14), 16),
            waiting_list_enabled=True,
        )
        _set_links(
            event,
            [
                (EventLink.Kind.DEVELOPMENT_NEED, "Äänestä kehittämistarpeiden järjestyksestä", needs_url),
                (EventLink.Kind.FORUM_TOPIC, "Keskustele päivien teemoista etukäteen", keha_url_forum),
            ],
        )

    # A monthly introduction to the law for newcomers, on the first Tuesday.
    year, month = _month_after(today, -1)
    first = _nth_weekday(year, month, 1, 1)
    _save_event(
        "TYM-lain perusteet uusille työntekijöille",
        None,
        [LAW, TRAINING],
        description=(
            "Verkkokoulutus niille, jotka ovat vasta aloittaneet monialaisessa "
            "yhteispalvelussa. Käymme läpi, kenelle palvelu on tarkoitettu, miten "
            "asiakkuus alkaa ja päättyy sekä kuka vastaa mistäkin. Koulutus toistuu joka "
            "kuukauden ensimmäisenä tiistaina, joten sen voi ottaa osaksi perehdytystä."
        ),
        start=_at(first, 13),
        end=_at(first, 14, 30),
        online_url="https://tapahtumat.example.fi/tym-laki-perusteet",
        level=Event.Level.NATIONAL,
        event_type=Event.Type.WEBINAR,
        visibility=Event.Visibility.PUBLIC,
        recurrence_rule="FREQ=MONTHLY;BYDAY=1TU;COUNT=12",
        registration_enabled=True,
        capacity=80,
        registration_deadline=_at(first - timedelta(days=1), 12),
        waiting_list_enabled=True,
    )

    trainings = [
        (
            5,
            "Kirjaaminen ja tilastointi monialaisessa työssä",
            [IMPACT],
            "Koulutuspäivä yhtenäisestä kirjaamisesta: mitä kirjataan mihinkin "
            "järjestelmään, miten tilastot syntyvät ja miten niistä saadaan tietoa johtamisen "
            "tueksi.",
            Event.Level.NATIONAL,
            Event.Visibility.MEMBERS,
        ),
        (
            10,
            "Monialaisen työllistymissuunnitelman laatiminen yhdessä asiakkaan kanssa",
            [PROCESS],
            "Käytännönläheinen koulutus suunnitelman tekemisestä: miten palvelutarpeen "
            "arvioinnin havainnot (alkukartoitus mukaan lukien) viedään suunnitelmaan ja "
            "tavoitteet kirjataan asiakkaan omin sanoin.",
            Event.Level.REGIONAL,
            Event.Visibility.PUBLIC,
        ),
        (
            17,
            "Perehdyttäjän valmennus esihenkilöille",
            [TRAINING],
            "Valmennus esihenkilöille ja perehdyttäjille: miten uusi työntekijä pääsee "
            "nopeasti kiinni työhön ja mitä perehdytyspolulle kannattaa koota.",
            Event.Level.NATIONAL,
            Event.Visibility.MEMBERS,
        ),
        (
            30,
            "Vaikuttavuuden arviointi TYP-työssä",
            [IMPACT],
            "Miten verkosto voi seurata palvelun vaikutuksia asiakkaiden tilanteeseen ja "
            "käyttää tietoa toiminnan suunnittelussa.",
            Event.Level.NATIONAL,
            Event.Visibility.PUBLIC,
        ),
    ]
    for weeks_ahead, title, themes, description, level, visibility in trainings:
        day = _weekday_on_or_after(today + timedelta(weeks=weeks_ahead), 3)  # a Thursday
        _save_event(
            title,
            None,
            themes,
            description=description,
            start=_at(day, 9),
            end=_at(day, 15, 30),
            location_address="KEHA-keskus, koulutustila, Helsinki",
            online_url="https://tapahtumat.example.fi/keha-koulutus",
            level=level,
            event_type=Event.Type.TRAINING,
            visibility=visibility,
            registration_enabled=True,
            capacity=40,
            registration_deadline=_at(day - timedelta(days=7), 16),
            waiting_list_enabled=True,
        )


def _network_events(network: Network, today: date, forum_url: str | None):
    place = NETWORK_PLACES.get(network.slug, network.name)
    # Co-working Mondays from two months back until ten months ahead.
    first_monday = _weekday_on_or_after(today - timedelta(weeks=8), 0)
    last_day = today + timedelta(days=300)
    coworking = _save_event(
        "Yhteiskehittämisen maanantai",
        network,
        [COMMUNICATION, PROCESS],
        description=(
            "Verkoston työntekijät kokoontuvat maanantaisin samaan tilaan: käsitellään "
            "yhteisiä asiakastilanteita ilman tunnistetietoja, sovitaan työnjaosta ja "
            "kehitetään omia käytäntöjä. Voit tulla koko päiväksi tai osaksi aikaa."
        ),
        start=_at(first_monday, 9),
        end=_at(first_monday, 15),
        location_address=place,
        online_url="https://tapahtumat.example.fi/maanantai",
        level=Event.Level.NETWORK,
        event_type=Event.Type.COWORKING,
        visibility=Event.Visibility.NETWORK,
        recurrence_rule=f"FREQ=WEEKLY;BYDAY=MO;UNTIL={_until(last_day)}",
        registration_enabled=network.slug == "satakunta",
        capacity=12 if network.slug == "satakunta" else None,
        waiting_list_enabled=True,
    )
    cancelled = _weekday_on_or_after(today + timedelta(weeks=3), 0)
    moved = _weekday_on_or_after(today + timedelta(weeks=6), 0)
    _set_exceptions(
        coworking,
        [
            {
                "original_start": _at(cancelled, 9),
                "kind": EventException.Kind.CANCELLED,
                "note": "Ei yhteistä päivää: tila on varattu koulutukseen.",
            },
            {
                "original_start": _at(moved, 9),
                "kind": EventException.Kind.MOVED,
                "new_start": _at(moved + timedelta(days=1), 9),
                "new_end": _at(moved + timedelta(days=1), 15),
                "note": "Siirretty tiistaille maanantain pyhäpäivän vuoksi.",
            },
        ],
    )
    _set_links(
        coworking,
        [
            (EventLink.Kind.FORUM_TOPIC, "Verkoston keskustelualue", forum_url),
        ],
    )

    year, month = _month_after(today, -1)
    first_meeting = _nth_weekday(year, month, 2, 2)
    _save_event(
        "Johtoryhmän kokous",
        network,
        [IMPACT, LAW],
        description=(
            "Verkoston johtoryhmä käy läpi tilastot ja palvelujen toteutumisen, sopii "
            "kehittämisen painopisteistä ja organisaatioiden välisestä työnjaosta."
        ),
        start=_at(first_meeting, 13),
        end=_at(first_meeting, 15),
        location_address=place,
        level=Event.Level.NETWORK,
        event_type=Event.Type.STEERING_GROUP,
        visibility=Event.Visibility.NETWORK,
        recurrence_rule="FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE;COUNT=6",
    )


WORKSHOPS = [
    # (weeks ahead, network slug or None, theme, title, description, level, visibility)
    (
        3,
        None,
        LAW,
        "Työpaja: lain tulkinnat arjen tilanteissa",
        "Tuodaan pohdittavaksi tilanteita, joissa lakia on tulkittu eri verkostoissa eri "
        "tavoin, ja muotoillaan yhteinen näkemys valtakunnallisesti vietäväksi.",
        Event.Level.NATIONAL,
        Event.Visibility.MEMBERS,
    ),
    (
        7,
        None,
        IMPACT,
        "Työpaja: yhteiset mittarit verkostoille",
        "Sovitaan muutamasta mittarista, joilla verkostot voivat seurata työnsä tuloksia "
        "samalla tavalla ja vertailla kokemuksia.",
        Event.Level.NATIONAL,
        Event.Visibility.PUBLIC,
    ),
    (
        12,
        "kymenlaakso",
        COMMUNICATION,
        "Työpaja: tieto kulkemaan verkostojen välillä",
        "Miten hyvät käytännöt ja sudenkuopat saadaan jaettua naapuriverkostoille? "
        "Työpajassa suunnitellaan alueen yhteinen tapa kertoa kokeiluista.",
        Event.Level.REGIONAL,
        Event.Visibility.PUBLIC,
    ),
    (
        20,
        "pohjois-pohjanmaa",
        TRAINING,
        "Työpaja: perehdytyspolku uudelle työntekijälle",
        "Kootaan yhdessä perehdytyspolun runko: mitä uuden työntekijän pitää tietää "
        "ensimmäisellä viikolla, kuukaudessa ja puolessa vuodessa.",
        Event.Level.REGIONAL,
        Event.Visibility.MEMBERS,
    ),
    (
        26,
        "pohjois-karjala",
        PROCESS,
        "Työpaja: asiakkuuden alku ja loppu",
        "Selkiytetään yhteiset kriteerit sille, milloin asiakas ohjataan palveluun ja "
        "miten asiakkuus päätetään loppuarvioon.",
        Event.Level.REGIONAL,
        Event.Visibility.MEMBERS,
    ),
]


def _workshops(today: date, networks: dict[str, Network], needs_url: str | None) -> list[Event]:
    events = []
    for weeks_ahead, slug, theme, title, description, level, visibility in WORKSHOPS:
        network = networks.get(slug) if slug else None
        if slug and network is None:
            continue
        day = _weekday_on_or_after(today + timedelta(weeks=weeks_ahead), 1)  # a Tuesday
        event = _save_event(
            title,
            network,
            [theme],
            description=description,
            start=_at(day, 12),
            end=_at(day, 15, 30),
            location_address=NETWORK_PLACES.get(slug, "KEHA-keskus, Helsinki") if slug else "",
            online_url="" if slug else "https://tapahtumat.example.fi/tyopaja",
            level=level,
            event_type=Event.Type.WORKSHOP,
            visibility=visibility,
            registration_enabled=True,
            capacity=3 if weeks_ahead == 3 else 25,
            registration_deadline=_at(day - timedelta(days=3), 16),
            waiting_list_enabled=True,
        )
        _set_links(
            event,
            [
                (EventLink.Kind.DEVELOPMENT_NEED, f"Kehittämistarpeet: {theme.name}", needs_url),
            ],
        )
        events.append(event)
    return events


def _demo_registrations(events: list[Event]) -> None:
    users = {
        user.email: user
        for user in get_user_model().objects.filter(
            email__in=[
                demo_email(key)
                for key in (
                    "asiantuntija.satakunta",
                    "uusi.satakunta",
                    "terveydenhoitaja.karjala",
                    "kela.kymenlaakso",
                )
            ]
        )
    }
    full_workshop = next((event for event in events if event.capacity == 3), None)
    if full_workshop is None or full_workshop.capacity is None:
        return
    order = ["asiantuntija.satakunta", "uusi.satakunta", "terveydenhoitaja.karjala", "kela.kymenlaakso"]
    for position, key in enumerate(order):
        user = users.get(demo_email(key))
        if user is None:
            continue
        status = (
            Registration.Status.CONFIRMED
            if position < full_workshop.capacity
            else Registration.Status.WAITING
        )
        Registration.objects.update_or_create(
            event=full_workshop,
            occurrence_start=full_workshop.start,
            user=user,
            defaults={"status": status},
        )


@transaction.atomic
def load_calendar_demo(stdout=None) -> None:
    today = timezone.localdate()
    networks = {network.slug: network for network in Network.objects.filter(is_active=True)}
    forum_url = _optional_url("forums:index")
    needs_url = _optional_url("participation:index")
    _national_events(today, forum_url, needs_url)
    for network in networks.values():
        _network_events(network, today, forum_url)
    workshops = _workshops(today, networks, needs_url)
    _demo_registrations(workshops)
    if stdout is not None:
        stdout.write(f"Calendar: {Event.objects.count()} events.")
