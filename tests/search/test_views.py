"""The search page and the search-as-you-type endpoint, through real HTTP."""

import re

import pytest
from django.urls import reverse

from search.analysis import get_analyzer
from search.backends import get_backend
from tests.factories import make_member, make_network, make_user
from typ_site.core.access import MEMBERS, network_key

from .conftest import estimate_totals_above, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_network():
    return make_network("Satakunnan verkosto")


@pytest.fixture
def indexed(private_network):
    get_backend().index_documents(
        [
            make_document("page:1", "Työkokeilun ohje", "Työkokeilu kestää enintään puoli vuotta."),
            make_document("page:2", "Jäsenten työkokeiluopas", "Vain jäsenille.", access_key=MEMBERS),
            make_document(
                "post:3",
                "Verkoston työkokeilukokemukset",
                "Sisäinen keskustelu.",
                kind="post",
                access_key=network_key(private_network.pk),
                network=private_network.name,
            ),
        ]
    )


def result_titles(response) -> list[str]:
    return [item["hit"].title for item in response.context["hits"]]


def test_the_search_page_shows_results_with_highlighted_snippets(client, indexed):
    response = client.get(reverse("search:search"), {"q": "työkokeilu"})

    assert response.status_code == 200
    assert result_titles(response) == ["Työkokeilun ohje"]
    assert "<mark>Työkokeilu</mark>" in response.text


def test_a_private_network_post_never_appears_for_a_non_member(client, indexed):
    client.force_login(make_user())

    response = client.get(reverse("search:search"), {"q": "työkokeilu"})

    assert "Verkoston työkokeilukokemukset" not in result_titles(response)
    assert "Jäsenten työkokeiluopas" in result_titles(response)


def test_a_member_finds_the_private_network_post(client, indexed, private_network):
    client.force_login(make_member(private_network))

    response = client.get(reverse("search:search"), {"q": "työkokeilu"})

    assert "Verkoston työkokeilukokemukset" in result_titles(response)


def test_members_only_content_is_hidden_from_anonymous_visitors(client, indexed):
    response = client.get(reverse("search:search"), {"q": "työkokeiluopas"})

    assert result_titles(response) == []
    assert "Jäsenten" not in response.text


def test_search_as_you_type_answers_json_and_respects_access(client, indexed):
    response = client.get(reverse("search:suggest"), {"q": "työkok"})

    assert response.status_code == 200
    assert [result["title"] for result in response.json()["results"]] == ["Työkokeilun ohje"]


def test_facets_link_to_filtered_results(client, indexed, private_network):
    client.force_login(make_member(private_network))

    response = client.get(reverse("search:search"), {"q": "työkokeilu", "kind": "post"})

    assert result_titles(response) == ["Verkoston työkokeilukokemukset"]
    assert 'aria-current="true"' in response.text


def test_an_empty_query_shows_just_the_form(client, db):
    response = client.get(reverse("search:search"))

    assert response.status_code == 200
    assert "results_html" not in response.context
    assert 'class="search-results"' not in response.content.decode()


def test_nothing_found_gives_advice(client, indexed):
    response = client.get(reverse("search:search"), {"q": "kvanttifysiikka"})

    assert response.status_code == 200
    assert "Check the spelling" in response.text or "Tarkista" in response.text


@pytest.mark.parametrize(
    ("title", "body", "query", "marked", "voikko_only"),
    [
        # An abbreviation with its case ending written on is the abbreviation.
        ("Tilastot TYPPIstä", "Raportit haetaan TYPPIstä kuukausittain.", "TYPPI", "TYPPIstä", False),
        # A verb finds the noun made from it (Voikko's analysis).
        ("Opiskelu työttömänä", "Lyhyt opiskelu ei estä tukea.", "opiskella", "opiskelu", True),
    ],
)
def test_a_word_written_differently_finds_the_page_and_is_marked(
    client, db, title, body, query, marked, voikko_only
):
    if voikko_only and get_analyzer().name != "voikko":
        pytest.skip("needs Voikko's analysis")
    get_backend().index_documents([make_document("page:7", title, body)])

    response = client.get(reverse("search:search"), {"q": query})

    assert result_titles(response) == [title]
    assert f"<mark>{marked}</mark>" in response.text


def test_a_section_with_an_organisation_finds_texts_naming_the_section_s_law(client, db):
    # The knowledge base's statutes (migration knowledge 0002) give 381/2023 a section 11.
    get_backend().index_documents(
        [
            make_document("page:1", "Kelan tehtävä", "Kela vaihtaa tietoja TYM-lain nojalla."),
            make_document("page:2", "Tietojen saaminen", "Kela ja 11 § tietojenvaihdossa."),
            make_document("page:3", "Kelan kuntoutus", "Kela myöntää kuntoutusta."),
        ]
    )

    response = client.get(reverse("search:search"), {"q": "Kela 11 §"})

    titles = result_titles(response)
    assert set(titles[:2]) == {"Tietojen saaminen", "Kelan tehtävä"}  # both words, one through its law
    assert titles[2:] == ["Kelan kuntoutus"]
    assert "<mark>TYM</mark>-<mark>lain</mark>" in response.text


