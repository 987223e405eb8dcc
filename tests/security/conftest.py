from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Site, Workflow

from calendar_app import services as calendar_services
from calendar_app.models import Event
from forums import services as forum_services
from forums.models import Forum
from forums.notifications import create_post_notifications
from forums.participation import criteria_services
from forums.participation import services as participation_services
from forums.participation.barometer_models import BarometerItem, BarometerRound, BarometerStatement
from forums.participation.criteria_models import Column, CriteriaRound, RecordingRule
from forums.participation.models import Poll, PollOption, VotingRound
from knowledge.editorial import TWO_STEP_WORKFLOW, setup_editorial_workflow, shared_collection
from knowledge.models import (
    GuidanceIndexPage,
    LawSection,
    NetworkIndexPage,
    NetworkPage,
    PracticePage,
    Statute,
)
from search.models import SynonymGroup
from tests.calendar_app.helpers import make_event
from tests.e2e.fixtures import (  # noqa: F401  (browser fixtures, for test_xss_fields)
    browser_context_args,
    browser_type_launch_args,
    new_context,
    page,
    people,
    site_ready,
)
from tests.factories import (
    make_keha_staff,
    make_member,
    make_membership,
    make_network,
    make_network_admin,
    make_user,
)
from tests.knowledge.conftest import add_page
from tests.security.access_table import ROLES
from typ_site.accounts.roles import EDITORS_GROUP
from typ_site.core.demo_content import create_home_page
from typ_site.core.models import AccessibilityFeedback
from typ_site.indicators.models import IndicatorDefinition, IndicatorFigure, PeriodType, Source, Unit
from typ_site.networks.models import Membership
from typ_site.operating_model import services as operating_model_services
from typ_site.operating_model.models import BaselineCell, ClientProcessTask, Involvement, Party
from typ_site.operating_model.selectors import national_baseline
from typ_site.operating_model.service_catalogue_models import Municipality, NetworkService, ServiceCategory
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry


