"""The home page as a front door: what each person finds there, and nothing they may not see.

Signed out: what the platform is for, the latest national guidance and a way to sign in.
Signed in: the sections the apps contribute (`typ_site.core.home`), each only with content or
a next action, and for admins and KEHA what waits for their decision.
"""

import datetime
import itertools
import re
from types import SimpleNamespace

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory, override_settings
from django.utils import timezone

from calendar_app.models import Event, Registration
from forums import services as forum_services
from forums.models import Forum, Report
from forums.notifications import create_post_notifications
from forums.participation import services as participation_services
from forums.participation.engine import Selection
from forums.participation.models import PollOption
from knowledge.induction.models import Enrolment, InductionIndexPage
from knowledge.models import GuidanceChangeNote, GuidanceIndexPage, GuidancePage
from tests.calendar_app.helpers import make_event
from tests.factories import (
    make_keha_staff,
    make_member,
    make_membership,
    make_network,
    make_network_admin,
    make_user,
)
from tests.helpers import queries_for
from tests.induction.conftest import make_path
from tests.knowledge.conftest import add_page
from tests.participation.conftest import make_round
from typ_site.core.demo_content import create_home_page
from typ_site.core.home import _VISITS_KEY, previous_visit
from typ_site.networks.models import Membership
from typ_site.networks.services import leave_network

_numbers = itertools.count(1)
OUR_TOPIC = "Asiakasohjauksen vuorot keväällä"
THEIR_TOPIC = "Kymenlaakson oma asia"
OUR_EVENT = "Satakunnan johtoryhmän kokous"
THEIR_EVENT = "Kymenlaakson johtoryhmän kokous"


def add_guidance(
    index, title: str, *, note_on: datetime.date | None = None, intro: str = "Tiivistelmä."
) -> GuidancePage:
    slug = title.lower().replace(" ", "-")
    page = add_page(index, GuidancePage(title=title, slug=slug, intro=intro))
    if note_on is not None:
        GuidanceChangeNote.objects.create(page=page, date=note_on, note="Muutettu.")
    return page


@pytest.fixture
def world(db, settings):
    settings.FORUM_POSTS_PER_MINUTE = 1000
    home = create_home_page()
    guidance = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet", show_in_menus=True))
    ours = make_network("Satakunnan TYM-verkosto", slug="satakunta")
    theirs = make_network("Kymenlaakson TYP-verkosto", slug="kymenlaakso")
    our_forum = Forum.objects.create(
        name="Satakunnan alue", slug="satakunta", kind=Forum.Kind.NETWORK, network=ours
    )
    their_forum = Forum.objects.create(
        name="Kymenlaakson alue", slug="kymenlaakso", kind=Forum.Kind.NETWORK, network=theirs
    )
    national = Forum.objects.create(name="Lain tulkinta", slug="lain-tulkinta", kind=Forum.Kind.NATIONAL)
    member = make_member(ours, first_name="Maija")
    admin = make_network_admin(ours)
    keha = make_keha_staff()
    partner = make_user(role="partner", organisation_type="other")
    removed = make_member(ours)
    leave_network(removed, ours)
    their_member = make_member(theirs)
    newcomer = make_member(ours, role="expert")
    forum_services.start_topic(admin, our_forum, title=OUR_TOPIC, body="Kuka ehtii keväällä?")
    forum_services.start_topic(their_member, their_forum, title=THEIR_TOPIC, body="Vain meille.")
    national_post = forum_services.start_topic(member, national, title="Pykälän 11 tulkinta", body="Kysymys.")
    make_event(title=OUR_EVENT, level=Event.Level.NETWORK, visibility=Event.Visibility.NETWORK, network=ours)
    make_event(
        title=THEIR_EVENT, level=Event.Level.NETWORK, visibility=Event.Visibility.NETWORK, network=theirs
    )
    add_guidance(guidance, "Asiakasprosessi", note_on=timezone.localdate())
    return SimpleNamespace(
        home=home,
        guidance=guidance,
        ours=ours,
        theirs=theirs,
        our_forum=our_forum,
        national=national,
        national_post=national_post,
        member=member,
        admin=admin,
        keha=keha,
        partner=partner,
        removed=removed,
        their_member=their_member,
        newcomer=newcomer,
    )


