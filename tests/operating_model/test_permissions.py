"""Who may see and record the register (typ_site.operating_model.permissions)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import EVERY_KIND_OF_PERSON
from typ_site.operating_model.permissions import (
    can_edit_agreement,
    can_keep_baseline,
    can_view_agreement,
    can_view_comparison,
)

pytestmark = pytest.mark.django_db

SEES_AGREEMENT = {"member", "admin", "keha", "superuser"}
EDITS_AGREEMENT = {"admin", "superuser"}
COMPARES = {"member", "admin", "other_member", "other_admin", "keha", "superuser"}
KEEPS_BASELINE = {"keha", "superuser"}
EVERYONE = set(EVERY_KIND_OF_PERSON)


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_the_network_agreement_is_seen_by_its_members_and_keha_only(people, who):
    assert can_view_agreement(people[who], people["network"]) is (who in SEES_AGREEMENT)


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_only_the_networks_own_admins_record_its_agreement(people, who):
    assert can_edit_agreement(people[who], people["network"]) is (who in EDITS_AGREEMENT)


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_the_comparison_is_for_network_members_and_keha(people, who):
    assert can_view_comparison(people[who]) is (who in COMPARES)


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_keha_keeps_the_baseline(people, who):
    assert can_keep_baseline(people[who]) is (who in KEEPS_BASELINE)


def test_a_signed_out_visitor_may_do_nothing_but_read_the_baseline(people):
    visitor = AnonymousUser()
    assert not can_view_agreement(visitor, people["network"])
    assert not can_edit_agreement(visitor, people["network"])
    assert not can_view_comparison(visitor)
    assert not can_keep_baseline(visitor)