@dataclass
class World:
    """The objects the URL sweep needs: two networks, one person per role, sample objects.

    When a new view needs an object (a topic, an event...), add it here and point the view's
    row in access_table at it.
    """

    home: object
    network: object
    other_network: object
    users: dict
    pending_request: object
    document: object
    # Forums: a private forum of `network` with a topic by its member, the admin's reply,
    # a file on the first post, the member's notification of the reply and report of it.
    network_forum: object = None
    national_forum: object = None
    topic: object = None
    post: object = None
    reply: object = None
    attachment: object = None
    notification: object = None
    report: object = None
    outsider_forum_feed: object = None  # the other network's member's feed token
    # Calendar: one event of each visibility, private feed tokens.
    public_event: object = None  # organised by `network`, with registration
    members_event: object = None
    network_event: object = None  # for the members of `network` only
    calendar_feed: object = None  # the member's token
    outsider_calendar_feed: object = None  # the other network's member's token
    # Participation: a development need and an open round for the members of `network`.
    need: object = None
    network_round: object = None
    barometer_round: object = None  # a closed TYP barometer round (national)
    # The criteria workspace: a statement under validation in an open criteria round, a
    # recording rule and the member's customer story proposal.
    criteria_round: object = None
    criterion: object = None
    recording_rule: object = None
    story_proposal: object = None
    # The responsibility register: a task with its baseline, a party, and version 1 of the
    # local agreement of `network`.
    process_task: object = None
    party: object = None
    agreement: object = None
    # The network indicators: a definition with a figure of `network`.
    indicator: object = None
    # Who's who: an entry of `network` (members only).
    whoswho_entry: object = None
    # The service catalogue: a category, a municipality and a public service of `network`.
    service_category: object = None
    municipality: object = None
    network_service: object = None
    # Wagtail admin (`_admin_objects`): the editorial groups and tables set up, the page of
    # `network` and a guidance section, one object of each admin area.
    admin: object = None


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    settings.FORUM_ATTACHMENTS_ROOT = tmp_path / "forum-attachments"
    settings.FORUM_POSTS_PER_MINUTE = 1000
    cache.clear()
    home = create_home_page()
    network = make_network("Satakunnan TYP", slug="satakunta")
    other_network = make_network("Kymenlaakson TYP", slug="kymenlaakso")
    newcomer = make_user(first_name="Uusi", last_name="Hakija")
    pending_request = make_membership(newcomer, network, status=Membership.Status.PENDING)
    document = get_document_model().objects.create(
        title="Yhteistyösopimus",
        file=ContentFile(b"Verkoston yhteistyosopimus.\n", name="yhteistyosopimus.txt"),
    )
    users = {
        "anonymous": None,
        "member": make_member(network),
        "other_member": make_member(other_network),
        "network_admin": make_network_admin(network),
        "keha_editor": make_keha_staff("Editors"),
        "superuser": make_user(is_superuser=True, is_staff=True),
    }
    assert set(users) == set(ROLES)
    features = _feature_objects(network, users)
    admin = _admin_objects(home, network, other_network, users)
    yield World(
        home=home,
        network=network,
        other_network=other_network,
        users=users,
        pending_request=pending_request,
        document=document,
        admin=admin,
        **features,
    )
    document.file.delete(save=False)
    admin.image.file.delete(save=False)
    cache.clear()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _feature_objects(network, users) -> dict:
    """Sample objects of the forums, the calendar and participation, made with the apps'
    own services where they have one.

    The private objects belong to `network`: its member and admin may see them, the member of
    the other network may not.
    """
    member, admin, outsider = users["member"], users["network_admin"], users["other_member"]
    network_forum = Forum.objects.create(
        name="Satakunnan oma alue",
        slug="satakunnan-oma-alue",
        kind=Forum.Kind.NETWORK,
        network=network,
    )
    national_forum = Forum.objects.create(
        name="Lain tulkinta", slug="lain-tulkinta", kind=Forum.Kind.NATIONAL
    )
    first_post = forum_services.start_topic(
        member,
        network_forum,
        title="Palaverin aika",
        body="Sopiiko tiistai kaikille?",
        uploads=[SimpleUploadedFile("kalenteri.png", PNG, content_type="image/png")],
    )
    topic = first_post.topic
    reply = forum_services.reply(admin, topic, body="Tiistai sopii, varaan huoneen.")
    # The member follows the topic they started: the reply is a notification for them.
    create_post_notifications(reply.pk)
    report = forum_services.report_post(member, reply, "Väärä alue tälle viestille.")

    soon = make_event().start + timedelta(days=1)
    public_event = make_event(
        title="Alueellinen koulutuspäivä",
        start=soon,
        network=network,
        level=Event.Level.REGIONAL,
        registration_enabled=True,
    )
    members_event = make_event(
        title="Jäsenten webinaari",
        start=soon,
        event_type=Event.Type.WEBINAR,
        visibility=Event.Visibility.MEMBERS,
    )
    network_event = make_event(
        title="Verkoston ohjausryhmä",
        start=soon,
        network=network,
        level=Event.Level.NETWORK,
        event_type=Event.Type.STEERING_GROUP,
        visibility=Event.Visibility.NETWORK,
    )
    calendar_services.register(member, public_event, public_event.start)

    need = participation_services.propose_need(
        member,
        title="Yhteinen kirjaamisohje",
        description="Kirjataan samalla tavalla.",
        themes=["asiakasprosessi"],
    )
    network_round = VotingRound.objects.create(
        title="Satakunnan kevään priorisointi",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=7),
        results_visibility=Poll.ResultsVisibility.LIVE,
    )
    network_round.eligible_networks.set([network])
    network_round.save()  # a cluster's many-to-many is written on save
    PollOption.objects.create(poll=network_round, need=need, position=0)

    barometer_poll = Poll.objects.create(
        kind=Poll.Kind.BAROMETER,
        method=Poll.Method.LIKERT,
        title="TYP-barometri 2024",
        opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    barometer_round = BarometerRound.objects.create(poll=barometer_poll, year=2024)
    BarometerItem.objects.create(
        round=barometer_round,
        statement=BarometerStatement.objects.create(key="tuki", text_fi="Tuki on riittävää."),
        option=PollOption.objects.create(poll=barometer_poll, key="s1", position=0),
    )
    criteria_round = CriteriaRound.objects.create(
        title="Kriteerikierros",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=7),
    )
    criterion = criteria_services.propose_statement(
        member, column=Column.REFER, text="Asiakkaalla on monialaisen palvelun tarve."
    )
    criteria_services.open_validation(users["keha_editor"], criterion, criteria_round)
    criterion.refresh_from_db()
    recording_rule = RecordingRule.objects.create(
        title="Päättymisen kirjaaminen", rule="Päättymispäivä ja syy kirjataan."
    )
    story_proposal = criteria_services.propose_story(
        member,
        title="Kuvitteellinen tarina",
        persona_name="Pekka",
        age=35,
        situation="Pekka palaa töihin.",
        belongs_in_typ=True,
    )

    party = Party.objects.create(key="kela", short_name="Kela", name_fi="Kela")
    process_task = ClientProcessTask.objects.create(key="loppuarvio", name_fi="Loppuarvio")
    BaselineCell.objects.create(task=process_task, party=party, involvement=Involvement.TAKES_PART)
    agreement = operating_model_services.record_agreement(
        admin,
        network,
        confirmed_on=timezone.localdate(),
        cells=[operating_model_services.AgreedCell(process_task.pk, party.pk, Involvement.TAKES_PART)],
        baseline=national_baseline(),
    )
    indicator = IndicatorDefinition.objects.create(
        key="alkaneet-asiakkuudet",
        name_fi="Alkaneet asiakkuudet",
        counted_fi="Jakson aikana alkaneet asiakkuudet.",
        method_fi="TYPPI-rekisteristä.",
        source=Source.TYPPI,
        unit=Unit.PEOPLE,
        period_type=PeriodType.QUARTER,
    )
    IndicatorFigure.objects.create(definition=indicator, network=network, year=2025, number=1, value=3)
    whoswho_entry = WhosWhoEntry.objects.create(
        network=network,
        kind=EntryKind.BOARD,
        role="Puheenjohtaja",
        name="Kari Kuntala",
        confirmed_at=timezone.now(),
    )
    service_category = ServiceCategory.objects.get(key="work-trial")
    municipality = Municipality.objects.create(name_fi="Säkylä", region=network.region)
    network_service = NetworkService.objects.create(
        network=network,
        category=service_category,
        name="Työkokeilu",
        provider="Työllisyysalue",
        how_to_refer="Työvoima-asiantuntija sopii kokeilusta.",
        contact="tyokokeilu@example.fi",
    )
    network_service.municipalities.set([municipality])
    return {
        "indicator": indicator,
        "whoswho_entry": whoswho_entry,
        "service_category": service_category,
        "municipality": municipality,
        "network_service": network_service,
        "process_task": process_task,
        "party": party,
        "agreement": agreement,
        "network_forum": network_forum,
        "national_forum": national_forum,
        "topic": topic,
        "post": first_post,
        "reply": reply,
        "attachment": first_post.attachments.get(),
        "notification": member.forum_notifications.get(),
        "report": report,
        # A forum feed address of someone outside the network: it must not open its forum.
        "outsider_forum_feed": forum_services.feed_token_for(outsider),
        "public_event": public_event,
        "members_event": members_event,
        "network_event": network_event,
        "calendar_feed": calendar_services.create_feed_token(member),
        "outsider_calendar_feed": calendar_services.create_feed_token(outsider),
        "need": need,
        "network_round": network_round,
        "barometer_round": barometer_round,
        "criteria_round": criteria_round,
        "criterion": criterion,
        "recording_rule": recording_rule,
        "story_proposal": story_proposal,
    }


