"""The johtoryhmä's make-up is counted from who's who (never typed in), by the party of each
seat, with vacancies on their own; the public counts only public entries and no view or
export shows a name; the queries do not grow with networks or entries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_network
from typ_site.indicators.board import board_makeup
from typ_site.networks.models import Network
from typ_site.operating_model.models import Party
from typ_site.operating_model.whoswho.models import EntryKind, WhosWhoEntry

pytestmark = pytest.mark.django_db


def _party(key, short):
    return Party.objects.create(key=key, short_name=short, name_fi=short, sort_order=len(key))


@pytest.fixture
def parties(db):
    return {
        "employment-authority": _party("employment-authority", "Työllisyysalue"),
        "kela": _party("kela", "Kela"),
    }


def seat(network, party=None, *, name="Testi Henkilö", public=True, kind=EntryKind.BOARD):
    return WhosWhoEntry.objects.create(
        network=network,
        kind=kind,
        role="Jäsen",
        name=name,
        party=party,
        is_public=public,
        confirmed_at=timezone.now(),
    )


@pytest.fixture
def seats(people, parties):
    network, other = people["network"], people["other_network"]
    seat(network, parties["employment-authority"], name="Salainen Puheenjohtaja", public=False)
    seat(network, parties["employment-authority"], name="Julkinen Jäsen")
    seat(network, parties["kela"], name="Kelan Edustaja")
    seat(network, None, name="Järjestön Edustaja")  # no party: other
    seat(network, parties["kela"], name="")  # vacant, though it belongs to Kela
    seat(network, parties["kela"], name="Pari", kind=EntryKind.PAIR)  # not the johtoryhmä
    seat(other, parties["kela"], name="Toinen Kela", public=False)
    return network, other


def _counts(makeup, label):
    row = next(row for row in [*makeup.rows, makeup.national] if row.label == label)
    return dict(zip([column.key for column in makeup.columns], row.counts, strict=True))


def test_seats_are_counted_by_party_other_and_vacant(people, seats):
    makeup = board_makeup(people["member"], Network.objects.filter(pk__in=[seats[0].pk, seats[1].pk]))
    assert [column.key for column in makeup.columns] == ["kela", "employment-authority", "other", "vacant"]
    own = _counts(makeup, "Satakunnan TYP")
    assert own == {"employment-authority": 2, "kela": 1, "other": 1, "vacant": 1}
    # the member of Satakunta sees only Kymenlaakso's public entries: none
    assert _counts(makeup, "Kymenlaakson TYP") == {
        "employment-authority": 0,
        "kela": 0,
        "other": 0,
        "vacant": 0,
    }
    public_only = {row.label: row.public_only for row in makeup.rows}
    assert public_only == {"Satakunnan TYP": False, "Kymenlaakson TYP": True}
    assert makeup.reported == 1


def test_keha_staff_count_every_seat(people, seats):
    makeup = board_makeup(people["keha"], Network.objects.filter(pk__in=[seats[0].pk, seats[1].pk]))
    assert _counts(makeup, "Kymenlaakson TYP")["kela"] == 1
    assert makeup.national.counts == [2, 2, 1, 1]  # kela, employment authority, other, vacant
    assert makeup.reported == 2


def test_the_public_sees_the_public_seats_together_and_no_names(client, seats):
    html = client.get(reverse("indicators:national")).content.decode()
    assert 'aria-labelledby="board-title board-desc"' in html
    assert "board-caption" in html
    assert "Satakunnan TYP" not in html  # the networks are compared only for their people
    for name in ("Salainen", "Julkinen", "Kelan Edustaja", "Järjestön"):
        assert name not in html
    # public seats: 1 employment authority + 1 Kela + 1 other + 1 vacancy = 4, not 5
    assert "<td>4</td>" in html and "<td>5</td>" not in html
    assert "1/2 verkostoa ilmoittanut" in html


def test_members_compare_the_networks_and_the_network_view_shows_its_own(client, people, seats):
    client.force_login(people["member"])
    html = client.get(reverse("indicators:national")).content.decode()
    assert "Satakunnan TYP" in html and "Kymenlaakson TYP" in html
    assert "(vain julkiset tiedot)" in html
    # the total counts the other network's public seats only, and says so
    assert "(osasta verkostoista vain julkiset tiedot)" in html
    html = client.get(reverse("indicators:network", args=["satakunta"])).content.decode()
    assert "board-caption" in html and "<td>5</td>" in html
    assert "Salainen" not in html


def test_the_export_has_the_seats_by_party_and_no_names(client, people, seats):
    public = client.get(reverse("indicators:export_csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(public), delimiter=";"))
    board = [row for row in rows if row[0].startswith("johtoryhma-")]
    assert {row[0] for row in board} == {
        "johtoryhma-kela",
        "johtoryhma-employment-authority",
        "johtoryhma-other",
        "johtoryhma-vacant",
    }
    assert {row[4] for row in board} == {"Kaikki verkostot"}
    assert "Salainen" not in public and "Toinen Kela" not in public
    client.force_login(people["keha"])
    text = client.get(reverse("indicators:export_csv")).content.decode("utf-8-sig")
    staff = list(csv.reader(io.StringIO(text), delimiter=";"))
    kela = {row[4]: row[5] for row in staff if row[0] == "johtoryhma-kela"}
    assert kela == {"Satakunnan TYP": "1", "Kymenlaakson TYP": "1", "Kaikki verkostot": "2"}


def _queries(client, url) -> int:
    client.get(url)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_queries_do_not_grow_with_networks_or_seats(client, people, parties, seats):
    client.force_login(people["member"])
    urls = [
        reverse("indicators:national"),
        reverse("indicators:network", args=["satakunta"]),
        reverse("indicators:export_csv"),
    ]
    before = [_queries(client, url) for url in urls]
    for index in range(5):
        network = make_network(f"Verkosto {index}", slug=f"verkosto-{index}")
        for party in [*parties.values(), None]:
            seat(network, party, name=f"Jäsen {index}")
            seat(network, party, name="", public=False)
    seat(people["network"], parties["kela"], name="Uusi")
    after = [_queries(client, url) for url in urls]
    assert after == before
    assert max(after) <= 10


def test_an_admin_gives_a_seat_its_party_and_the_indicator_follows(client, people, parties):
    """The party is chosen once, in who's who; the indicator is counted from it."""
    client.force_login(people["admin"])
    url = reverse("operating_model:whoswho_add", args=["satakunta"])
    data = {"kind": "board", "role": "Jäsen", "sort_order": "0", "name": "Kaija Kelanen", "is_public": "on"}
    assert client.post(url, {**data, "party": parties["kela"].pk}).status_code == 302
    entry = WhosWhoEntry.objects.get(name="Kaija Kelanen")
    assert entry.party == parties["kela"]
    page = client.get(reverse("operating_model:whoswho", args=["satakunta"])).content.decode()
    assert "Kela" in page
    makeup = board_makeup(people["admin"], Network.objects.filter(pk=people["network"].pk))
    assert _counts(makeup, "Satakunnan TYP")["kela"] == 1
