"""The national view, the indicator page, the network view and the export show the same
figures, with every count under the minimum group size as "< 5"."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.indicators.conftest import add_figure, make_definition
from typ_site.indicators.models import PeriodType, Unit
from typ_site.indicators.periods import Period

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(people, started):
    network, other = people["network"], people["other_network"]
    add_figure(started, network, 2025, 1, 38)
    add_figure(started, network, 2025, 2, 3)  # small: hidden
    add_figure(started, other, 2025, 1, 25)
    add_figure(started, other, 2025, 2, 41)
    return started


def test_the_national_view_is_public_and_sums_the_networks(client, figures):
    response = client.get(reverse("indicators:national"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "63" in html  # 38 + 25
    assert '<svg viewBox="0 0 640 260" role="img"' in html
    assert "<title id=" in html and "<desc id=" in html
    assert "<table" in html
    # Q2: 3 + 41 = 44 would give the hidden 3 away (44 − 41): the total is hidden too.
    assert "44" not in html
    assert "Satakunnan TYP" not in html  # no network by name for the public


def test_a_small_count_reads_less_than_five_on_the_network_view(client, people, figures):
    client.force_login(people["other_member"])
    response = client.get(reverse("indicators:network", args=["satakunta"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt; 5" in html
    assert ">3<" not in html
    assert "38" in html


def test_the_comparison_is_shown_to_members_and_not_to_the_public(client, people, figures):
    url = reverse("indicators:indicator", args=[figures.key])
    public = client.get(url).content.decode()
    assert "Kymenlaakson TYP" not in public
    client.force_login(people["member"])
    html = client.get(url).content.decode()
    assert "Kymenlaakson TYP" in html and "Satakunnan TYP" in html
    assert 'aria-labelledby="bars-title bars-desc"' in html
    assert "&lt; 5" in html


def test_the_export_hides_small_counts_and_networks_for_the_public(client, people, figures):
    public = client.get(reverse("indicators:export_csv")).content.decode("utf-8-sig")
    assert "Satakunnan TYP" not in public
    assert "2025-Q1" in public and ";63;" in public
    client.force_login(people["member"])
    rows = client.get(reverse("indicators:export_csv")).content.decode("utf-8-sig").splitlines()
    satakunta = [row for row in rows if "Satakunnan TYP" in row]
    assert any(row.endswith(";< 5;;") for row in satakunta)
    assert not any(";3;" in row for row in satakunta)


def test_a_share_is_not_hidden_however_small(client, people):
    share = make_definition("osuus-kela", unit=Unit.PERCENT, period_type=PeriodType.YEAR)
    add_figure(share, people["network"], 2025, 1, "4.5")
    client.force_login(people["member"])
    html = client.get(reverse("indicators:network", args=["satakunta"])).content.decode()
    assert "4,5 %" in html


def test_an_unknown_indicator_or_network_is_not_found(client, people):
    assert client.get(reverse("indicators:indicator", args=["ei-ole"])).status_code == 404
    client.force_login(people["member"])
    assert client.get(reverse("indicators:network", args=["ei-ole"])).status_code == 404


def test_the_chart_coordinates_are_not_written_with_a_decimal_comma(client, people, figures):
    client.force_login(people["member"])
    html = client.get(reverse("indicators:indicator", args=[figures.key])).content.decode()
    svg = html[html.index("<svg") : html.rindex("</svg>")]
    assert not re.search(r'(x|y|width|cx|cy)="[^"]*\d,\d', svg)


def test_the_last_period_label_ends_at_the_charts_right_edge_instead_of_running_past_it(client, figures):
    html = client.get(reverse("indicators:national")).content.decode()
    labels = re.findall(r'<text class="indicator-axis-label"[^>]*text-anchor="(\w+)">([^<]*)</text>', html)
    assert labels[:2] == [("middle", "Q1/2025"), ("end", "Q2/2025")]


def test_a_period_not_every_network_reported_says_so(client, people, started):
    """Q1 has both networks; Q2 only Satakunta: its national figure is not the country's."""
    network, other = people["network"], people["other_network"]
    add_figure(started, network, 2025, 1, 38)
    add_figure(started, other, 2025, 1, 25)
    add_figure(started, network, 2025, 2, 40)
    note = "1/2 verkostoa ilmoittanut"
    for url in (reverse("indicators:national"), reverse("indicators:indicator", args=[started.key])):
        html = client.get(url).content.decode()
        cells = dict(re.findall(r"<th scope=\"row\">([^<]*)</th><td>(.*?)</td>", html))
        with translation.override("fi"):
            q1, q2 = (Period(2025, number, PeriodType.QUARTER).label for number in (1, 2))
        assert "40" in cells[q2] and note in cells[q2]
        assert "63" in cells[q1] and note not in cells[q1]
    rows = client.get(reverse("indicators:export_csv")).content.decode("utf-8-sig").splitlines()
    national = [row for row in rows if row.startswith(started.key)]
    assert any(";2025-Q2;" in row and row.endswith(";1/2") for row in national)
    assert any(";2025-Q1;" in row and row.endswith(";2/2") for row in national)
    client.force_login(people["member"])
    html = client.get(reverse("indicators:indicator", args=[started.key])).content.decode()
    assert note in html
