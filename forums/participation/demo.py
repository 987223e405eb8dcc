"""Demo participation: the fifteen development needs of the national study under its themes,
a closed round whose results include a tie, an open round, a proposal waiting for KEHA, and
answers to the six customer stories.

Idempotent: needs by title, rounds by title, demo voters by e-mail, ballots by round and
voter (their choices are rewritten), so running the demo again changes nothing. Every
person here is fictional.
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from calendar_app.models import Event
from forums.models import Topic
from knowledge.models import CaseStoryPage
from typ_site.core.demo import DEMO_PEOPLE, demo_email
from typ_site.networks.models import Membership, Network

from .models import Ballot, BallotChoice, DevelopmentNeed, Poll, PollOption, StoryAnswer, VotingRound
from .services import ensure_story_poll

# (theme slugs, title, description, status, closed-round votes). The themes follow the
# national study's plan: the division of responsibilities appears under three themes there,
# and the commitment of staff and organisations under none.
NEEDS = [
    (
        ("tym-laki", "perehdytys", "asiakasprosessi"),
        "Vastuunjako toimijoiden kesken",
        "Prosessikuvaukseen kirjataan, mikä kuuluu työvoimaviranomaiselle, hyvinvointialueelle "
        "ja Kelalle, jotta tehtävät eivät mene päällekkäin eikä kukaan putoa väliin.",
        "in_development",
        24,
    ),
    (
        ("tym-laki",),
        "Yhtenäinen lain tulkinta",
        "Lakisääteiset tehtävät käydään yhdessä läpi vuoden kierron mukaan ja sovitaan, miten "
        "TYM-lakia sovelletaan eri verkostoissa samalla tavalla.",
        "prioritised",
        19,
    ),
    (
        ("vaikuttavuus",),
        "Kirjaaminen ja lomakkeet",
        "Yhteiset kirjausohjeet, pakolliset tiedot, selkeä lomakepohja ja samat "
        "tilastointitavat kaikille verkostoille.",
        "prioritised",
        13,
    ),
    (
        ("vaikuttavuus",),
        "Vaikuttavuuden seuranta ja arviointi",
        "Tilastoja tarkastellaan yhdessä ja toiminnan tuloksia arvioidaan samoilla mittareilla.",
        "proposed",
        11,
    ),
    (
        ("vaikuttavuus",),
        "Tiedolla johtaminen",
        "Asiakasryhmien tunnistaminen tiedon avulla, jotta työ osataan kohdentaa sinne, missä "
        "tarve on suurin.",
        "proposed",
        8,
    ),
    (
        (),
        "Henkilöstön ja organisaatioiden sitoutuminen",
        "Yhteisen työn lisäarvo tehdään näkyväksi johdolle ja työntekijöille, jotta kaikki "
        "osapuolet sitoutuvat siihen.",
        "proposed",
        10,
    ),
    (
        ("viestinta",),
        "Rakenteet yhteiselle keskustelulle",
        "Säännölliset tapaamiset verkossa ja kasvokkain verkostojen välillä.",
        "done",
        9,
    ),
    (
        ("viestinta",),
        "TYP-toiminnan tunnettuus",
        "Tietoa monialaisesta yhteispalvelusta niille, jotka eivät vielä tunne sitä.",
        "proposed",
        3,
    ),
    (
        ("viestinta",),
        "Avoin tiedonjako verkostojen kesken",
        "Hyvät käytännöt ja sudenkuopat yhteen paikkaan kaikkien luettavaksi.",
        "done",
        12,
    ),
    (
        ("viestinta",),
        "Yhteiset työvälineet ja viestintäkanavat",
        "Välineet, joilla asiakastietojen vaihto ja keskustelu kumppaneiden kesken sujuu.",
        "proposed",
        7,
    ),
    (
        ("perehdytys",),
        "Perehdytyksen ja koulutuksen rakenteet",
        "Yhteinen perehdytysmateriaali ja tuki uusille työntekijöille kaikissa kolmessa organisaatiossa.",
        "in_development",
        16,
    ),
    (
        ("viestinta",),
        "Yhteinen kehittämis- ja koulutuskalenteri",
        "Kansallinen ja alueellinen kalenteri sekä kehittämisen vuosikello teemoittain.",
        "done",
        6,
    ),
    (
        ("asiakasprosessi",),
        "Yhteinen kuva asiakkaan palvelupolusta",
        "Sovitaan, kuka ohjaa asiakkaan palveluun ja kuka ottaa hänestä kopin seuraavaksi.",
        "prioritised",
        14,
    ),
    (
        ("asiakasprosessi",),
        "Asiakaslähtöiset ja tasalaatuiset palvelut",
        "Oikea-aikaiset palvelut samalla laadulla koko maassa, myös kun asiakas muuttaa toiselle alueelle.",
        "proposed",
        8,
    ),
    (
        ("asiakasprosessi",),
        "Asiakkuuden alun ja päättymisen kriteerit",
        "Yhteiset perusteet sille, milloin asiakkuus alkaa ja päättyy ja miten asiakas ohjataan eteenpäin.",
        "prioritised",
        19,
    ),
]

# Needs of the open round and the points each demo ballot gives them.
OPEN_ROUND_NEEDS = [
    "Kirjaaminen ja lomakkeet",
    "Vaikuttavuuden seuranta ja arviointi",
    "Tiedolla johtaminen",
    "Yhteiset työvälineet ja viestintäkanavat",
    "Asiakaslähtöiset ja tasalaatuiset palvelut",
    "Henkilöstön ja organisaatioiden sitoutuminen",
]
OPEN_ROUND_BALLOTS = [
    [4, 3, 0, 2, 1, 0],
    [2, 2, 2, 2, 2, 0],
    [5, 0, 5, 0, 0, 0],
    [0, 4, 3, 0, 3, 0],
    [3, 3, 0, 0, 4, 0],
    [1, 1, 1, 1, 1, 5],
    [6, 0, 0, 4, 0, 0],
    [0, 0, 4, 3, 3, 0],
]

# A proposal that repeats an existing need: KEHA staff can merge it.
DUPLICATE_PROPOSAL = (
    ("perehdytys",),
    "Perehdytyskansio kaikille uusille TYP-työntekijöille",
    "Uudet työntekijät tarvitsevat yhteisen kansion, jossa on prosessi, lait ja yhteystiedot.",
    "uusi.satakunta",
)

FIRST_NAMES = [
    "Anni",
    "Jussi",
    "Leena",
    "Markku",
    "Tiina",
    "Petri",
    "Hanna",
    "Antti",
    "Sari",
    "Juha",
    "Minna",
    "Timo",
    "Laura",
    "Janne",
    "Katja",
    "Heikki",
    "Noora",
    "Olli",
    "Reetta",
    "Vesa",
    "Elina",
    "Ari",
    "Pirjo",
    "Teemu",
]
LAST_NAMES = [
    "Aalto",
    "Berg",
    "Heino",
    "Ikonen",
    "Jokela",
    "Kallio",
    "Laine",
    "Mäki",
    "Nurmi",
    "Ojala",
    "Peltola",
    "Rantala",
    "Salo",
    "Toivonen",
    "Uotila",
    "Vainio",
    "Ahola",
    "Heikkilä",
    "Kivelä",
    "Lehto",
    "Mattila",
    "Niemi",
    "Oksanen",
    "Räsänen",
]
# Roles and organisation types of the demo voters: groups of at least five, and one group
# (municipalities) too small to be shown on its own.
VOTER_ROLES = ["expert"] * 12 + ["supervisor"] * 6 + ["typ_director"] * 6
VOTER_ORGANISATIONS = ["te"] * 8 + ["hva"] * 8 + ["kela"] * 5 + ["municipality"] * 3
ORGANISATION_NAMES = {
    "te": "Työllisyysalue",
    "hva": "Hyvinvointialue",
    "kela": "Kela",
    "municipality": "Kunta",
}
NETWORK_SLUGS = ["satakunta", "pohjois-karjala", "kymenlaakso", "pohjois-pohjanmaa"]

# Story slug -> (agree, disagree, can't say) among the demo answers.
STORY_ANSWERS = {
    "irina-kuuluu-typiin": (25, 3, 2),
    "matti-kuuluu-typiin": (23, 4, 3),
    "jenna-kuuluu-typiin": (21, 5, 4),
    "irina-ei-kuulu-typiin": (13, 12, 5),
    "matti-ei-kuulu-typiin": (24, 4, 2),
    "jenna-ei-kuulu-typiin": (18, 8, 4),
}

LEVELS = ["national", "national", "regional", "national", "local"]
TIMINGS = ["before", "before", "after"]


def demo_voters() -> list:
    User = get_user_model()
    networks = list(Network.objects.filter(slug__in=NETWORK_SLUGS).order_by("slug"))
    voters = []
    for number, (first, last) in enumerate(zip(FIRST_NAMES, LAST_NAMES, strict=True)):
        organisation = VOTER_ORGANISATIONS[number]
        user, created = User.objects.update_or_create(
            email=demo_email(f"osallistuja{number + 1:02d}"),
            defaults={
                "first_name": first,
                "last_name": last,
                "role": VOTER_ROLES[number],
                "organisation_type": organisation,
                "organisation_name": ORGANISATION_NAMES[organisation],
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        if networks:
            Membership.objects.get_or_create(
                user=user,
                network=networks[number % len(networks)],
                defaults={"role": Membership.Role.MEMBER, "status": Membership.Status.APPROVED},
            )
        voters.append(user)
    return voters


def _demo_people() -> list:
    keys = [person[0] for person in DEMO_PEOPLE if person[0] not in ("admin", "kumppani")]
    users = {
        user.email: user
        for user in get_user_model().objects.filter(email__in=[demo_email(key) for key in keys])
    }
    return [users[demo_email(key)] for key in keys if demo_email(key) in users]


def store_ballot(poll: Poll, voter, choices: list[tuple[PollOption, int, str, str]], cast_at) -> Ballot:
    """The voter's ballot with exactly these choices (option, points, level, timing)."""
    ballot, _created = Ballot.objects.update_or_create(
        poll=poll,
        voter=voter,
        defaults={
            "voter_role": voter.role,
            "voter_organisation_type": voter.organisation_type,
            "cast_at": cast_at,
        },
    )
    ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(
        [
            BallotChoice(ballot=ballot, option=option, points=points, level=level, timing=timing)
            for option, points, level, timing in choices
        ]
    )
    return ballot


