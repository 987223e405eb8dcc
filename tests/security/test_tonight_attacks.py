"""Attacks on the operating model (who's who, service catalogue, adoption), the network
indicators and the criteria workspace, as the people who should not get through: a member of
another network, a partner, a removed member, a signed-out visitor, another network's admin, a
plain member posting to admin-only addresses and KEHA staff acting on what they proposed.

Every test here once was an attack; the ones that found a hole are marked where the rule is.
"""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forums.participation import criteria_services
from forums.participation.barometer_models import BarometerRound
from forums.participation.criteria_models import CriterionStatement, StoryProposal
from tests.factories import make_network_admin, make_user
from tests.security.conftest import client_for
from typ_site.accounts.models import Role
from typ_site.indicators import disclosure
from typ_site.indicators.models import IndicatorFigure, Unit
from typ_site.networks.models import Membership
from typ_site.operating_model.adoption_models import AdoptionStatus
from typ_site.operating_model.service_catalogue_models import NetworkService, ServiceVisibility
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry

pytestmark = pytest.mark.django_db

GUARD_SAYS = "henkilötunnu"
HETU_FORMS = ["131052-308T", "131052-308t", "131052 -308T", "１３１０５２-３０８Ｔ"]


def _other_entry(world):
    return WhosWhoEntry.objects.create(
        network=world.other_network,
        kind=EntryKind.BOARD,
        role="Sihteeri",
        name="Olli Ulkopuolinen",
        confirmed_at=timezone.now(),
    )


def _other_service(world):
    return NetworkService.objects.create(
        network=world.other_network,
        category=world.service_category,
        name="Kymenlaakson palvelu",
        provider="Kunta",
        how_to_refer="Soita.",
        contact="k@example.fi",
    )


def _entry_post(**extra):
    data = {"kind": EntryKind.BOARD, "role": "Jäsen", "name": "Maija Malli", "sort_order": 0}
    data.update(extra)
    return data


# --- Who's who ------------------------------------------------------------------------------


def test_admin_cannot_edit_another_networks_entry_through_own_slug(world):
    entry = _other_entry(world)
    client = client_for(world, "network_admin")
    for name in ("whoswho_edit", "whoswho_confirm", "whoswho_delete"):
        url = reverse(f"operating_model:{name}", kwargs={"slug": world.network.slug, "pk": entry.pk})
        response = client.post(url, _entry_post(name="Kaapattu"))
        assert response.status_code == 404, name
    entry.refresh_from_db()
    assert entry.name == "Olli Ulkopuolinen"