def home_as(client, user=None, path="/") -> str:
    client.logout()
    if user is not None:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def section_of(content: str, heading_id: str) -> str:
    """The HTML of the section labelled by `heading_id` ('' when the page has none)."""
    marker = f'aria-labelledby="{heading_id}"'
    if marker not in content:
        return ""
    return content.split(marker, 1)[1].split("</section>", 1)[0]


# --- Signed out -------------------------------------------------------------------------------


def test_a_visitor_is_told_what_the_platform_is_for_and_how_to_sign_in(client, world):
    content = home_as(client)

    assert "Yhteinen paikka TYP- ja TYM-verkostoille" in content
    assert 'href="/accounts/login/?next=/"' in content
    assert 'href="/accounts/signup/"' in content


def test_a_visitor_sees_the_latest_national_guidance_with_its_date_and_teaser(client, world):
    add_guidance(world.guidance, "Loppuarvio", intro="Mitä loppuarvioon kirjataan.")

    guidance = section_of(home_as(client), "home-guidance-heading")

    assert "Uusimmat valtakunnalliset ohjeet" in guidance
    assert "Loppuarvio" in guidance and "Mitä loppuarvioon kirjataan." in guidance
    assert f'<time datetime="{timezone.localdate():%Y-%m-%d}">' in guidance


def test_a_visitor_sees_no_members_sections(client, world):
    content = home_as(client)

    for heading in (
        "home-topics-heading",
        "cal-home-heading",
        "home-waiting-heading",
        "home-notifications-heading",
    ):
        assert heading not in content
    assert OUR_TOPIC not in content and OUR_EVENT not in content


def test_the_home_page_no_longer_repeats_the_menu_as_cards(client, world):
    content = home_as(client)

    assert 'aria-labelledby="sections-heading"' not in content


# --- Signed in: what is new for me --------------------------------------------------------------


def test_a_member_sees_the_new_topics_of_their_network_marked_unread(client, world):
    topics = section_of(home_as(client, world.member), "home-topics-heading")

    assert OUR_TOPIC in topics
    assert "forum-unread" in topics
    assert THEIR_TOPIC not in topics


def test_a_topic_read_since_its_last_post_is_no_longer_marked(client, world):
    topic = world.our_forum.topics.get()
    forum_services.mark_topic_read(world.member, topic)

    topics = section_of(home_as(client, world.member), "home-topics-heading")

    assert OUR_TOPIC in topics and "forum-unread" not in topics


def test_a_member_of_another_network_never_sees_this_networks_topics_or_events(client, world):
    content = home_as(client, world.their_member)

    assert THEIR_TOPIC in content and THEIR_EVENT in content
    assert OUR_TOPIC not in content and OUR_EVENT not in content


def test_a_partner_in_no_network_sees_no_network_topics_or_events(client, world):
    content = home_as(client, world.partner)

    assert "home-topics-heading" not in content
    for title in (OUR_TOPIC, THEIR_TOPIC, OUR_EVENT, THEIR_EVENT):
        assert title not in content


def test_a_removed_member_no_longer_sees_the_networks_topics_or_events(client, world):
    content = home_as(client, world.removed)

    assert OUR_TOPIC not in content and OUR_EVENT not in content
    assert "home-topics-heading" not in content


def test_a_network_without_topics_offers_to_start_one(client, world):
    world.our_forum.topics.all().delete()

    topics = section_of(home_as(client, world.member), "home-topics-heading")

    assert "Aloita ensimmäinen keskustelu" in topics and 'href="/forums/"' in topics


def test_unread_notifications_are_listed_and_read_ones_are_not(client, world):
    forum_services.follow_forum(world.member, world.our_forum)
    post = forum_services.start_topic(
        world.admin, world.our_forum, title="Uusi aihe seuratulla alueella", body="Hei."
    )
    create_post_notifications(post.pk)

    notifications = section_of(home_as(client, world.member), "home-notifications-heading")
    assert "Uusi aihe seuratulla alueella" in notifications

    forum_services.mark_notifications_read(world.member)
    assert "home-notifications-heading" not in home_as(client, world.member)