def create_needs(people: dict) -> dict[str, DevelopmentNeed]:
    needs = {}
    for position, (themes, title, description, status, _votes) in enumerate(NEEDS):
        needs[title], _created = DevelopmentNeed.objects.update_or_create(
            title=title,
            defaults={
                "description": description,
                "status": status,
                "position": (position + 1) * 10,
            },
        )
        needs[title].set_themes(themes)
    themes, title, description, proposer = DUPLICATE_PROPOSAL
    proposal, created = DevelopmentNeed.objects.get_or_create(
        title=title,
        defaults={"description": description, "proposed_by": people.get(proposer)},
    )
    if created:
        proposal.set_themes(themes)
    _link_topics_and_events(needs)
    return needs


def _link_topics_and_events(needs: dict) -> None:
    links = {
        "Yhtenäinen lain tulkinta": "Palvelutarpeen arviointi kolmessa kuukaudessa",
        "Perehdytyksen ja koulutuksen rakenteet": "Mitä olisit halunnut tietää",
        "Asiakkuuden alun ja päättymisen kriteerit": "Milloin asiakkuus päättyy",
    }
    for need_title, topic_start in links.items():
        topic = Topic.objects.filter(title__startswith=topic_start).order_by("pk").first()
        need = needs[need_title]
        if topic is not None and need.topic_id is None:
            need.topic = topic
            need.save(update_fields=["topic"])
    events = list(Event.objects.filter(level=Event.Level.NATIONAL).order_by("start", "pk")[:3])
    for event, title in zip(
        events,
        [
            "Perehdytyksen ja koulutuksen rakenteet",
            "Vastuunjako toimijoiden kesken",
            "Yhteinen kehittämis- ja koulutuskalenteri",
        ],
        strict=False,
    ):
        needs[title].events.add(event)


