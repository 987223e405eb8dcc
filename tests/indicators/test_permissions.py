"""Who may see and enter the indicators (typ_site.indicators.permissions), and what each
person gets at the addresses."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.factories import EVERY_KIND_OF_PERSON
from typ_site.indicators.models import PeriodType
from typ_site.indicators.permissions import can_enter_figures, can_keep_definitions, can_view_networks

pytestmark = pytest.mark.django_db

EVERYONE = EVERY_KIND_OF_PERSON
SEES_NETWORKS = {"member", "admin", "other_member", "other_admin", "keha", "superuser"}
ENTERS = {"admin", "superuser"}
KEEPS = {"keha", "superuser"}


@pytest.mark.parametrize("who", EVERYONE)
def test_the_networks_figures_are_for_network_members_and_keha(people, who):
    assert can_view_networks(people[who]) is (who in SEES_NETWORKS)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_networks_own_admins_enter_its_figures(people, who):
    assert can_enter_figures(people[who], people["network"]) is (who in ENTERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_keha_keeps_the_definitions(people, who):
    assert can_keep_definitions(people[who]) is (who in KEEPS)


def test_a_signed_out_visitor_sees_the_national_view_only(people):
    visitor = AnonymousUser()
    assert not can_view_networks(visitor)
    assert not can_enter_figures(visitor, people["network"])
    assert not can_keep_definitions(visitor)


@pytest.mark.parametrize(
    "who, status",
    [("partner", 403), ("removed_member", 403), ("other_member", 200), ("keha", 200)],
)
def test_the_network_view(client, people, started, who, status):
    client.force_login(people[who])
    assert client.get(reverse("indicators:network", args=["satakunta"])).status_code == status


@pytest.mark.parametrize(
    "who, status",
    [
        ("member", 403),
        ("other_admin", 403),
        ("keha", 403),
        ("partner", 403),
        ("admin", 200),
        ("superuser", 200),
    ],
)
def test_the_entry_form(client, people, started, who, status):
    client.force_login(people[who])
    url = reverse("indicators:enter", args=["satakunta", PeriodType.QUARTER])
    assert client.get(url).status_code == status
    assert client.get(reverse("indicators:upload", args=["satakunta"])).status_code == status


def test_a_removed_account_is_not_signed_in(client, people, started):
    client.force_login(people["removed_account"])
    response = client.get(reverse("indicators:network", args=["satakunta"]))
    assert response.status_code in (302, 403)


def test_the_keha_admin_lists_the_definitions_and_a_network_admin_cannot(client, people, started):
    url = reverse("wagtailsnippets_indicators_indicatordefinition:list")
    client.force_login(people["keha"])
    assert client.get(url).status_code == 200
    client.force_login(people["admin"])
    assert client.get(url).status_code != 200