def notifications_on_one_topic(world, replies: int):
    """A new topic the member is told of, `replies` replies to it (the member follows it) and
    one reply naming them."""
    forum_services.follow_forum(world.member, world.our_forum)
    post = forum_services.start_topic(world.admin, world.our_forum, title="Yksi aihe", body="Hei.")
    create_post_notifications(post.pk)
    forum_services.follow_topic(world.member, post.topic)
    for number in range(replies):
        create_post_notifications(forum_services.reply(world.admin, post.topic, body=f"Lisää {number}.").pk)
    mention = forum_services.reply(world.admin, post.topic, body="@[Maija Jäsen] katso tämä.")
    create_post_notifications(mention.pk)
    return post.topic


def test_the_notifications_of_one_topic_make_one_line_with_their_count(client, world):
    world.member.last_name = "Jäsen"
    world.member.save()
    notifications_on_one_topic(world, replies=1)
    other = forum_services.start_topic(world.admin, world.our_forum, title="Toinen aihe", body="Hei.")
    create_post_notifications(other.pk)

    notifications = section_of(home_as(client, world.member), "home-notifications-heading")

    assert notifications.count("<li>") == 2
    assert notifications.count("Yksi aihe") == 1 and "Toinen aihe" in notifications
    assert "3 lukematonta tästä" in notifications
    assert "Sinut mainittiin" in notifications  # the newest reason of the topic
    assert '<span class="forum-badge">4</span>' in notifications  # the header's count


def test_the_notifications_line_costs_the_same_with_more_notifications(client, world):
    notifications_on_one_topic(world, replies=1)
    few = cost_for(client, world, "member")

    notifications_on_one_topic(world, replies=10)

    assert cost_for(client, world, "member") == few


def test_my_registered_events_come_first(client, world):
    later = make_event(
        title="Valtakunnallinen koulutus",
        start=timezone.now() + datetime.timedelta(days=20),
        registration_enabled=True,
    )
    Registration.objects.create(
        event=later, occurrence_start=later.start, user=world.member, status=Registration.Status.CONFIRMED
    )

    events = section_of(home_as(client, world.member), "cal-home-heading")

    assert events.index("Valtakunnallinen koulutus") < events.index(OUR_EVENT)
    assert "Ilmoittautunut" in events


WEEKDAYS = {
    "fi": ["ma", "ti", "ke", "to", "pe", "la", "su"],
    "sv": ["mån", "tis", "ons", "tor", "fre", "lör", "sön"],
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}
TIME_TEXT = re.compile(r"<time [^>]*>([^<]*)</time>")


@pytest.mark.parametrize("language, prefix", [("fi", "/"), ("sv", "/sv/"), ("en", "/en/")])
def test_the_events_are_dated_one_way_in_each_language(client, world, language, prefix):
    """A registration and an upcoming event both read "weekday 15.1.2027 09:00", as the rest
    of the site writes dates, not in the locale's own short format (2027-01-15, 1/15/2027)."""
    start = timezone.localtime() + datetime.timedelta(days=20)
    start = start.replace(hour=9, minute=0, second=0, microsecond=0)
    later = make_event(title="Valtakunnallinen koulutus", start=start, registration_enabled=True)
    Registration.objects.create(
        event=later, occurrence_start=later.start, user=world.member, status=Registration.Status.CONFIRMED
    )
    our_event = Event.objects.get(title=OUR_EVENT)

    events = section_of(home_as(client, world.member, path=prefix), "cal-home-heading")

    def written(moment):
        local = timezone.localtime(moment)
        return f"{WEEKDAYS[language][local.weekday()]} {local.day}.{local.month}.{local.year} {local:%H:%M}"

    assert TIME_TEXT.findall(events) == [
        written(later.start),
        f"{written(our_event.start)}–{timezone.localtime(our_event.end):%H:%M}",
    ]


