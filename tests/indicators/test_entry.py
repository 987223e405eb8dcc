"""A network's admins enter its figures in the form or upload them as CSV: every row checked,
the errors named by row in the reader's language, and nothing saved unless all is right."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.indicators.conftest import add_figure, make_definition
from typ_site.accounts.exports import build_user_export
from typ_site.indicators.models import IndicatorFigure, PeriodType, Unit

pytestmark = pytest.mark.django_db


def _upload(client, person, text: str, *, encoding="utf-8", network="satakunta", language=""):
    client.force_login(person)
    upload = SimpleUploadedFile("luvut.csv", text.encode(encoding), content_type="text/csv")
    return client.post(f"{language}{reverse('indicators:upload', args=[network])}", {"file": upload})


def test_the_admin_enters_a_quarter_in_the_form(client, people, started):
    client.force_login(people["admin"])
    url = reverse("indicators:enter", args=["satakunta", PeriodType.QUARTER])
    response = client.post(url, {"year": 2025, "number": 2, f"value-{started.pk}": "41"})
    assert response.status_code == 302
    figure = IndicatorFigure.objects.get()
    assert (figure.network, figure.year, figure.number, figure.value) == (
        people["network"],
        2025,
        2,
        Decimal(41),
    )
    assert figure.entered_by == people["admin"]


def test_the_form_refuses_a_fraction_of_a_person_and_saves_nothing(client, people, started):
    other = make_definition("paattyneet")
    client.force_login(people["admin"])
    url = reverse("indicators:enter", args=["satakunta", PeriodType.QUARTER])
    response = client.post(
        url, {"year": 2025, "number": 1, f"value-{started.pk}": "12,5", f"value-{other.pk}": "9"}
    )
    assert response.status_code == 200
    assert "Lukumäärä on kokonaisluku." in response.content.decode()
    assert not IndicatorFigure.objects.exists()


def test_emptying_a_stored_figure_removes_it(client, people, started):
    add_figure(started, people["network"], 2025, 1, 30)
    client.force_login(people["admin"])
    url = reverse("indicators:enter", args=["satakunta", PeriodType.QUARTER])
    assert 'value="30"' in client.get(url, {"year": 2025, "number": 1}).content.decode()
    client.post(url, {"year": 2025, "number": 1, f"value-{started.pk}": ""})
    assert not IndicatorFigure.objects.exists()


def test_a_good_file_is_saved_whole(client, people, started):
    share = make_definition("osuus-kela", unit=Unit.PERCENT, period_type=PeriodType.YEAR)
    text = "mittari;jakso;arvo\nalkaneet;2025-Q1;38\nalkaneet;2025-Q2;3\nosuus-kela;2025;11,5\n"
    response = _upload(client, people["admin"], "\ufeff" + text)
    assert response.status_code == 302
    assert IndicatorFigure.objects.count() == 3
    assert IndicatorFigure.objects.get(definition=share).value == Decimal("11.5")


def test_a_file_saved_in_the_windows_encoding_with_commas_is_read(client, people, started):
    text = "Indicator,Period,Value\nalkaneet,2025q3,17\n"
    assert _upload(client, people["admin"], text, encoding="cp1252").status_code == 302
    assert IndicatorFigure.objects.get().number == 3


@pytest.mark.parametrize(
    "header", ["indikaattori;jakso;arvo", "Indikator;Period;Värde", "tunnus;ajanjakso;arvo"]
)
def test_the_header_may_name_the_columns_in_finnish_or_swedish(client, people, started, header):
    assert _upload(client, people["admin"], f"{header}\nalkaneet;2025-Q1;38\n").status_code == 302
    assert IndicatorFigure.objects.get().value == 38


def test_every_bad_row_is_named_and_nothing_is_saved(client, people, started):
    make_definition("osuus-kela", unit=Unit.PERCENT, period_type=PeriodType.YEAR)
    add_figure(started, people["network"], 2025, 1, 30)
    text = "\n".join(
        [
            "mittari;jakso;arvo",
            "alkaneet;2025-Q1;38",  # fine on its own
            "tuntematon;2025-Q1;4",
            "alkaneet;2025-03;4",
            "alkaneet;2025-Q2;neljä",
            "alkaneet;2025-Q3;-2",
            "osuus-kela;2025;120",
            "alkaneet;2025-Q1;39",
            "alkaneet;2025-Q4;",
            "alkaneet;2999-Q1;5",
            "131052-308T;2025-Q2;5",
        ]
    )
    response = _upload(client, people["admin"], text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tiedostossa on 9 ongelmaa; mitään ei tallennettu" in html
    for expected in [
        "Rivi 3: yhdelläkään käytössä olevalla mittarilla ei ole avainta",
        "Rivi 4: ”2025-03” ei ole tämän mittarin jakso; kirjoita se muodossa 2025-Q1.",
        "Rivi 5: ”neljä” ei ole luku.",
        "Rivi 6: Arvo ei voi olla negatiivinen.",
        "Rivi 7: Osuus on enintään 100 %.",
        "Rivi 8: sama mittari ja jakso ovat jo rivillä 2.",
        "Rivi 9: arvo puuttuu.",
        "Rivi 10: Jakso ei ole vielä alkanut.",
        "Rivi 11: solu näyttää henkilötunnukselta.",
    ]:
        assert expected in html, expected
    assert "131052-308T" not in html  # the code is not echoed back
    assert list(IndicatorFigure.objects.values_list("value", flat=True)) == [Decimal(30)]


def test_the_errors_are_in_the_readers_language(client, people, started):
    response = _upload(
        client, people["admin"], "indicator;period;value\nalkaneet;2025-Q2;x\n", language="/sv"
    )
    assert "Rad 2: ”x” är inte ett tal." in response.content.decode()


def test_a_file_without_the_columns_is_refused(client, people, started):
    response = _upload(client, people["admin"], "a;b;c\n1;2;3\n")
    assert (
        "Rivi 1: otsikkorivillä on oltava sarakkeet indicator, period ja value." in response.content.decode()
    )
    assert not IndicatorFigure.objects.exists()


def test_a_network_admin_uploads_only_for_their_own_network(client, people, started):
    response = _upload(
        client, people["admin"], "indicator;period;value\nalkaneet;2025-Q1;9\n", network="kymenlaakso"
    )
    assert response.status_code == 403
    assert not IndicatorFigure.objects.exists()


def test_keha_keeps_the_unit_of_an_indicator_with_figures(people, started):
    add_figure(started, people["network"], 2025, 1, 30)
    started.unit = Unit.PERCENT
    with pytest.raises(ValidationError):
        started.full_clean()


def test_the_figures_a_person_entered_are_in_their_own_data_export(client, people, started):
    client.force_login(people["admin"])
    url = reverse("indicators:enter", args=["satakunta", PeriodType.QUARTER])
    client.post(url, {"year": 2025, "number": 1, f"value-{started.pk}": "3"})
    section = build_user_export(people["admin"])["indicator_figures_entered"]
    assert [(row["indicator"], row["period"], row["value"]) for row in section] == [
        ("alkaneet", "2025-Q1", "< 5")
    ]


def test_a_yearly_share_is_entered_without_a_period_number(client, people):
    share = make_definition("osuus-kela", unit=Unit.PERCENT, period_type=PeriodType.YEAR)
    client.force_login(people["admin"])
    url = reverse("indicators:enter", args=["satakunta", PeriodType.YEAR])
    assert client.get(url).status_code == 200
    response = client.post(url, {"year": 2025, f"value-{share.pk}": "11,5"})
    assert response.status_code == 302
    assert IndicatorFigure.objects.get().value == Decimal("11.5")


def test_an_unknown_period_type_is_not_found(client, people, started):
    client.force_login(people["admin"])
    assert client.get(reverse("indicators:enter", args=["satakunta", "week"])).status_code == 404
