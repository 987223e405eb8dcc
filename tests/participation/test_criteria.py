"""The criteria workspace: statements in four columns validated with the one vote engine,
adopted into guidance, recording rules, and members' customer story proposals."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from forums.participation import criteria_services as services
from forums.participation.criteria_models import (
    Column,
    CriteriaRound,
    CriterionStatement,
    RecordingRule,
    ResultsVisibility,
    StoryProposal,
)
from forums.participation.criteria_search import statement_document
from forums.participation.models import Ballot, BallotChoice, Poll
from forums.participation.selectors import polls_to_answer
from knowledge.models import CaseStoryIndexPage, CaseStoryPage, GuidanceIndexPage, GuidancePage
from tests.factories import make_keha_staff, make_user
from tests.helpers import load_demo_steps, queries_for
from typ_site.accounts.exports import build_user_export
from typ_site.core.access import MEMBERS
from typ_site.core.demo_content import create_home_page


@pytest.fixture
def keha():
    return make_keha_staff()


@pytest.fixture
def other_keha():
    return make_keha_staff()


@pytest.fixture
def live_round():
    now = timezone.now()
    return CriteriaRound.objects.create(
        title="Kevään kriteerikierros", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=7)
    )


@pytest.fixture
def home():
    return create_home_page()


@pytest.fixture
def guidance(home):
    index = home.add_child(instance=GuidanceIndexPage(title="Ohjeet", slug="ohjeet"))
    index.save_revision().publish()
    page = index.add_child(instance=GuidancePage(title="Asiakasprosessi", slug="asiakasprosessi"))
    page.save_revision().publish()
    return GuidancePage.objects.get(pk=page.pk)


@pytest.fixture
def story_index(home):
    index = home.add_child(instance=CaseStoryIndexPage(title="Asiakastarinat", slug="asiakastarinat"))
    index.save_revision().publish()
    return index


def statement_in_validation(proposer, keha, criteria_round, column=Column.REFER, text="Monialainen tarve."):
    statement = services.propose_statement(proposer, column=column, text=text)
    services.open_validation(keha, statement, criteria_round)
    statement.refresh_from_db()
    return statement


def answer_many(statement, agree: int, disagree: int = 0, cant_say: int = 0) -> None:
    """Stored ballots of other members, bypassing the view (as the demo does)."""
    options = {option.key: option for option in statement.poll.options.all()}
    keys = ["agree"] * agree + ["disagree"] * disagree + ["cant_say"] * cant_say
    for key in keys:
        ballot = Ballot.objects.create(poll=statement.poll, voter_role="expert", voter_organisation_type="te")
        BallotChoice.objects.create(ballot=ballot, option=options[key], points=1)


# --- Flow -------------------------------------------------------------------------------------


def test_a_member_proposes_and_keha_opens_validation_in_a_round(client, member, keha, live_round):
    client.force_login(member)
    response = client.post(
        reverse("participation:criterion_propose"),
        {"column": Column.STAY, "text": "Asiakkaan tilanne etenee omassa tahdissaan.", "explanation": ""},
    )
    statement = CriterionStatement.objects.get()
    assert response.status_code == 302
    assert statement.status == CriterionStatement.Status.PROPOSED
    assert statement.proposed_by == member and not statement.proposed_by_keha

    client.force_login(keha)
    client.post(reverse("participation:criterion_open", args=[statement.pk]), {"round": live_round.pk})
    statement.refresh_from_db()
    assert statement.status == CriterionStatement.Status.VALIDATION
    assert statement.poll.kind == Poll.Kind.CRITERION
    assert statement.poll.closes_at == live_round.closes_at
    assert sorted(statement.poll.options.values_list("key", flat=True)) == ["agree", "cant_say", "disagree"]


def test_answers_are_ballots_of_the_engine_one_per_member_and_changeable(client, member, keha, live_round):
    statement = statement_in_validation(member, keha, live_round)
    voter = make_user()
    client.force_login(voter)
    url = reverse("participation:criterion", args=[statement.pk])

    client.post(url, {"answer": "disagree"})
    ballot = Ballot.objects.get(poll=statement.poll)
    client.post(url, {"answer": "agree"})  # without the ballot id: refused as a second ballot
    client.post(url, {"answer": "agree", "ballot": ballot.pk})

    assert Ballot.objects.filter(poll=statement.poll).count() == 1
    assert list(BallotChoice.objects.filter(ballot=ballot).values_list("option__key", flat=True)) == ["agree"]
    assert ballot.voter_role == "expert"


def test_a_closed_round_takes_no_answers(client, member, keha, live_round):
    statement = statement_in_validation(member, keha, live_round)
    live_round.opens_at = timezone.now() - timedelta(days=10)
    live_round.closes_at = timezone.now() - timedelta(days=1)
    live_round.save()  # the statements' polls follow
    client.force_login(make_user())

    response = client.post(reverse("participation:criterion", args=[statement.pk]), {"answer": "agree"})

    assert response.status_code == 403
    assert not Ballot.objects.exists()


def test_agreed_follows_the_story_rule_and_then_keha_adopts_into_guidance(
    client, settings, member, keha, live_round, guidance
):
    settings.PARTICIPATION_STORY_MIN_ANSWERS = 10
    settings.PARTICIPATION_STORY_AGREE_SHARE = 0.7
    statement = statement_in_validation(member, keha, live_round)
    answer_many(statement, agree=6, disagree=3)  # too few answers
    with pytest.raises(ValidationError):
        services.adopt_statement(keha, statement, guidance)

    answer_many(statement, agree=1)  # 7 of 10 agree: agreed
    client.force_login(keha)
    page = client.get(reverse("participation:criterion", args=[statement.pk]))
    assert page.context["stage"] == "agreed"
    assert page.context["adopt_form"] is not None
    client.post(reverse("participation:criterion_adopt", args=[statement.pk]), {"guidance_page": guidance.pk})

    statement.refresh_from_db()
    assert statement.status == CriterionStatement.Status.ADOPTED
    assert statement.guidance_page == guidance
    # The guidance page links back to the evidence.
    guidance_page = client.get(guidance.url)
    assert statement.get_absolute_url() in guidance_page.content.decode()


def test_share_below_the_threshold_is_not_agreed(settings, member, keha, live_round, guidance):
    settings.PARTICIPATION_STORY_MIN_ANSWERS = 10
    statement = statement_in_validation(member, keha, live_round)
    answer_many(statement, agree=6, disagree=4)

    assert not services.is_agreed(statement)
    with pytest.raises(ValidationError):
        services.adopt_statement(keha, statement, guidance)


def test_nobody_adopts_their_own_statement(settings, keha, other_keha, live_round, guidance):
    settings.PARTICIPATION_STORY_MIN_ANSWERS = 5
    statement = statement_in_validation(keha, other_keha, live_round)
    answer_many(statement, agree=5)
    assert statement.proposed_by_keha

    with pytest.raises(PermissionDenied):
        services.adopt_statement(keha, statement, guidance)
    services.adopt_statement(other_keha, statement, guidance)
    statement.refresh_from_db()
    assert statement.status == CriterionStatement.Status.ADOPTED


def test_a_member_cannot_open_decline_or_adopt(client, member, live_round, guidance):
    statement = services.propose_statement(member, column=Column.REFER, text="Väite.")
    client.force_login(member)

    for name, data in [
        ("criterion_open", {"round": live_round.pk}),
        ("criterion_decline", {}),
        ("criterion_adopt", {"guidance_page": guidance.pk}),
    ]:
        assert client.post(reverse(f"participation:{name}", args=[statement.pk]), data).status_code == 403
    statement.refresh_from_db()
    assert statement.status == CriterionStatement.Status.PROPOSED


def test_a_declined_statement_is_seen_only_by_keha_and_its_proposer(client, member, keha):
    statement = services.propose_statement(member, column=Column.REFER_OUT, text="Päällekkäinen väite.")
    services.decline_statement(keha, statement)
    url = reverse("participation:criterion", args=[statement.pk])

    client.force_login(make_user())
    assert client.get(url).status_code == 404
    assert "Päällekkäinen" not in client.get(reverse("participation:criteria")).content.decode()
    client.force_login(member)
    assert client.get(url).status_code == 200
    assert statement_document(statement) is None


# --- Visibility of results --------------------------------------------------------------------


def test_results_only_as_the_round_allows(client, settings, member, keha):
    settings.PARTICIPATION_STORY_MIN_ANSWERS = 5
    now = timezone.now()
    after_close = CriteriaRound.objects.create(
        title="Suljettuna näkyvä",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=3),
        results_visibility=Poll.ResultsVisibility.AFTER_CLOSE,
    )
    statement = statement_in_validation(member, keha, after_close)
    answer_many(statement, agree=6)
    client.force_login(make_user())

    page = client.get(reverse("participation:criterion", args=[statement.pk]))
    workspace = client.get(reverse("participation:criteria"))

    assert page.context["summary"] is None
    assert page.context["stage"] == CriterionStatement.Status.VALIDATION  # "agreed" would tell
    row = workspace.context["columns"][1][2][0]
    assert row.summary is None and row.stage == CriterionStatement.Status.VALIDATION
    Poll.objects.filter(pk=statement.poll_id).update(closes_at=now - timedelta(minutes=1))
    closed = client.get(reverse("participation:criteria")).context["columns"][1][2][0]
    assert closed.summary.answers == 6 and closed.stage == "agreed"


def test_small_groups_show_only_the_number_of_answers(client, member, keha, live_round):
    statement = statement_in_validation(member, keha, live_round)
    answer_many(statement, agree=2, disagree=1)
    client.force_login(make_user())

    page = client.get(reverse("participation:criterion", args=[statement.pk]))

    assert page.context["summary"].answers == 3
    assert not page.context["summary"].totals_shown
    assert "% agree" not in page.content.decode()


# --- Workspace, search, export ----------------------------------------------------------------


def test_the_workspace_has_four_columns_and_searches_the_statements(client, member, keha, live_round):
    for column, text in [
        (Column.DO_NOT_REFER, "Eläkkeenhakija ei kuulu."),
        (Column.REFER, "Monialainen tarve kuuluu."),
        (Column.STAY, "Kriisissä annetaan aikaa."),
        (Column.REFER_OUT, "Palvelutarve muuttui."),
    ]:
        services.propose_statement(member, column=column, text=text)
    RecordingRule.objects.create(title="Päättymisen kirjaaminen", rule="Syy kirjataan.")
    client.force_login(make_user())

    page = client.get(reverse("participation:criteria"))
    found = client.get(reverse("participation:criteria"), {"q": "kriisissä"})

    assert [key for key, _label, _rows in page.context["columns"]] == Column.values
    assert all(len(rows) == 1 for _key, _label, rows in page.context["columns"])
    assert "Päättymisen kirjaaminen" in page.content.decode()
    assert found.context["found"] == 1
    assert [len(rows) for _key, _label, rows in found.context["columns"]] == [0, 0, 1, 0]


def test_a_statement_is_a_members_search_document(member):
    statement = services.propose_statement(member, column=Column.REFER, text="Nuori jäänyt syrjään.")

    document = statement_document(statement)

    assert document.access_key == MEMBERS
    assert "Nuori jäänyt syrjään." in document.body


def test_the_own_data_export_has_the_proposals(member):
    services.propose_statement(member, column=Column.REFER, text="Oma väite.")
    services.propose_story(
        member, title="Tarina", persona_name="Liisa", age=40, situation="Arki.", belongs_in_typ=True
    )

    section = build_user_export(member)["criteria"]

    assert [row["text"] for row in section["proposed_statements"]] == ["Oma väite."]
    assert [row["persona_name"] for row in section["proposed_stories"]] == ["Liisa"]
    assert build_user_export(make_user())["criteria"] == {"proposed_statements": [], "proposed_stories": []}


def test_an_open_criterion_is_among_the_votes_to_answer_and_its_link_leads_to_it(
    client, member, keha, live_round
):
    statement = statement_in_validation(member, keha, live_round)
    voter = make_user()
    polls = polls_to_answer(voter)
    assert [poll.pk for poll in polls] == [statement.poll_id]
    client.force_login(voter)

    response = client.get(polls[0].get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == statement.get_absolute_url()


# --- Identity codes ---------------------------------------------------------------------------


def test_identity_codes_are_refused_in_statements_and_stories(client, member):
    client.force_login(member)
    client.post(
        reverse("participation:criterion_propose"), {"column": Column.REFER, "text": "Asiakas 131052-308T."}
    )
    client.post(
        reverse("participation:story_propose"),
        {
            "title": "Tarina",
            "persona_name": "Pekka",
            "age": 35,
            "situation": "Hetu 131052-308T.",
            "belongs_in_typ": "on",
        },
    )
    assert not CriterionStatement.objects.exists()
    assert not StoryProposal.objects.exists()
    with pytest.raises(ValidationError):
        services.propose_statement(member, column=Column.REFER, text="Asiakas 131052-308T.")


# --- Customer story proposals -----------------------------------------------------------------


def test_keha_reviews_a_story_before_its_validation_opens(client, member, keha, story_index):
    client.force_login(member)
    client.post(
        reverse("participation:story_propose"),
        {
            "title": "Pekka palaa töihin",
            "persona_name": "Pekka",
            "age": 35,
            "situation": "Pekka on ollut pitkään poissa työelämästä.",
            "belongs_in_typ": "on",
            "deciding_factors": "Terveys\nOsaaminen",
        },
    )
    proposal = StoryProposal.objects.get()
    assert proposal.status == StoryProposal.Status.SUBMITTED
    assert (
        client.post(
            reverse("participation:story_review", args=[proposal.pk]), {"decision": "accept"}
        ).status_code
        == 403
    )

    client.force_login(keha)
    client.post(
        reverse("participation:story_review", args=[proposal.pk]), {"decision": "accept", "note": "Hyvä."}
    )

    proposal.refresh_from_db()
    page = CaseStoryPage.objects.get(pk=proposal.story_page_id)
    assert proposal.status == StoryProposal.Status.ACCEPTED and proposal.reviewed_by == keha
    assert not page.live  # an editor publishes it; only then can members answer
    assert page.persona_name == "Pekka" and page.get_parent().pk == story_index.pk
    client.force_login(make_user())
    assert (
        client.post(reverse("participation:answer_story", args=[page.pk]), {"answer": "agree"}).status_code
        == 404
    )


def test_nobody_reviews_their_own_story(keha, story_index):
    proposal = services.propose_story(
        keha, title="Oma tarina", persona_name="Aino", age=50, situation="Arki.", belongs_in_typ=False
    )

    with pytest.raises(PermissionDenied):
        services.review_story(keha, proposal, accept=True)
    services.review_story(make_keha_staff(), proposal, accept=False, note="Päällekkäinen.")
    proposal.refresh_from_db()
    assert proposal.status == StoryProposal.Status.DECLINED


def test_a_member_sees_only_their_own_story_proposals(client, member):
    services.propose_story(
        member, title="Minun", persona_name="A", age=30, situation="x", belongs_in_typ=True
    )
    services.propose_story(
        make_user(), title="Toisen", persona_name="B", age=30, situation="y", belongs_in_typ=True
    )
    client.force_login(member)

    titles = [
        proposal.title
        for proposal in client.get(reverse("participation:story_proposals")).context["proposals"]
    ]

    assert titles == ["Minun"]


# --- Query counts -----------------------------------------------------------------------------


def _workspace_with(member, keha, live_round, answers: int) -> None:
    for column in Column.values:
        statement = statement_in_validation(member, keha, live_round, column=column, text=f"Väite {column}")
        answer_many(statement, agree=answers)


def test_the_workspace_and_a_statement_stay_within_ten_queries_whatever_the_answers(
    client, django_assert_max_num_queries, member, keha, live_round
):
    _workspace_with(member, keha, live_round, answers=3)
    statement = CriterionStatement.objects.first()
    client.force_login(make_user())
    workspace, detail = (
        reverse("participation:criteria"),
        reverse("participation:criterion", args=[statement.pk]),
    )
    few = queries_for(client, workspace), queries_for(client, detail)

    _workspace_with(member, keha, live_round, answers=40)
    many = queries_for(client, workspace), queries_for(client, detail)

    assert few == many
    assert max(many) <= 10
    # KEHA staff pay the base of every page for those with powers (the second factor's check,
    # Wagtail's editing bar) on top of the same reads.
    client.force_login(keha)
    assert queries_for(client, detail) <= 13
    assert queries_for(client, reverse("participation:story_proposals")) <= 13


def test_a_statement_links_only_to_stories_every_member_may_open(client, member, keha, story_index):
    shown = story_index.add_child(
        instance=CaseStoryPage(title="Näkyvä", slug="nakyva", persona_name="A", age=30, situation="<p>x</p>")
    )
    shown.save_revision().publish()
    hidden = story_index.add_child(
        instance=CaseStoryPage(
            title="Rajattu", slug="rajattu", persona_name="B", age=30, situation="<p>y</p>"
        )
    )
    hidden.save_revision().publish()
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = story_index.add_child(
        instance=CaseStoryPage(
            title="Luonnos", slug="luonnos", persona_name="C", age=30, situation="<p>z</p>", live=False
        )
    )
    statement = services.propose_statement(member, column=Column.REFER, text="Väite.")
    statement.stories.set([shown, hidden, draft])
    client.force_login(make_user())

    page = client.get(reverse("participation:criterion", args=[statement.pk]))

    assert [story.title for story in page.context["statement"].stories.all()] == ["Näkyvä"]


def test_the_demo_has_a_round_with_statements_in_all_four_columns(db):
    load_demo_steps("core", "knowledge", "forums", "participation", "criteria")
    counts = (Ballot.objects.count(), CriterionStatement.objects.count(), RecordingRule.objects.count())

    statements = CriterionStatement.objects.exclude(poll=None)
    assert set(statements.values_list("column", flat=True)) == set(Column.values)
    assert statements.filter(status=CriterionStatement.Status.ADOPTED, guidance_page__isnull=False).exists()
    assert any(services.is_agreed(statement) for statement in statements.filter(status="validation"))
    assert not all(services.is_agreed(statement) for statement in statements.filter(status="validation"))
    assert StoryProposal.objects.filter(status=StoryProposal.Status.SUBMITTED).exists()

    load_demo_steps("criteria")
    assert (
        Ballot.objects.count(),
        CriterionStatement.objects.count(),
        RecordingRule.objects.count(),
    ) == counts


def test_a_round_offers_the_same_results_visibility_as_every_poll():
    assert ResultsVisibility.choices == Poll.ResultsVisibility.choices