def test_open_votes_are_listed_until_the_member_has_answered(client, world):
    poll = make_round(title="Kevään priorisointi")

    assert "Kevään priorisointi" in section_of(home_as(client, world.member), "participation-home-heading")

    option = PollOption.objects.filter(poll=poll).first()
    participation_services.submit_ballot(world.member, poll, [Selection(option.pk, 1)])
    assert "Kevään priorisointi" not in home_as(client, world.member)


def test_a_round_of_another_network_is_not_offered(client, world):
    make_round(title="Kymenlaakson kierros", networks=[world.theirs])

    assert "Kymenlaakson kierros" not in home_as(client, world.member)
    assert "Kymenlaakson kierros" in home_as(client, world.their_member)


def test_guidance_changed_since_the_last_visit_is_listed_by_its_change_note(client, world):
    add_guidance(world.guidance, "Vanha muutos", note_on=timezone.localdate() - datetime.timedelta(days=10))
    client.force_login(world.member)
    session = client.session
    three_days_ago = timezone.now() - datetime.timedelta(days=3)
    session[_VISITS_KEY] = {"previous": None, "current": three_days_ago.isoformat()}
    session.save()

    guidance = section_of(client.get("/").content.decode(), "home-guidance-heading")

    assert "Muuttuneet ohjeet edellisen käyntisi jälkeen" in guidance
    assert "Asiakasprosessi" in guidance
    assert "Vanha muutos" not in guidance


def test_with_nothing_changed_the_guidance_box_says_so_and_links_the_guidance(client, world):
    GuidancePage.objects.all().update(last_published_at=timezone.now() - datetime.timedelta(days=90))
    GuidanceChangeNote.objects.all().delete()

    guidance = section_of(home_as(client, world.member), "home-guidance-heading")

    assert "Ohjeisiin ei ole tullut muutoksia edellisen käyntisi jälkeen" in guidance
    assert 'href="/ohjeet/"' in guidance


def test_the_last_visit_moves_on_once_a_day():
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(is_authenticated=True)
    request.session = SessionStore()
    yesterday = timezone.now() - datetime.timedelta(days=1)
    request.session[_VISITS_KEY] = {"previous": None, "current": yesterday.isoformat()}

    assert previous_visit(request) == yesterday
    assert request.session[_VISITS_KEY]["previous"] == yesterday.isoformat()


# --- What waits for a decision ------------------------------------------------------------------


def test_a_network_admin_sees_the_membership_requests_waiting_for_them(client, world):
    make_membership(make_user(), world.ours, status=Membership.Status.PENDING)
    make_membership(make_user(), world.ours, status=Membership.Status.PENDING)

    waiting = section_of(home_as(client, world.admin), "home-waiting-heading")

    assert "2 pyyntöä liittyä verkostoosi" in waiting and 'href="/networks/manage/"' in waiting


def test_a_member_and_another_networks_admin_see_no_requests(client, world):
    make_membership(make_user(), world.ours, status=Membership.Status.PENDING)
    their_admin = make_network_admin(world.theirs)

    assert "home-waiting-heading" not in home_as(client, world.member)
    assert "home-waiting-heading" not in home_as(client, their_admin)


def test_keha_staff_see_the_reports_to_moderate(client, world):
    Report.objects.create(post=world.national_post, reporter=world.partner, reason="Tarkistakaa.")

    waiting = section_of(home_as(client, world.keha), "home-waiting-heading")

    assert "1 ilmoitus moderoitavana" in waiting and 'href="/forums/moderation/"' in waiting
    assert "home-waiting-heading" not in home_as(client, world.member)


# --- Language of parts -------------------------------------------------------------------------


def test_finnish_content_on_the_swedish_home_page_is_marked_finnish(client, world):
    content = home_as(client, world.member, path="/sv/")

    assert '<html lang="sv">' in content
    topics = section_of(content, "home-topics-heading")
    assert f'lang="fi">{OUR_TOPIC}</a>' in topics
    guidance = section_of(content, "home-guidance-heading")
    # A page not translated yet is linked under the Swedish prefix (served there in Finnish).
    assert '<a href="/sv/ohjeet/asiakasprosessi/" lang="fi">Asiakasprosessi</a>' in guidance


