"""The demo's year of indicators, and the indicators in the search (small counts as "< 5")."""

import pytest
from django.urls import reverse

from search.registry import get_source
from tests.indicators.conftest import add_figure
from typ_site.core.access import PUBLIC, network_key
from typ_site.core.demo_content import create_networks, create_people
from typ_site.indicators.demo import DEFINITIONS, QUARTERLY, load_indicators_demo
from typ_site.indicators.models import IndicatorDefinition, IndicatorFigure

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_year_of_figures_for_four_networks_marked_as_demo(client, home):
    create_people(create_networks())
    load_indicators_demo()
    load_indicators_demo()  # again: nothing doubles
    assert IndicatorDefinition.objects.count() == len(DEFINITIONS)
    figures = IndicatorFigure.objects.all()
    assert figures.count() == 4 * (4 * 6 + 4) - 6  # one network has not reported its last quarter
    assert set(figures.values_list("network__slug", flat=True)) == set(QUARTERLY)
    assert all(figures.values_list("is_demo", flat=True))
    html = client.get(reverse("indicators:national")).content.decode()
    assert "Esimerkkiaineisto:" in html
    assert "Resurssiosuus: Kela" in html
    assert "3/4 verkostoa ilmoittanut" in html


def test_the_search_documents_hide_small_counts(people, started):
    add_figure(started, people["network"], 2025, 1, 3)
    add_figure(started, people["other_network"], 2025, 1, 30)
    definition_document = get_source("indicator").document_for(started)
    assert definition_document.access_key == PUBLIC
    # 3 + 30: the national total would give the hidden 3 away (tests/indicators/test_views.py).
    assert "Koko maa Q1/2025: piilotettu" in definition_document.body
    assert "33" not in definition_document.body
    network_document = get_source("network_indicators").document_for(people["network"])
    assert network_document.access_key == network_key(people["network"].pk)
    assert "< 5" in network_document.body
    assert ": 3" not in network_document.body