def _round(title: str, **fields) -> VotingRound:
    poll, _created = VotingRound.objects.update_or_create(title=title, defaults=fields)
    return poll


def _options(poll: Poll, needs: list[DevelopmentNeed]) -> list[PollOption]:
    return [
        PollOption.objects.update_or_create(poll=poll, need=need, defaults={"position": position})[0]
        for position, need in enumerate(needs)
    ]


def timing_question_date(opens_at, closes_at) -> date:
    """The date the timing question asks about: the first new year after the round closes.

    A round asks whether development should start before or after a date still ahead of
    it, never one that has already passed when members vote.
    """
    return date(timezone.localtime(closes_at).year + 1, 1, 1)


def create_closed_round(needs: dict, voters: list) -> VotingRound:
    """Approval voting, five picks, level and timing; two needs tie for second place."""
    now = timezone.now()
    opens_at, closes_at = now - timedelta(days=75), now - timedelta(days=45)
    poll = _round(
        "Kansallisten kehittämistarpeiden priorisointi",
        description="Valitse enintään viisi tarvetta, joiden kehittämistä pidät tärkeimpänä, "
        "ja kerro kunkin kohdalla, millä tasolla ja milloin sitä pitäisi kehittää.",
        opens_at=opens_at,
        closes_at=closes_at,
        method=Poll.Method.APPROVAL,
        max_choices=5,
        asks_level=True,
        asks_timing=True,
        timing_date=timing_question_date(opens_at, closes_at),
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    options = _options(poll, [needs[row[1]] for row in NEEDS])
    picks: dict[int, list] = {index: [] for index in range(len(voters))}
    cursor = 0
    for option, row in zip(options, NEEDS, strict=True):
        for _vote in range(row[4]):
            picks[cursor % len(voters)].append(option)
            cursor += 1
    for index, voter in enumerate(voters):
        choices = [
            (option, 1, LEVELS[(index + number) % len(LEVELS)], TIMINGS[(index + number) % len(TIMINGS)])
            for number, option in enumerate(picks[index])
        ]
        store_ballot(poll, voter, choices, poll.opens_at + timedelta(days=index % 20, hours=3))
    return poll


def create_open_round(needs: dict, voters: list) -> VotingRound:
    now = timezone.now()
    poll = _round(
        "Seuraavan kauden painopisteet",
        description="Jaa kymmenen pistettä niille tarpeille, joiden kehittämisen pitäisi alkaa "
        "seuraavaksi. Voit antaa yhdelle tarpeelle useita pisteitä.",
        opens_at=now - timedelta(days=5),
        closes_at=now + timedelta(days=25),
        method=Poll.Method.POINTS,
        points_total=10,
        asks_level=False,
        asks_timing=False,
        results_visibility=Poll.ResultsVisibility.LIVE,
    )
    options = _options(poll, [needs[title] for title in OPEN_ROUND_NEEDS])
    for voter, points in zip(voters, OPEN_ROUND_BALLOTS, strict=False):
        store_ballot(
            poll,
            voter,
            [(option, given, "", "") for option, given in zip(options, points, strict=True) if given],
            now - timedelta(days=4),
        )
    return poll


def answer_stories(voters: list) -> int:
    count = 0
    for shift, (slug, (agree, disagree, cant_say)) in enumerate(STORY_ANSWERS.items()):
        page = CaseStoryPage.objects.filter(slug=slug).first()
        if page is None:
            continue
        poll = ensure_story_poll(page)
        options = {option.key: option for option in poll.options.all()}
        answers = (
            [StoryAnswer.AGREE] * agree
            + [StoryAnswer.DISAGREE] * disagree
            + [StoryAnswer.CANT_SAY] * cant_say
        )
        ordered = voters[shift * 5 :] + voters[: shift * 5]
        for voter, answer in zip(ordered, answers, strict=False):
            store_ballot(poll, voter, [(options[answer], 1, "", "")], timezone.now() - timedelta(days=10))
            count += 1
    return count


@transaction.atomic
def load_participation_demo(stdout=None) -> None:
    def log(message):
        if stdout is not None:
            stdout.write(message)

    people = {user.email.split("@")[0]: user for user in _demo_people()}
    needs = create_needs(people)
    voters = demo_voters() + list(people.values())
    create_closed_round(needs, voters)
    create_open_round(needs, voters[: len(OPEN_ROUND_BALLOTS)])
    answered = answer_stories(voters)
    log(f"  {len(needs)} development needs, 2 voting rounds, {answered} story answers")
