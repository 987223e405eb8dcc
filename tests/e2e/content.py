"""Content of the feature apps for the browser tests, made with the apps' own models and services.

The browser tests are transactional: the database is emptied after each test, including the
statutes and groups the migrations made. Each builder therefore makes only what its page needs,
and is idempotent within a test (a second call returns what the first made). Loading the whole
demo (`load_demo`) took about 70 s per test on the test machine, so it is not used here.
"""

import datetime
import itertools
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from calendar_app.models import Event
from forums import services as forum_services
from forums.models import Forum
from forums.notifications import create_post_notifications
from forums.participation import services as participation_services
from forums.participation.engine import Selection
from forums.participation.models import DevelopmentNeed, Poll, PollOption, VotingRound
from knowledge.induction import services as induction_services
from knowledge.induction.blocks import step_data
from knowledge.induction.models import InductionIndexPage, InductionPathPage
from knowledge.induction.structure import path_structure
from knowledge.models import (
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
    Statute,
    ThemeIndexPage,
)
from tests.factories import make_user
from typ_site.accounts.roles import APPROVERS_GROUP, EDITORS_GROUP, KEHA_GROUP
from typ_site.core.models import HomePage
from typ_site.core.themes import ensure_theme_tags

_numbers = itertools.count(1)

GUIDANCE_TITLE = "Työllistymissuunnitelman laatiminen"
GUIDANCE_INTRO = "Miten työllistymissuunnitelma tehdään yhdessä asiakkaan kanssa."


def ensure_groups() -> None:
    for name in (KEHA_GROUP, EDITORS_GROUP, APPROVERS_GROUP):
        Group.objects.get_or_create(name=name)


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def _child(parent, page):
    parent.add_child(instance=page)
    return publish(page)


# --- Knowledge base ---------------------------------------------------------------------------


def knowledge_tree() -> SimpleNamespace:
    """The section index pages under the home page (made once per test)."""
    home = HomePage.objects.first()
    ensure_theme_tags()
    indexes = {}
    for key, model, slug, title in [
        ("guidance", GuidanceIndexPage, "ohjeet", "Ohjeet"),
        ("interpretations", LawInterpretationIndexPage, "tulkinnat", "Lain tulkinnat"),
        ("practices", PracticeIndexPage, "kaytannot", "Käytännöt"),
        ("networks", NetworkIndexPage, "verkostot", "Verkostot"),
        ("themes", ThemeIndexPage, "teemat", "Teemat"),
    ]:
        existing = model.objects.first()
        indexes[key] = existing or _child(
            home,
            model(title=title, slug=slug, show_in_menus=True, intro="<p>Osion sivut yhdessä paikassa.</p>"),
        )
    return SimpleNamespace(home=home, **indexes)


def law_section(number: str = "11") -> LawSection:
    """A section of the TYM act (the migration's statutes are gone in a transactional test)."""
    statute, _created = Statute.objects.get_or_create(
        number="381/2023",
        defaults={
            "name": "Laki työvoimapalvelujen järjestämisestä",
            "short_name": "TYM-laki",
            "abbreviation": "TYM",
        },
    )
    section, _created = LawSection.objects.get_or_create(
        statute=statute,
        number=number,
        defaults={
            "title": "Monialainen yhteispalvelu",
            "summary": "Milloin asiakas ohjataan monialaiseen yhteispalveluun.",
        },
    )
    return section


def guidance_page(tree=None, **fields) -> GuidancePage:
    tree = tree or knowledge_tree()
    fields.setdefault("title", GUIDANCE_TITLE)
    fields.setdefault("slug", f"ohje-{next(_numbers)}")
    fields.setdefault("intro", GUIDANCE_INTRO)
    fields.setdefault("next_review_date", datetime.date.today() + datetime.timedelta(days=90))
    fields.setdefault(
        "body",
        [
            ("text", "<p>Suunnitelma laaditaan kolmen kuukauden kuluessa alkukartoituksesta.</p>"),
            (
                "responsibility_matrix",
                {
                    "caption": "Kuka tekee mitäkin",
                    "rows": [
                        {
                            "step": "Alkukartoitus",
                            "te": "responsible",
                            "hva": "takes_part",
                            "kela": "informed",
                        }
                    ],
                },
            ),
        ],
    )
    page = GuidancePage(**fields)
    page.tags.add("asiakasprosessi")
    page.related_sections.set([law_section()])
    return _child(tree.guidance, page)