# --- Cost: the same number of queries with more content ----------------------------------------


def more_content(world, count: int) -> None:
    """`count` more of everything the home page lists, for everyone in the world."""
    forum_services.follow_forum(world.member, world.our_forum)
    forum_services.follow_forum(world.admin, world.our_forum)
    for number in itertools.islice(_numbers, count):
        post = forum_services.start_topic(
            world.admin if number % 2 else world.member,
            world.our_forum,
            title=f"Lisäkeskustelu {number}",
            body="Hei.",
        )
        create_post_notifications(post.pk)
        Report.objects.create(post=post, reporter=world.partner, reason="Tarkistakaa.")
        add_guidance(world.guidance, f"Lisäohje {number}", note_on=timezone.localdate())
        make_event(
            title=f"Lisätapahtuma {number}",
            start=timezone.now() + datetime.timedelta(days=2 + number),
            level=Event.Level.NETWORK,
            visibility=Event.Visibility.NETWORK,
            network=world.ours,
        )
        make_round(title=f"Lisäkierros {number}", need_count=2)
        make_membership(make_user(), world.ours, status=Membership.Status.PENDING)
    for person in (world.member, world.newcomer, world.admin):
        event = make_event(title="Ilmoittautumisen tapahtuma", registration_enabled=True)
        Registration.objects.create(
            event=event, occurrence_start=event.start, user=person, status=Registration.Status.CONFIRMED
        )


def with_induction(world) -> None:
    index = add_page(world.home, InductionIndexPage(title="Perehdytys", slug="perehdytys"))
    path = make_path(SimpleNamespace(index=index), title="Uuden asiantuntijan polku")
    Enrolment.objects.create(user=world.newcomer, path=path)


ROLES = ["visitor", "member", "admin", "keha", "newcomer"]


def cost_for(client, world, role: str) -> int:
    """The cost of rendering the home page: a member's kept home page is counted in
    `test_home_kept.py`."""
    client.logout()
    person = None if role == "visitor" else getattr(world, role)
    if person is not None:
        client.force_login(person)
    with override_settings(PAGE_CACHE_SECONDS=0):
        return queries_for(client, "/")


@pytest.mark.parametrize("role", ROLES)
def test_the_home_page_costs_the_same_with_more_content(client, world, role):
    with_induction(world)
    more_content(world, 2)  # one topic by each author: everyone has an unread notification
    few = cost_for(client, world, role)

    more_content(world, 12)

    assert cost_for(client, world, role) == few


def test_a_visitor_costs_at_most_ten_queries(client, world):
    more_content(world, 5)

    assert cost_for(client, world, "visitor") <= 10


def more_networks(world, count: int) -> None:
    """`count` more networks, each with its forum and a topic, that the member and the admin
    belong to (the admin as an admin, with a pending request to decide in each)."""
    for number in itertools.islice(_numbers, count):
        network = make_network(f"Lisäverkosto {number}", slug=f"lisaverkosto-{number}")
        forum = Forum.objects.create(
            name=f"Lisäverkoston alue {number}",
            slug=f"lisaverkosto-{number}",
            kind=Forum.Kind.NETWORK,
            network=network,
        )
        make_membership(world.member, network)
        make_membership(world.admin, network, role=Membership.Role.ADMIN)
        make_membership(make_user(), network, status=Membership.Status.PENDING)
        author = type(world.admin).objects.get(pk=world.admin.pk)  # its memberships read afresh
        forum_services.start_topic(author, forum, title=f"Verkoston aihe {number}", body="Hei.")


@pytest.mark.parametrize("role", ["member", "admin"])
def test_the_home_page_costs_the_same_in_more_networks(client, world, role):
    more_content(world, 2)
    more_networks(world, 1)
    few = cost_for(client, world, role)

    more_networks(world, 6)

    assert cost_for(client, world, role) == few
