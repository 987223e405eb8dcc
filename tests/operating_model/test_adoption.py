"""The adoption of national decisions: who may see and set a network's statuses, the history,
KEHA's dashboard and reminders, the status on the decision's own page, and what it costs."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from forums.models import Notification
from forums.selectors import notifications_for
from knowledge.models import (
    GuidancePage,
    LawInterpretationPage,
)
from tests.factories import EVERY_KIND_OF_PERSON, make_network, make_network_admin
from tests.operating_model.conftest import add_page as _add
from typ_site.accounts.models import NotificationFrequency
from typ_site.core.demo_content import load_core_demo
from typ_site.operating_model.adoption_demo import load_adoption_demo
from typ_site.operating_model.adoption_models import (
    AdoptionReminder,
    AdoptionState,
    AdoptionStatus,
    AdoptionStatusChange,
)
from typ_site.operating_model.adoption_permissions import (
    can_follow_adoption,
    can_set_adoption,
    can_view_adoption,
)
from typ_site.operating_model.adoption_selectors import BASELINE_KEY
from typ_site.operating_model.demo import load_operating_model_demo

pytestmark = pytest.mark.django_db

VALID_CODE = "131052-308T"  # a well-formed henkilötunnus (the checksum holds)

EVERYONE = set(EVERY_KIND_OF_PERSON)
SEES = {"member", "admin", "keha", "superuser"}
SETS = {"admin", "superuser"}
FOLLOWS = {"keha", "superuser"}


def _decision_url(people, key, network="network"):
    return reverse("operating_model:adoption_decision", args=[people[network].slug, key])


def _set(client, people, key, who="admin", network="network", **data):
    client.force_login(people[who])
    return client.post(_decision_url(people, key, network), data)


# --- Permissions ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_a_networks_statuses_are_seen_by_its_members_and_keha(people, who):
    assert can_view_adoption(people[who], people["network"]) is (who in SEES)


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_only_the_networks_own_admins_set_its_statuses(people, who):
    assert can_set_adoption(people[who], people["network"]) is (who in SETS)


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_the_national_dashboard_is_for_keha(people, who):
    assert can_follow_adoption(people[who]) is (who in FOLLOWS)


def test_a_signed_out_visitor_may_do_nothing(people):
    visitor = AnonymousUser()
    assert not can_view_adoption(visitor, people["network"])
    assert not can_set_adoption(visitor, people["network"])
    assert not can_follow_adoption(visitor)


@pytest.mark.parametrize(
    "who, expected",
    [
        ("member", 403),
        ("keha", 403),
        ("other_admin", 404),
        ("other_member", 404),
        ("partner", 404),
        ("removed_member", 404),
        ("removed_account", 404),
    ],
)
def test_nobody_but_the_networks_admins_saves_a_status(client, people, decisions, who, expected):
    response = _set(client, people, BASELINE_KEY, who=who, state=AdoptionState.IN_USE)
    assert response.status_code == expected
    assert not AdoptionStatus.objects.exists()


def test_a_signed_out_visitor_is_sent_to_sign_in(client, people, decisions):
    response = client.post(_decision_url(people, BASELINE_KEY), {"state": AdoptionState.IN_USE})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not AdoptionStatus.objects.exists()


def test_an_admin_of_another_network_sets_only_their_own(client, people, decisions):
    assert (
        _set(
            client, people, BASELINE_KEY, who="other_admin", network="other_network", state="in_use"
        ).status_code
        == 302
    )
    assert (
        _set(client, people, BASELINE_KEY, who="other_admin", network="network", state="in_use").status_code
        == 404
    )
    assert list(AdoptionStatus.objects.values_list("network__slug", flat=True)) == ["kymenlaakso"]


def test_no_decision_that_is_not_one(client, people, decisions, home):
    draft = GuidancePage.objects.get(slug="luonnos")
    discussed = LawInterpretationPage.objects.get(slug="keskustelu")
    for key in (str(draft.pk), str(discussed.pk), str(home.pk), "nothing"):
        assert _set(client, people, key, state="in_use").status_code == 404


# --- Setting a status and its history ---------------------------------------------------------


def test_the_admin_sets_each_state_and_the_history_keeps_every_change(client, people, decisions):
    key = str(decisions["guidance"].pk)
    assert _set(client, people, key, state="handled", handled_on="2025-02-10").status_code == 302
    assert _set(client, people, key, state="in_use", handled_on="2025-02-10").status_code == 302
    response = _set(
        client,
        people,
        key,
        state="deviation",
        handled_on="2025-02-10",
        deviation_reason="Terveydenhoitaja osallistuu alueittain.",
    )
    assert response.status_code == 302
    status = AdoptionStatus.objects.get()
    assert (status.state, status.handled_on, status.updated_by) == (
        AdoptionState.DEVIATION,
        datetime.date(2025, 2, 10),
        people["admin"],
    )
    history = list(AdoptionStatusChange.objects.order_by("pk").values_list("state", flat=True))
    assert history == ["handled", "in_use", "deviation"]
    # The members read the status and its history; no form for them.
    client.force_login(people["member"])
    page = client.get(_decision_url(people, key)).content.decode()
    assert (
        "Terveydenhoitaja osallistuu alueittain." in page
        and "<form" not in page.split("<main")[-1].split("</main>")[0]
    )


def test_handled_needs_a_date_and_a_deviation_a_reason(client, people, decisions):
    assert _set(client, people, BASELINE_KEY, state="handled").status_code == 200
    assert _set(client, people, BASELINE_KEY, state="deviation", deviation_reason="  ").status_code == 200
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    assert _set(client, people, BASELINE_KEY, state="handled", handled_on=future).status_code == 200
    assert not AdoptionStatus.objects.exists()


def test_a_reason_is_kept_only_with_a_deviation(client, people, decisions):
    _set(client, people, BASELINE_KEY, state="in_use", deviation_reason="Ei kuulu tähän.")
    assert AdoptionStatus.objects.get().deviation_reason == ""


def test_the_reason_is_guarded_against_identity_codes(client, people, decisions):
    response = _set(client, people, BASELINE_KEY, state="deviation", deviation_reason=f"Asiakas {VALID_CODE}")
    assert response.status_code == 200
    assert not AdoptionStatus.objects.exists() and not AdoptionStatusChange.objects.exists()


def test_the_network_list_shows_what_awaits_handling_first(client, people, decisions):
    _set(client, people, str(decisions["interpretation"].pk), state="in_use")
    client.force_login(people["member"])
    page = client.get(reverse("operating_model:network_adoption", args=["satakunta"])).content.decode()
    awaiting, handled = page.split('id="handled-heading"')
    assert "Alkukartoituksen ohje" in awaiting and "Palvelutarpeen arviointi" in handled
    assert "Luonnos" not in page and "Keskustelussa" not in page
    csv = client.get(reverse("operating_model:network_adoption_csv", args=["satakunta"])).content.decode(
        "utf-8-sig"
    )
    assert "Palvelutarpeen arviointi" in csv and "Satakunnan TYP" in csv


# --- The decision's own page ------------------------------------------------------------------


def test_the_guidance_page_shows_members_their_networks_status(client, people, decisions):
    _set(client, people, str(decisions["guidance"].pk), state="handled", handled_on="2025-02-10")
    url = decisions["guidance"].url
    client.force_login(people["member"])
    page = client.get(url).content.decode()
    assert "Satakunnan TYP" in page and "johtoryhmä 10.2.2025" in page
    client.force_login(people["other_member"])
    page = client.get(url).content.decode()
    assert "Kymenlaakson TYP" in page and "Satakunnan TYP" not in page
    client.logout()
    assert "adoption-on-page" not in client.get(url).content.decode()
    client.force_login(people["admin"])
    assert _decision_url(people, str(decisions["guidance"].pk)) in client.get(url).content.decode()


# --- KEHA's dashboard and reminders -----------------------------------------------------------


def test_keha_sees_every_network_and_every_decision_with_counts(client, people, decisions):
    _set(client, people, BASELINE_KEY, state="deviation", deviation_reason="Kunta ei ole mukana.")
    client.force_login(people["keha"])
    response = client.get(reverse("operating_model:adoption_dashboard"))
    page = response.content.decode()
    for text in (
        "Satakunnan TYP",
        "Kymenlaakson TYP",
        "Alkukartoituksen ohje",
        "Palvelutarpeen arviointi",
        "Kunta ei ole mukana.",
    ):
        assert text in page
    matrix = response.context["matrix"]
    assert [row.decision.key for row in matrix.rows] == [
        str(decisions["guidance"].pk),
        str(decisions["interpretation"].pk),
        BASELINE_KEY,
    ]
    assert matrix.totals == {"not_handled": 5, "handled": 0, "in_use": 0, "deviation": 1}
    csv = client.get(reverse("operating_model:adoption_dashboard_csv")).content.decode("utf-8-sig")
    assert len(csv.strip().splitlines()) == 1 + 3 * 2
    client.force_login(people["member"])
    assert client.get(reverse("operating_model:adoption_dashboard")).status_code == 403


def test_keha_reminds_the_networks_that_have_not_handled_a_decision(
    client, people, decisions, django_capture_on_commit_callbacks
):
    key = str(decisions["guidance"].pk)
    third = make_network("Pohjois-Karjalan TYP", slug="pohjois-karjala")
    quiet_admin = make_network_admin(third, notification_frequency=NotificationFrequency.NONE)
    _set(client, people, key, state="in_use")  # Satakunta has handled it
    client.force_login(people["keha"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("operating_model:adoption_remind", args=[key]))
    assert response.status_code == 302
    assert set(AdoptionReminder.objects.values_list("network__slug", flat=True)) == {
        "kymenlaakso",
        "pohjois-karjala",
    }
    reminded = set(
        Notification.objects.filter(reason="adoption_reminder").values_list("recipient", flat=True)
    )
    assert reminded == {people["other_admin"].pk, quiet_admin.pk}
    # On the site for both; by e-mail only to the one who wants e-mail at once.
    assert notifications_for(people["other_admin"]).filter(reason="adoption_reminder").count() == 1
    assert notifications_for(quiet_admin).filter(reason="adoption_reminder").count() == 1
    assert [message.to for message in mail.outbox] == [[people["other_admin"].email]]
    assert "Alkukartoituksen ohje" in mail.outbox[0].subject
    assert not notifications_for(people["admin"]).filter(reason="adoption_reminder").exists()
    assert not notifications_for(people["other_member"]).filter(reason="adoption_reminder").exists()
    # Not twice within a short time.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("operating_model:adoption_remind", args=[key]))
    assert AdoptionReminder.objects.count() == 2 and len(mail.outbox) == 1
    # The notification opens the network's list.
    client.force_login(people["other_admin"])
    notification = Notification.objects.get(recipient=people["other_admin"])
    assert client.get(reverse("forums:open_notification", args=[notification.pk]))["Location"] == reverse(
        "operating_model:network_adoption", args=["kymenlaakso"]
    )
    assert "Kymenlaakson TYP" in client.get(reverse("forums:notifications")).content.decode()


@pytest.mark.parametrize("who", ["member", "admin", "other_admin", "partner"])
def test_nobody_but_keha_reminds(client, people, decisions, who):
    client.force_login(people[who])
    assert client.post(reverse("operating_model:adoption_remind", args=[BASELINE_KEY])).status_code == 403
    assert not AdoptionReminder.objects.exists()


# --- The Wagtail admin ------------------------------------------------------------------------


def test_the_statuses_have_no_door_in_the_wagtail_admin(client, people):
    for model in ("adoptionstatus", "adoptionstatuschange", "adoptionreminder"):
        with pytest.raises(NoReverseMatch):
            reverse(f"wagtailsnippets_operating_model_{model}:list")
    client.force_login(people["admin"])
    for path in (
        "/admin/snippets/operating_model/adoptionstatus/",
        "/admin/snippets/operating_model/adoptionstatus/add/",
        "/admin/groups/",
        f"/admin/users/{people['admin'].pk}/",
    ):
        assert client.get(path).status_code != 200, path
    assert client.post(f"/admin/users/{people['admin'].pk}/", {"groups": [1]}).status_code != 200


# --- Cost -------------------------------------------------------------------------------------


def _count(client, url) -> int:
    client.get(url)  # fill the per-process caches
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(decisions, count: int, start: int) -> None:
    for number in range(start, start + count):
        network = make_network(f"Verkosto {number}", slug=f"verkosto-{number}")
        AdoptionStatus.objects.create(network=network, page=None, state=AdoptionState.IN_USE)
        page = _add(decisions["guidance_index"], GuidancePage(title=f"Ohje {number}", slug=f"ohje-{number}"))
        AdoptionStatus.objects.create(
            network=network, page=page, state=AdoptionState.HANDLED, handled_on=datetime.date(2025, 1, 1)
        )


@pytest.mark.parametrize(
    "who, url",
    [
        ("keha", lambda d: reverse("operating_model:adoption_dashboard")),
        ("keha", lambda d: reverse("operating_model:adoption_dashboard_csv")),
        ("member", lambda d: reverse("operating_model:network_adoption", args=["satakunta"])),
        ("member", lambda d: reverse("operating_model:network_adoption_csv", args=["satakunta"])),
        (
            "admin",
            lambda d: reverse("operating_model:adoption_decision", args=["satakunta", str(d["guidance"].pk)]),
        ),
        ("member", lambda d: d["guidance"].url),
    ],
)
def test_the_views_cost_the_same_however_many_networks_and_decisions(client, people, decisions, who, url):
    _set(client, people, str(decisions["guidance"].pk), state="in_use")
    client.force_login(people[who])
    before = _count(client, url(decisions))
    _grow(decisions, 3, 1)
    assert _count(client, url(decisions)) <= before


# --- Demo -------------------------------------------------------------------------------------


def test_the_demo_gives_the_four_networks_statuses_and_can_be_loaded_again(decisions):
    load_core_demo()
    load_operating_model_demo()
    load_adoption_demo()
    assert load_adoption_demo() == 0
    baseline = {status.network.slug: status for status in AdoptionStatus.objects.filter(page__isnull=True)}
    assert set(baseline) == {"satakunta", "pohjois-karjala", "kymenlaakso", "pohjois-pohjanmaa"}
    assert all(
        status.state == AdoptionState.DEVIATION and status.deviation_reason for status in baseline.values()
    )
    states = set(AdoptionStatus.objects.filter(page__isnull=False).values_list("state", flat=True))
    assert {AdoptionState.IN_USE, AdoptionState.HANDLED} <= states
    # Some network has a decision still to handle: the dashboard has something to remind of.
    assert AdoptionStatus.objects.filter(network__slug="kymenlaakso", page__isnull=False).count() < 2
    assert AdoptionStatusChange.objects.count() == AdoptionStatus.objects.count()