@dataclass
class AdminObjects:
    """One object of each area of the Wagtail admin, for the addresses of its views."""

    network_page: object  # the page of `world.network`: its admins edit it
    guidance_index: object  # KEHA's editors write under it
    revision: object  # of the network page
    # A practice of each network, sent to its network's review by a member: the revision,
    # the workflow and the task state of each are real objects for the admin's addresses.
    # The practice of `world.other_network` is what no role of `world.network` may touch.
    own_practice: object
    other_network_page: object
    other_practice: object
    other_revision: object  # of other_practice, the one in review
    other_workflow_state: object
    other_task_state: object
    image: object  # in the shared collection
    collection: object  # the shared collection
    workflow: object
    task: object
    statute: object
    law_section: object
    synonym_group: object
    accessibility_feedback: object
    redirect: object
    site: object
    locale: object
    group: object  # the editors' group


def _admin_objects(home, network, other_network, users) -> AdminObjects:
    networks_index = add_page(home, NetworkIndexPage(title="Verkostot", slug="verkostot"))
    network_page = add_page(networks_index, NetworkPage(title="Satakunta", slug="satakunta", network=network))
    other_network_page = add_page(
        networks_index, NetworkPage(title="Kymenlaakso", slug="kymenlaakso", network=other_network)
    )
    guidance_index = add_page(home, GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    setup_editorial_workflow()  # after the pages: the tables name them
    own_practice = _practice_in_review(network_page, users["member"], "Satakunnan käytäntö")
    other_practice = _practice_in_review(other_network_page, users["other_member"], "Kymenlaakson käytäntö")
    other_workflow_state = other_practice.workflow_states.get()
    editors = Group.objects.get(name=EDITORS_GROUP)
    image = get_image_model().objects.create(
        title="Verkoston logo", file=get_test_image_file(), collection=shared_collection()
    )
    statute = Statute.objects.get_or_create(
        number="381/2023", defaults={"name": "Laki työvoimapalvelujen järjestämisestä"}
    )[0]
    workflow = Workflow.objects.get(name=TWO_STEP_WORKFLOW)
    return AdminObjects(
        network_page=network_page,
        guidance_index=guidance_index,
        revision=network_page.save_revision(user=users["network_admin"]),
        own_practice=own_practice,
        other_network_page=other_network_page,
        other_practice=other_practice,
        other_revision=other_practice.latest_revision,
        other_workflow_state=other_workflow_state,
        other_task_state=other_workflow_state.current_task_state,
        image=image,
        collection=shared_collection(),
        workflow=workflow,
        task=workflow.workflow_tasks.first().task,
        statute=statute,
        law_section=LawSection.objects.get_or_create(
            statute=statute, number="11", defaults={"title": "Palvelutarve"}
        )[0],
        synonym_group=SynonymGroup.objects.create(expressions="HVA\nhyvinvointialue"),
        accessibility_feedback=AccessibilityFeedback.objects.create(
            message="Lomakkeen virheet eivät näy ruudunlukijalle.", language="fi"
        ),
        redirect=Redirect.objects.create(old_path="/vanha-osoite", redirect_link="/"),
        site=Site.objects.get(is_default_site=True),
        locale=Locale.get_default(),
        group=editors,
    )


def _practice_in_review(network_page, member, title: str):
    """A practice of the network, not yet published, in its network's review."""
    practice = add_page(
        network_page,
        PracticePage(title=title, slug="kaytanto", problem="<p>Ongelma</p>", solution="<p>Ratkaisu</p>"),
        live=False,
    )
    practice.save_revision(user=member)
    practice.get_workflow().start(practice, member)
    practice.refresh_from_db()
    return practice


def client_for(world: World, role: str, **client_options) -> Client:
    client = Client(**client_options)
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client
