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
from knowledge.models import (
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
            home, model(title=title, slug=slug, show_in_menus=True,
                        intro="<p>Osion sivut yhdessä paikassa.</p>")
        )
    return SimpleNamespace(home=home, **indexes)


def law_section(number: str = "11") -> LawSection:
    """A section of the TYM act (the migration's statutes are gone in a transactional test)."""
    statute, _created = Statute.objects.get_or_create(
        number="381/2023",
        defaults={"name": "Laki työvoimapalvelujen järjestämisestä", "short_name": "TYM-laki",
                  "abbreviation": "TYM"},
    )
    section, _created = LawSection.objects.get_or_create(
        statute=statute, number=number,
        defaults={"title": "Monialainen yhteispalvelu",
                  "summary": "Milloin asiakas ohjataan monialaiseen yhteispalveluun."},
    )
    return section


def guidance_page(tree=None, **fields) -> GuidancePage:
    tree = tree or knowledge_tree()
    fields.setdefault("title", GUIDANCE_TITLE)
    fields.setdefault("slug", f"ohje-{next(_numbers)}")
    fields.setdefault("intro", GUIDANCE_INTRO)
    fields.setdefault("next_review_date", datetime.date.today() + datetime.timedelta(days=90))
    fields.setdefault("body", [
        ("text", "<p>Suunnitelma laaditaan kolmen kuukauden kuluessa alkukartoituksesta.</p>"),
        ("responsibility_matrix", {
            "caption": "Kuka tekee mitäkin",
            "rows": [{"step": "Alkukartoitus", "te": "responsible", "hva": "takes_part", "kela": "informed"}],
        }),
    ])
    page = GuidancePage(**fields)
    page.tags.add("asiakasprosessi")
    page.related_sections.set([law_section()])
    return _child(tree.guidance, page)


def interpretation_page(tree=None) -> LawInterpretationPage:
    tree = tree or knowledge_tree()
    page = LawInterpretationPage(
        title="Kuka päättää yhteispalveluun ohjaamisesta?", slug=f"tulkinta-{next(_numbers)}",
        intro="Tulkinta ohjaamisen päätösvallasta.",
        question="Voiko kunta ohjata asiakkaan yhteispalveluun ilman Kelan kantaa?",
        interpretation="<p>Ohjaamisesta sovitaan yhdessä; kukin päättää omista palveluistaan."
                       "</p>",
    )
    page.sections.set([law_section()])
    page.tags.add("tym-laki")
    return _child(tree.interpretations, page)


def practice_page(tree=None) -> PracticePage:
    tree = tree or knowledge_tree()
    page = PracticePage(
        title="Yhteinen aamupalaveri", slug=f"kaytanto-{next(_numbers)}",
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
    return _child(tree.networks, NetworkPage(
        title=network.name, slug=network.slug, network=network,
        intro="Verkoston toimintamalli ja yhteystiedot.",
        contacts="<p>TYP-johtaja, puhelin 040 000 0000</p>",
    ))


# --- Forums -----------------------------------------------------------------------------------

def network_forum(network) -> Forum:
    forum, _created = Forum.objects.get_or_create(
        slug=f"{network.slug}-keskustelu",
        defaults={"name": f"{network.name}: oma alue", "kind": Forum.Kind.NETWORK,
                  "network": network, "description": "Verkoston jäsenten oma keskustelualue."},
    )
    return forum


def topic_with_posts(people, forum=None):
    """A topic by the member with the admin's reply (which notifies the member)."""
    cache.clear()  # the posting rate limit
    forum = forum or network_forum(people.network)
    first = forum_services.start_topic(
        people.member, forum, title="Alkukartoituksen lomake",
        body="Käyttääkö joku jo uutta **alkukartoituksen** lomaketta?",
    )
    reply = forum_services.reply(
        people.admin, first.topic, body="Käytämme. Se nopeuttaa ensitapaamista.",
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
