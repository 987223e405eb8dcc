"""Who gets what in the criteria workspace, for the people the site-wide access table has no
column for: a partner and a removed member (tests/security/access_table.py has the others:
a member of another network, a network admin, KEHA staff and a signed-out visitor)."""

from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from forums.participation import criteria_services as services
from forums.participation.criteria_models import Column, CriteriaRound
from forums.participation.models import Ballot
from tests.factories import make_keha_staff, make_member, make_network, make_user
from typ_site.accounts.services import remove_account


@pytest.fixture
def statement():
    member = make_member(make_network("Satakunnan TYP", slug="satakunta"))
    now = timezone.now()
    criteria_round = CriteriaRound.objects.create(
        title="Kierros", opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=5)
    )
    statement = services.propose_statement(member, column=Column.STAY, text="Kriisissä annetaan aikaa.")
    services.open_validation(make_keha_staff(), statement, criteria_round)
    statement.refresh_from_db()
    return statement


def test_a_partner_sees_and_answers_but_does_not_propose(client, statement):
    partner = make_user(role="partner")
    client.force_login(partner)

    assert client.get(reverse("participation:criteria")).status_code == 200
    assert client.get(reverse("participation:story_proposals")).status_code == 200
    assert client.get(reverse("participation:criterion_propose")).status_code == 403
    assert client.get(reverse("participation:story_propose")).status_code == 403
    client.post(reverse("participation:criterion", args=[statement.pk]), {"answer": "agree"})
    assert Ballot.objects.filter(poll=statement.poll, voter=partner).exists()


def test_a_member_of_another_network_answers_the_national_criteria(client, statement):
    outsider = make_member(make_network("Kymenlaakson TYP", slug="kymenlaakso"))
    client.force_login(outsider)

    client.post(reverse("participation:criterion", args=[statement.pk]), {"answer": "disagree"})

    assert Ballot.objects.filter(poll=statement.poll, voter=outsider).exists()


def test_a_removed_member_is_signed_out_and_their_answer_keeps_counting_without_them(client, statement):
    member = make_user()
    client.force_login(member)
    client.post(reverse("participation:criterion", args=[statement.pk]), {"answer": "agree"})
    remove_account(member)
    client.force_login(member)

    workspace = client.get(reverse("participation:criteria"))
    detail = client.get(reverse("participation:criterion", args=[statement.pk]))

    assert workspace.context["needs_sign_in"]
    assert detail.status_code == 302 and "login" in detail["Location"]
    assert Ballot.objects.filter(poll=statement.poll, voter=None).count() == 1


def test_a_signed_out_visitor_is_asked_to_sign_in(client, statement):
    assert client.get(reverse("participation:criteria")).context["needs_sign_in"]
    assert client.get(reverse("participation:criterion", args=[statement.pk])).status_code == 302
    assert client.post(reverse("participation:criterion_open", args=[statement.pk])).status_code == 302


def test_statements_and_story_proposals_cannot_be_changed_in_the_wagtail_admin():
    """Their status moves only through the services (open, adopt, review), where nobody approves
    their own proposal: the admin has no views for them to probe."""
    for model in ("criterionstatement", "storyproposal"):
        with pytest.raises(NoReverseMatch):
            reverse(f"wagtailsnippets_participation_{model}:list")
    assert reverse("wagtailsnippets_participation_criteriaround:list")