def interpretation_page(tree=None) -> LawInterpretationPage:
    tree = tree or knowledge_tree()
    page = LawInterpretationPage(
        title="Kuka päättää yhteispalveluun ohjaamisesta?",
        slug=f"tulkinta-{next(_numbers)}",
        intro="Tulkinta ohjaamisen päätösvallasta.",
        question="Voiko kunta ohjata asiakkaan yhteispalveluun ilman Kelan kantaa?",
        interpretation="<p>Ohjaamisesta sovitaan yhdessä; kukin päättää omista palveluistaan.</p>",
    )
    page.sections.set([law_section()])
    page.tags.add("tym-laki")
    return _child(tree.interpretations, page)


def practice_page(tree=None) -> PracticePage:
    tree = tree or knowledge_tree()
    page = PracticePage(
        title="Yhteinen aamupalaveri",
        slug=f"kaytanto-{next(_numbers)}",
        intro="Lyhyt viikoittainen palaveri vähentää päällekkäistä työtä.",
        problem="<p>Asiakkaan asioita hoidettiin kahteen kertaan.</p>",
        solution="<p>Tiimi käy uudet asiakkaat läpi maanantaisin.</p>",
    )
    page.tags.add("asiakasprosessi")
    return _child(tree.practices, page)


def network_page(network, tree=None) -> NetworkPage:
    existing = NetworkPage.objects.filter(network=network).first()
    if existing is not None:
        return existing
    tree = tree or knowledge_tree()
    return _child(
        tree.networks,
        NetworkPage(
            title=network.name,
            slug=network.slug,
            network=network,
            intro="Verkoston toimintamalli ja yhteystiedot.",
            contacts="<p>TYP-johtaja, puhelin 040 000 0000</p>",
        ),
    )


# --- Forums -----------------------------------------------------------------------------------


def network_forum(network) -> Forum:
    forum, _created = Forum.objects.get_or_create(
        slug=f"{network.slug}-keskustelu",
        defaults={
            "name": f"{network.name}: oma alue",
            "kind": Forum.Kind.NETWORK,
            "network": network,
            "description": "Verkoston jäsenten oma keskustelualue.",
        },
    )
    return forum


def topic_with_posts(people, forum=None):
    """A topic by the member with the admin's reply (which notifies the member)."""
    cache.clear()  # the posting rate limit
    forum = forum or network_forum(people.network)
    first = forum_services.start_topic(
        people.member,
        forum,
        title="Alkukartoituksen lomake",
        body="Käyttääkö joku jo uutta **alkukartoituksen** lomaketta?",
    )
    reply = forum_services.reply(
        people.admin,
        first.topic,
        body="Käytämme. Se nopeuttaa ensitapaamista.",
    )
    create_post_notifications(reply.pk)
    return first.topic


def reported_topic(people):
    topic = topic_with_posts(people)
    reply = topic.posts.order_by("-pk").first()
    forum_services.report_post(people.member, reply, "Viesti kuuluu toiselle alueelle.")
    return topic


# --- Calendar ---------------------------------------------------------------------------------