@pytest.mark.parametrize("role", ["network_admin", "member", "keha_editor", "other_member", "anonymous"])
def test_who_may_not_write_another_networks_whoswho(world, role):
    entry = _other_entry(world)
    client = client_for(world, role)
    slug = world.other_network.slug
    posts = [
        (reverse("operating_model:whoswho_add", kwargs={"slug": slug}), _entry_post()),
        (reverse("operating_model:whoswho_edit", kwargs={"slug": slug, "pk": entry.pk}), _entry_post()),
        (reverse("operating_model:whoswho_confirm", kwargs={"slug": slug, "pk": entry.pk}), {}),
        (reverse("operating_model:whoswho_confirm_all", kwargs={"slug": slug}), {}),
        (reverse("operating_model:whoswho_delete", kwargs={"slug": slug, "pk": entry.pk}), {}),
        (reverse("operating_model:whoswho_settings", kwargs={"slug": slug}), {"review_interval_months": 1}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/login" in response["Location"] or "kirjaudu" in response["Location"], url
    assert WhosWhoEntry.objects.filter(network=world.other_network).count() == 1
    assert WhosWhoEntry.objects.get(pk=entry.pk).name == "Olli Ulkopuolinen"


def test_plain_member_cannot_post_to_own_networks_whoswho_admin_urls(world):
    client = client_for(world, "member")
    slug = world.network.slug
    entry = world.whoswho_entry
    for url in (
        reverse("operating_model:whoswho_add", kwargs={"slug": slug}),
        reverse("operating_model:whoswho_edit", kwargs={"slug": slug, "pk": entry.pk}),
        reverse("operating_model:whoswho_confirm_all", kwargs={"slug": slug}),
        reverse("operating_model:whoswho_delete", kwargs={"slug": slug, "pk": entry.pk}),
    ):
        assert client.post(url, _entry_post()).status_code == 403, url
    assert WhosWhoEntry.objects.filter(pk=entry.pk).exists()


def test_entry_cannot_name_a_user_of_another_network(world):
    client = client_for(world, "network_admin")
    outsider = world.users["other_member"]
    url = reverse("operating_model:whoswho_add", kwargs={"slug": world.network.slug})
    response = client.post(url, _entry_post(user=outsider.pk, name=""))
    assert response.status_code == 200  # the form again, with the error
    assert not WhosWhoEntry.objects.filter(user=outsider).exists()


@pytest.mark.parametrize("field", ["name", "role", "note", "organisation", "contact"])
@pytest.mark.parametrize("code", HETU_FORMS)
def test_whoswho_entry_refuses_identity_code(world, field, code):
    client = client_for(world, "network_admin")
    url = reverse("operating_model:whoswho_add", kwargs={"slug": world.network.slug})
    response = client.post(url, _entry_post(**{field: f"Tieto {code} tässä"}))
    assert response.status_code == 200
    assert GUARD_SAYS in response.content.decode()
    assert WhosWhoEntry.objects.filter(network=world.network).count() == 1


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _private_entry_hidden(client, world) -> bool:
    """Neither the who's who page nor its CSV names the fixture's members-only entry."""
    page = client.get(reverse("operating_model:whoswho", kwargs={"slug": world.network.slug}))
    csv = client.get(reverse("operating_model:whoswho_csv", kwargs={"slug": world.network.slug}))
    return b"Kuntala" not in _body(page) and b"Kuntala" not in _body(csv)


def test_private_whoswho_entry_visible_to_member_only(world):
    assert not world.whoswho_entry.is_public
    assert not _private_entry_hidden(client_for(world, "member"), world)  # the control
    for role in ("other_member", "anonymous"):
        assert _private_entry_hidden(client_for(world, role), world), role


def test_removed_member_loses_private_whoswho(world):
    member = world.users["member"]
    client = client_for(world, "member")
    Membership.objects.filter(user=member).delete()
    assert _private_entry_hidden(client, world)


def test_removed_account_loses_private_whoswho(world):
    member = world.users["member"]
    client = client_for(world, "member")
    member.is_removed = True
    member.save()
    assert _private_entry_hidden(client, world)


def test_partner_sees_no_private_whoswho(world):
    partner = make_user(role=Role.PARTNER)
    client = client_for(world, "anonymous")
    client.force_login(partner)
    assert _private_entry_hidden(client, world)


@pytest.mark.parametrize("role", ["other_member", "anonymous"])
def test_search_shows_no_private_whoswho_or_service(world, role, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world.whoswho_entry.save()  # indexed after the commit
        service = world.network_service
        service.visibility = ServiceVisibility.NETWORK
        service.name = "Salainenpalvelu"
        service.save()
    client = client_for(world, role)
    # The page repeats the query: a word found nowhere is the measure.
    echoed = client.get(reverse("search:search"), {"q": "Xyzzykvq"}).content.count(b"Xyzzykvq")
    for word in ("Kuntala", "Salainenpalvelu"):
        response = client.get(reverse("search:search"), {"q": word})
        assert response.status_code == 200
        assert response.content.count(word.encode()) == echoed, word
    for word in ("Kuntala", "Salainenpalvelu"):  # the control: the index has them
        member = client_for(world, "member").get(reverse("search:search"), {"q": word})
        assert member.content.count(word.encode()) > echoed, word


# --- Service catalogue ----------------------------------------------------------------------


def _service_post(world, **extra):
    data = {
        "category": world.service_category.pk,
        "name": "Uusi palvelu",
        "provider": "Kunta",
        "how_to_refer": "Soita.",
        "contact": "a@example.fi",
        "municipalities": [world.municipality.pk],
        "visibility": ServiceVisibility.PUBLIC,
    }
    data.update(extra)
    return data


def test_admin_cannot_edit_another_networks_service_by_pk(world):
    service = _other_service(world)
    client = client_for(world, "network_admin")
    for name in ("edit_service", "delete_service"):
        url = reverse(f"operating_model:{name}", kwargs={"slug": world.network.slug, "pk": service.pk})
        assert client.post(url, _service_post(world, name="Kaapattu")).status_code == 404, name
    url = reverse("operating_model:edit_service", kwargs={"slug": world.other_network.slug, "pk": service.pk})
    assert client.post(url, _service_post(world, name="Kaapattu")).status_code == 403
    service.refresh_from_db()
    assert service.name == "Kymenlaakson palvelu"


@pytest.mark.parametrize("role", ["member", "keha_editor", "other_member"])
def test_non_admins_cannot_keep_services(world, role):
    client = client_for(world, role)
    slug = world.network.slug
    service = world.network_service
    assert (
        client.post(
            reverse("operating_model:add_service", kwargs={"slug": slug}), _service_post(world)
        ).status_code
        == 403
    )
    url = reverse("operating_model:delete_service", kwargs={"slug": slug, "pk": service.pk})
    assert client.post(url).status_code == 403
    assert NetworkService.objects.filter(pk=service.pk).exists()


@pytest.mark.parametrize("field", ["name", "provider", "how_to_refer", "contact"])
def test_service_refuses_identity_code(world, field):
    client = client_for(world, "network_admin")
    url = reverse("operating_model:add_service", kwargs={"slug": world.network.slug})
    response = client.post(url, _service_post(world, **{field: "asiakas 131052 -308t"}))
    assert response.status_code == 200
    assert GUARD_SAYS in response.content.decode()
    assert NetworkService.objects.filter(network=world.network).count() == 1


def test_members_only_service_not_in_csv_for_outsiders(world):
    service = world.network_service
    service.visibility = ServiceVisibility.NETWORK
    service.save()
    for role in ("other_member", "anonymous"):
        client = client_for(world, role)
        for url in (
            reverse("operating_model:services_csv"),
            reverse("operating_model:network_services_csv", kwargs={"slug": world.network.slug}),
        ):
            body = _body(client.get(url))
            assert b"Ty\xc3\xb6kokeilu" not in body, (role, url)


# --- Adoption of national decisions ---------------------------------------------------------


def _adoption_url(network):
    return reverse("operating_model:adoption_decision", kwargs={"slug": network.slug, "decision": "baseline"})


@pytest.mark.parametrize("role", ["network_admin", "member", "keha_editor", "other_member"])
def test_cannot_set_another_networks_adoption(world, role):
    target = world.other_network if role in ("network_admin", "member") else world.network
    response = client_for(world, role).post(_adoption_url(target), {"state": "in_use"})
    assert response.status_code in (403, 404)
    assert not AdoptionStatus.objects.exists()


def test_adoption_reason_refuses_identity_code(world):
    client = client_for(world, "network_admin")
    response = client.post(
        _adoption_url(world.network), {"state": "deviation", "deviation_reason": "Koskee 131052-308T:tä"}
    )
    assert response.status_code == 200
    assert GUARD_SAYS in response.content.decode()
    assert not AdoptionStatus.objects.exists()


# --- Network indicators ---------------------------------------------------------------------


def test_admin_cannot_enter_another_networks_figures(world):
    client = client_for(world, "network_admin")
    url = reverse("indicators:enter", kwargs={"slug": world.other_network.slug, "period_type": "year"})
    response = client.post(url, {"year": 2025, f"value-{world.indicator.pk}": 50})
    assert response.status_code == 403
    upload = SimpleUploadedFile("f.csv", b"indicator;period;value\nalkaneet-asiakkuudet;2025-Q1;50\n")
    url = reverse("indicators:upload", kwargs={"slug": world.other_network.slug})
    assert client.post(url, {"file": upload}).status_code == 403
    assert not IndicatorFigure.objects.filter(network=world.other_network).exists()


@pytest.mark.parametrize("role", ["member", "keha_editor"])
def test_non_admins_cannot_enter_figures(world, role):
    upload = SimpleUploadedFile("f.csv", b"indicator;period;value\nalkaneet-asiakkuudet;2025-Q1;50\n")
    url = reverse("indicators:upload", kwargs={"slug": world.network.slug})
    assert client_for(world, role).post(url, {"file": upload}).status_code == 403
    assert IndicatorFigure.objects.get(network=world.network).value == 3


@pytest.mark.parametrize("code", ["131052-308T", "131052 -308t"])
def test_indicator_upload_refuses_identity_code(world, code):
    """A file with a code in any cell is refused whole, as every other upload (found tonight:
    the indicator upload read only its three columns and never looked at the rest)."""
    content = f"indicator;period;value;huom\nalkaneet-asiakkuudet;2025-Q1;50;{code}\n".encode()
    upload = SimpleUploadedFile("luvut.csv", content)
    url = reverse("indicators:upload", kwargs={"slug": world.network.slug})
    response = client_for(world, "network_admin").post(url, {"file": upload})
    assert response.status_code == 200
    assert GUARD_SAYS in response.content.decode()
    assert not IndicatorFigure.objects.filter(network=world.network, number=1, value=50).exists()


def test_small_counts_stay_hidden_in_csv_for_everyone(world):
    # The fixture's figure of `network` is 3 people: "< 5" everywhere.
    for role in ("member", "keha_editor", "other_member", "anonymous"):
        text = _body(client_for(world, role).get(reverse("indicators:export_csv"))).decode("utf-8-sig")
        assert ";3;" not in text and ";3\r" not in text and ";3\n" not in text, role


def test_national_total_hides_a_hidden_zero():
    """0 is shown as "< 5"; a shown total would give it away (total − the shown networks).
    Found tonight: the rule looked only at a hidden sum above zero."""
    assert disclosure.national(Unit.PEOPLE, [Decimal(0), Decimal(20), Decimal(30)]).hidden


def test_national_total_hides_two_small_networks_from_each_other():
    """Two hidden networks of 3 and 4: an admin who knows their own 3 gets the other's 4 from
    the total. Found tonight: a hidden sum of 5 or more let the total through."""
    assert disclosure.national(Unit.PEOPLE, [Decimal(3), Decimal(4), Decimal(20)]).hidden


def test_national_total_shown_when_hidden_networks_protect_each_other():
    shown = disclosure.national(Unit.PEOPLE, [Decimal(3), Decimal(4), Decimal(4), Decimal(20)])
    assert not shown.hidden and shown.number == Decimal(31)
    assert not disclosure.national(Unit.PEOPLE, [Decimal(20), Decimal(30)]).hidden


# --- Criteria workspace ---------------------------------------------------------------------


def test_plain_member_cannot_run_criteria(world):
    client = client_for(world, "member")
    criterion = world.criterion
    for name in ("criterion_adopt", "criterion_decline", "criterion_open"):
        url = reverse(f"participation:{name}", kwargs={"pk": criterion.pk})
        assert client.post(url, {"guidance_page": world.admin.guidance_index.pk}).status_code == 403, name
    url = reverse("participation:story_review", kwargs={"pk": world.story_proposal.pk})
    assert client.post(url, {"decision": "accept"}).status_code == 403
    criterion.refresh_from_db()
    assert criterion.status == CriterionStatement.Status.VALIDATION
    assert StoryProposal.objects.get(pk=world.story_proposal.pk).status == StoryProposal.Status.SUBMITTED


def test_keha_cannot_accept_own_story_proposal(world):
    keha = world.users["keha_editor"]
    proposal = criteria_services.propose_story(
        keha, title="Oma tarina", persona_name="Liisa", age=40, situation="Liisa.", belongs_in_typ=True
    )
    response = client_for(world, "keha_editor").post(
        reverse("participation:story_review", kwargs={"pk": proposal.pk}), {"decision": "accept"}
    )
    assert response.status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == StoryProposal.Status.SUBMITTED


@pytest.mark.parametrize("code", HETU_FORMS)
def test_criterion_proposal_refuses_identity_code(world, code):
    before = CriterionStatement.objects.count()
    response = client_for(world, "member").post(
        reverse("participation:criterion_propose"), {"column": "refer", "text": f"Asiakas {code} tarvitsee."}
    )
    assert GUARD_SAYS in response.content.decode()
    assert CriterionStatement.objects.count() == before


def test_controls_the_same_posts_without_a_code_are_saved(world):
    """The refusals above are the guard's, not a form that never validates."""
    admin = client_for(world, "network_admin")
    response = admin.post(
        reverse("operating_model:whoswho_add", kwargs={"slug": world.network.slug}), _entry_post()
    )
    assert response.status_code == 302
    response = admin.post(
        reverse("operating_model:add_service", kwargs={"slug": world.network.slug}), _service_post(world)
    )
    assert response.status_code == 302
    response = admin.post(
        _adoption_url(world.network), {"state": "deviation", "deviation_reason": "Oma malli."}
    )
    assert response.status_code == 302
    upload = SimpleUploadedFile("luvut.csv", b"indicator;period;value\nalkaneet-asiakkuudet;2025-Q1;50\n")
    response = admin.post(reverse("indicators:upload", kwargs={"slug": world.network.slug}), {"file": upload})
    assert response.status_code == 302
    before = CriterionStatement.objects.count()
    client_for(world, "member").post(
        reverse("participation:criterion_propose"), {"column": "refer", "text": "Asiakas tarvitsee."}
    )
    assert CriterionStatement.objects.count() == before + 1


def test_partner_cannot_propose_criteria(world):
    partner = make_user(role=Role.PARTNER)
    client = client_for(world, "anonymous")
    client.force_login(partner)
    before = CriterionStatement.objects.count()
    response = client.post(
        reverse("participation:criterion_propose"), {"column": "refer", "text": "Ehdotus."}
    )
    assert response.status_code == 403
    assert CriterionStatement.objects.count() == before


def test_other_networks_admin_is_just_a_member_elsewhere(world):
    """An admin of the other network gets no admin power over `network` by also joining it as a
    plain member."""
    admin = make_network_admin(world.other_network)
    Membership.objects.create(user=admin, network=world.network, status=Membership.Status.APPROVED)
    client = client_for(world, "anonymous")
    client.force_login(admin)
    url = reverse("operating_model:whoswho_add", kwargs={"slug": world.network.slug})
    assert client.post(url, _entry_post()).status_code == 403


# --- TYP barometer --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "network_admin", "other_member"])
def test_plain_people_cannot_open_a_barometer_round(world, role):
    before = BarometerRound.objects.count()
    now = timezone.now()
    response = client_for(world, role).post(
        reverse("participation:barometer_open"),
        {
            "year": 2027,
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": now.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 403
    assert BarometerRound.objects.count() == before


def test_signed_out_visitor_gets_no_barometer_csv(world):
    url = reverse("participation:barometer_results_csv", kwargs={"pk": world.barometer_round.pk})
    response = client_for(world, "anonymous").get(url)
    assert response.status_code in (302, 403)
    assert b"tuki" not in _body(response).lower()