def test_a_one_word_query_puts_the_field_s_texts_before_another_field_s(client, db):
    get_backend().index_documents(
        [
            make_document("page:1", "Kiinteistön kartoitus", "Kartoitus kattaa katon ja kartoitus ikkunat."),
            make_document("page:2", "Alkukartoitus", "Kartoitus tehdään asiakkaan kanssa ennen palvelua."),
        ]
    )

    response = client.get(reverse("search:search"), {"q": "kartoitus"})

    assert result_titles(response) == ["Alkukartoitus", "Kiinteistön kartoitus"]
    assert "<mark>asiakkaan</mark>" not in response.text


def test_user_text_is_escaped_on_the_page(client, indexed):
    response = client.get(reverse("search:search"), {"q": "<script>alert(1)</script>"})

    assert "<script>alert(1)</script>" not in response.text


def test_the_query_count_does_not_grow_with_the_number_of_results(client, db, django_assert_max_num_queries):
    backend = get_backend()
    backend.index_documents(
        [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu on hyvä keino.") for n in range(5)]
    )
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("search:search"), {"q": "työkokeilu"})
    backend.index_documents(
        [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu on hyvä keino.") for n in range(200)]
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("search:search"), {"q": "työkokeilu"})


def test_the_header_search_form_points_to_the_search_page(client, db):
    response = client.get(reverse("search:search"))

    assert f'action="{reverse("search:search")}"' in response.text


def test_facet_counts_over_many_results_are_labelled_as_estimates(client, db, monkeypatch):
    # Exact counting stops at FACET_SAMPLE matches (1,000); lowered here to keep the test small.
    monkeypatch.setattr(type(get_backend().store), "FACET_SAMPLE", 3)
    get_backend().index_documents(
        [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu on hyvä keino.") for n in range(12)]
    )

    response = client.get(reverse("search:search"), {"q": "työkokeilu"})

    assert response.context["results"].total == 12
    assert response.context["results"].facets_estimated
    assert "Over 1,000 results" in response.text or "Yli 1 000" in response.text


def test_an_estimated_total_is_shown_as_about_so_many(client, db, monkeypatch):
    estimate_totals_above(monkeypatch, get_backend(), exact=10, sample=4, windows=2)
    get_backend().index_documents(
        [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu on hyvä keino.") for n in range(60)]
    )

    finnish = client.get(reverse("search:search"), {"q": "työkokeilu"})
    swedish = client.get("/sv/search/", {"q": "työkokeilu"})

    total = finnish.context["results"].total
    assert finnish.context["results"].total_estimated
    assert f"Noin {total} tulosta" in finnish.text
    assert f"Cirka {total} resultat" in swedish.text


def test_a_total_in_the_thousands_is_grouped_as_each_language_writes_it(client, db):
    get_backend().index_documents(
        [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu on hyvä keino.") for n in range(1005)]
    )

    finnish = client.get(reverse("search:search"), {"q": "työkokeilu"})
    swedish = client.get("/sv/search/", {"q": "työkokeilu"})
    english = client.get("/en/search/", {"q": "työkokeilu"})

    assert finnish.context["results"].total == 1005
    assert "1\xa0005 tulosta" in finnish.text
    assert "1\xa0005 resultat" in swedish.text
    assert "1,005 results" in english.text
    # The facets' counts too (here estimates: over 1,000 matches)
    assert re.search(r"\(noin 1\xa0\d{3}\)", finnish.text)
    assert re.search(r"\(about 1,\d{3}\)", english.text)


def test_each_hit_is_marked_with_the_language_it_is_written_in(client):
    """On the Swedish page a Finnish hit's title and excerpt carry lang="fi"; a Swedish page's
    hit (its own address starts /sv/) carries none."""
    get_backend().index_documents(
        [
            make_document("page:11", "Työkokeilun ohje", "Työkokeilu kestää enintään puoli vuotta."),
            make_document(
                "page:12",
                "Arbetsprövning",
                "Arbetsprövning varar högst ett halvt år.",
                url="/sv/ohjeet/arbets/",
            ),
        ]
    )

    finnish = client.get("/sv/search/", {"q": "työkokeilu"}).text
    swedish = client.get("/sv/search/", {"q": "arbetsprövning"}).text

    assert '<h3 lang="fi"><a href="/sv/page-11/">Työkokeilun ohje</a></h3>' in finnish
    assert '<p class="search-snippet" lang="fi">' in finnish
    assert '<h3><a href="/sv/ohjeet/arbets/">Arbetsprövning</a></h3>' in swedish