def event(network=None, **fields) -> Event:
    start = (timezone.localtime() + datetime.timedelta(days=3)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    fields.setdefault("title", "Alueellinen koulutuspäivä")
    fields.setdefault("description", "Koulutus uudesta asiakasprosessista.")
    fields.setdefault("location_address", "Pori, Yrjönkatu 1")
    fields.setdefault("event_type", Event.Type.TRAINING)
    fields.setdefault("level", Event.Level.REGIONAL if network else Event.Level.NATIONAL)
    fields.setdefault("registration_enabled", True)
    fields.setdefault("capacity", 30)
    return Event.objects.create(
        start=start, end=start + datetime.timedelta(hours=3), network=network, **fields
    )


# --- Participation ----------------------------------------------------------------------------

ROUND_TITLE = "Kevään kehittämiskohteet"
CLOSED_ROUND_TITLE = "Syksyn kehittämiskohteet"
NEEDS = [
    (
        "Yhteinen alkukartoituksen lomake",
        "asiakasprosessi",
        "Sama lomake kaikille palveluille, jotta asiakas kertoo tilanteensa vain kerran.",
    ),
    (
        "Perehdytyspolku uusille työntekijöille",
        "perehdytys",
        "Ensimmäisten viikkojen tehtävät ja tapaamiset yhdeksi poluksi.",
    ),
    (
        "Vaikuttavuuden seurannan mittarit",
        "vaikuttavuus",
        "Yhteiset mittarit, joilla verkostot seuraavat palvelun tuloksia.",
    ),
]
STORY_TITLE = "Irina, 34: monta palvelua yhtä aikaa"


def development_needs() -> list[DevelopmentNeed]:
    needs = []
    for title, theme, description in NEEDS:
        need, created = DevelopmentNeed.objects.get_or_create(
            title=title, defaults={"description": description}
        )
        if created:
            need.set_themes([theme])
        needs.append(need)
    return needs


def voting_round(title: str = ROUND_TITLE, *, networks=(), **fields) -> VotingRound:
    """An approval round (two picks) over the three needs, open for two more weeks."""
    existing = VotingRound.objects.filter(title=title).first()
    if existing is not None:
        return existing
    now = timezone.now()
    fields.setdefault("description", "Valitse ne kehittämistarpeet, joita pidät tärkeimpinä.")
    fields.setdefault("max_choices", 2)
    fields.setdefault("results_visibility", Poll.ResultsVisibility.AFTER_CLOSE)
    fields["opens_at"] = now - datetime.timedelta(days=1)
    fields["closes_at"] = now + datetime.timedelta(days=14)
    poll = VotingRound.objects.create(title=title, **fields)
    if networks:
        poll.eligible_networks.set(networks)
        poll.save()  # a cluster's many-to-many is written on save
    for position, need in enumerate(development_needs()):
        PollOption.objects.create(poll=poll, need=need, position=position)
    return poll


def closed_round_with_results(voters_per_role: int = 5) -> VotingRound:
    """A closed round whose ballots were cast through the service while it was open.

    Experts and supervisors vote, each group as large as the anonymity threshold, so the
    results page shows its breakdowns by role and organisation type.
    """
    poll = VotingRound.objects.filter(title=CLOSED_ROUND_TITLE).first()
    if poll is not None:
        return poll
    poll = voting_round(CLOSED_ROUND_TITLE)
    first, second, third = poll.options.order_by("position")
    for role, organisation_type, picks in [
        ("expert", "te", [first, second]),
        ("supervisor", "hva", [first, third]),
    ]:
        for _number in range(voters_per_role):
            voter = make_user(role=role, organisation_type=organisation_type)
            participation_services.submit_ballot(
                voter, poll, [Selection(option_id=option.pk, points=1) for option in picks]
            )
    VotingRound.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    poll.refresh_from_db()
    return poll


def case_story_page() -> CaseStoryPage:
    """A published customer story (with its agree / disagree poll) under its index page."""
    existing = CaseStoryPage.objects.filter(title=STORY_TITLE).first()
    if existing is not None:
        return existing
    home = HomePage.objects.first()
    index = CaseStoryIndexPage.objects.first() or _child(
        home,
        CaseStoryIndexPage(
            title="Asiakastarinat",
            slug="asiakastarinat",
            show_in_menus=True,
            intro="<p>Kuvitteellisia asiakastarinoita, joista jäsenet kertovat näkemyksensä.</p>",
        ),
    )
    return _child(
        index,
        CaseStoryPage(
            title=STORY_TITLE,
            slug=f"tarina-{next(_numbers)}",
            persona_name="Irina",
            age=34,
            belongs_in_typ=True,
            intro="Irinalla on asioita usealla luukulla, eikä kukaan näe kokonaisuutta.",
            situation="<p>Irina on ollut pitkään työttömänä. Hän hoitaa lasta yksin ja kertoo "
            "jaksamisensa olevan koetuksella.</p>",
            deciding_factors="Tarvitaan sekä työllisyys- että sosiaalipalveluja\nTilanne on kestänyt pitkään",
        ),
    )


def answer_story(page: CaseStoryPage, **counts: int) -> None:
    """Answers to a story from new members, e.g. answer_story(page, agree=5, disagree=1)."""
    for answer, count in counts.items():
        for _number in range(count):
            participation_services.answer_story(make_user(), page, answer)


# --- Induction --------------------------------------------------------------------------------

INDUCTION_FIRST_TASK = "Lue asiakasprosessin ohje"


def _induction_steps(reading_ids) -> list[dict]:

    return [
        step_data(
            "Tutustu asiakasprosessiin",
            "Tiedät, miten asiakas etenee yhteispalvelussa alkukartoituksesta eteenpäin.",
            [INDUCTION_FIRST_TASK],
            reading=reading_ids,
            minutes=45,
        ),
        step_data(
            "Tapaa verkoston väki",
            "Tunnet verkoston asiantuntijat ja tiedät, keneen olla yhteydessä.",
            ["Sovi tapaaminen TYP-johtajan kanssa", "Osallistu verkoston asiakaspalaveriin"],
            minutes=120,
        ),
        step_data(
            "Lain tulkinnat",
            "Tiedät, mistä yhteisesti sovitut tulkinnat löytyvät.",
            ["Lue tulkinta yhteispalveluun ohjaamisesta"],
            minutes=30,
        ),
    ]


def induction_section() -> SimpleNamespace:
    """The induction index with three paths (made once per test): one for Kela's experts,
    one for experts of the employment authority and one for supervisors. The first step of
    each links to a guidance page."""

    index = InductionIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = _child(
            home,
            InductionIndexPage(
                title="Perehdytys",
                slug="perehdytys",
                show_in_menus=True,
                intro="<p>Valitse oman roolisi polku ja merkitse tehdyt tehtävät.</p>",
            ),
        )
    paths = {path.slug: path for path in InductionPathPage.objects.child_of(index)}
    guidance = GuidancePage.objects.filter(title=GUIDANCE_TITLE).first() or guidance_page()
    for slug, title, role, organisation_type in [
        ("kelan-asiantuntija", "Kelan asiantuntijan perehdytys", "expert", "kela"),
        ("te-asiantuntija", "TE-asiantuntijan perehdytys", "expert", "te"),
        ("esihenkilo", "Esihenkilön perehdytys", "supervisor", ""),
    ]:
        if slug not in paths:
            paths[slug] = _child(
                index,
                InductionPathPage(
                    title=title,
                    slug=slug,
                    target_role=role,
                    target_organisation_type=organisation_type,
                    intro="Ensimmäiset viikot monialaisessa yhteispalvelussa.",
                    steps=_induction_steps([guidance.pk]),
                ),
            )
    return SimpleNamespace(
        index=index,
        guidance=guidance,
        kela_expert=paths["kelan-asiantuntija"],
        te_expert=paths["te-asiantuntija"],
        supervisor=paths["esihenkilo"],
    )


def induction_progress(user, path, *, steps_done: int = 1):
    """The person has started the path and ticked every task of its first `steps_done` steps."""

    induction_services.start_path(user, path)
    for step in path_structure(path)[:steps_done]:
        induction_services.save_step_checklist(user, path, step.id, [task.id for task in step.tasks])
    return path
