from decimal import Decimal

import pytest

from tests.factories import make_people_of_each_kind
from typ_site.indicators.models import IndicatorDefinition, IndicatorFigure, PeriodType, Source, Unit


@pytest.fixture
def people(db, home):
    """Two networks and one person of each kind the indicators tell apart."""
    return make_people_of_each_kind()


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
