from decimal import Decimal

import pytest

from tests.factories import make_keha_staff, make_member, make_network, make_network_admin, make_user
from typ_site.indicators.models import IndicatorDefinition, IndicatorFigure, PeriodType, Source, Unit


@pytest.fixture
def people(db, home):
    """Two networks and one person of each kind the indicators tell apart."""
    network = make_network("Satakunnan TYP", slug="satakunta")
    other = make_network("Kymenlaakson TYP", slug="kymenlaakso")
    removed = make_member(network)
    removed.network_memberships.all().delete()
    removed_account = make_member(network)
    removed_account.is_removed = True
    removed_account.save()
    return {
        "network": network,
        "other_network": other,
        "member": make_member(network),
        "admin": make_network_admin(network),
        "other_member": make_member(other),
        "other_admin": make_network_admin(other),
        "partner": make_user(organisation_type="other", role="partner"),
        "removed_member": removed,
        "removed_account": removed_account,
        "keha": make_keha_staff("Editors"),
        "superuser": make_user(is_superuser=True, is_staff=True),
    }


def make_definition(key="alkaneet", unit=Unit.PEOPLE, period_type=PeriodType.QUARTER, **fields):
    return IndicatorDefinition.objects.create(
        key=key,
        name_fi=fields.pop("name_fi", f"Mittari {key}"),
        counted_fi=fields.pop("counted_fi", "Alkaneet asiakkuudet jakson aikana."),
        method_fi=fields.pop("method_fi", "TYPPI-rekisteristä."),
        source=fields.pop("source", Source.TYPPI),
        unit=unit,
        period_type=period_type,
        **fields,
    )


def add_figure(definition, network, year, number, value):
    return IndicatorFigure.objects.create(
        definition=definition, network=network, year=year, number=number, value=Decimal(value)
    )


@pytest.fixture
def started(db):
    return make_definition()
