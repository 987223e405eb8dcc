"""The behaviour both search backends share (embedded here; Elasticsearch when live)."""

import datetime

import pytest

from knowledge.models import LawSection, Statute
from search.analysis import get_analyzer
from search.backends import SearchRequest
from typ_site.core.access import MEMBERS, PUBLIC, network_key

from .conftest import estimate_totals_above, make_document

EVERYONE = frozenset({PUBLIC})

PLAN = make_document(
    "page:1",
    "Työllistymissuunnitelman laatiminen",
    "Asiakkaalle laaditaan yhdessä monialainen työllistymissuunnitelma. Suunnitelmaa "
    "seurataan säännöllisesti TYM-lain 11 §:n mukaisesti.",
    themes=["Asiakasprosessi"],
    date=datetime.date(2024, 3, 1),
)
ENTRY = make_document(
    "page:2",
    "Palveluun ohjautuminen",
    "Monialaisen yhteispalvelun asiakkaaksi ohjataan, kun työttömyys on pitkittynyt. "
    "Laki 381/2023 määrittelee ehdot.",
    themes=["Asiakasprosessi", "Laki"],
    date=datetime.date(2025, 1, 15),
)
WORK_TRIAL = make_document(
    "post:3",
    "Kokemuksia työkokeilusta",
    "Työkokeiluun lähtevä asiakas tarvitsee selkeän tavoitteen ja yhteyshenkilön.",
    kind="post",
    network="Satakunnan TYP",
    date=datetime.date(2023, 9, 10),
)
WELLBEING = make_document(
    "page:4",
    "Hyvinvointialueen sosiaaliohjaus",
    "Sosiaaliohjaaja arvioi hyvinvointialueen palveluiden tarpeen yhdessä asiakkaan kanssa.",
    organisation="Hyvinvointialue",
)


def search(backend, query, keys=EVERYONE, **kwargs):
    return backend.search(SearchRequest(query, frozenset(keys), **kwargs))


@pytest.fixture
def indexed(backend):
    backend.index_documents([PLAN, ENTRY, WORK_TRIAL, WELLBEING])
    return backend


def test_an_inflected_form_finds_the_base_form(indexed):
    assert "post:3" in search(indexed, "asiakas").keys
    assert "post:3" in search(indexed, "asiakkaille").keys


def test_text_typed_without_a_umlaut_or_o_umlaut_finds_the_finnish_letters(indexed):
    assert search(indexed, "tyollistymissuunnitelma").keys[0] == "page:1"


def test_a_part_of_a_compound_finds_the_compound(indexed):
    assert "page:1" in search(indexed, "suunnitelma").keys
    assert "post:3" in search(indexed, "kokeilu").keys


def test_a_section_reference_finds_the_section(indexed):
    assert search(indexed, "11 §").keys == ["page:1"]
    assert search(indexed, "381/2023").keys[0] == "page:2"


def test_a_statute_number_finds_the_law_by_its_common_name_and_back(indexed):
    # PLAN says "TYM-lain 11 §", ENTRY "Laki 381/2023".
    assert set(search(indexed, "381/2023").keys) == {"page:1", "page:2"}
    assert set(search(indexed, "TYM-laki").keys) == {"page:1", "page:2"}
    assert search(indexed, "TYM-laki 11 §").keys[0] == "page:1"


def test_a_statute_number_weighs_as_a_rare_word_above_its_law_s_common_subject(backend):
    # "189/2001" also finds texts on the law's subject (kuntouttava työtoiminta) that do not
    # name it; the subject's words are in most texts here, the number in one: it comes first.
    subject = [
        make_document(f"page:{number}", "Kuntouttava työtoiminta", "Kuntouttava työtoiminta järjestetään.")
        for number in range(81, 86)
    ]
    law = make_document("page:80", "189/2001 ja suunnitelma", "Suunnitelma laaditaan yhdessä.")
    backend.index_documents([*subject, law])

    keys = search(backend, "189/2001").keys
    assert keys[0] == "page:80"
    assert set(keys) == {"page:80", *(document.key for document in subject)}


def test_a_statute_of_the_knowledge_base_is_found_by_number_and_name(backend):
    Statute.objects.create(number="999/2099", name="Laki kokeellisesta toiminnasta", abbreviation="KOKE")
    backend.index_documents([make_document("page:70", "Uusi laki", "KOKE-lain soveltaminen alkaa.")])

    assert search(backend, "999/2099").keys == ["page:70"]


def test_a_section_saved_in_the_knowledge_base_joins_its_law_at_once(backend):
    statute = Statute.objects.create(number="999/2099", name="Laki kokeellisesta toiminnasta")
    backend.index_documents([make_document("page:71", "Kela ja uusi laki", "Kela soveltaa lakia 999/2099.")])
    assert search(backend, "Kela 5 §").keys == ["page:71"]  # Kela only: no section 5 known
    assert search(backend, "Kela 5 §").relaxed

    LawSection.objects.create(statute=statute, number="5", title="Kokeilu")

    assert not search(backend, "Kela 5 §").relaxed  # the law's number stands for its section


def test_a_quoted_phrase_matches_only_the_exact_words_in_order(indexed):
    backend = indexed
    backend.index_documents([make_document("page:9", "Yhteispalvelu", "Palvelu on monialainen ja yhteinen.")])
    assert search(backend, '"monialainen työllistymissuunnitelma"').keys == ["page:1"]


def test_documents_with_every_word_rank_above_those_with_some(indexed):
    results = search(indexed, "asiakas sosiaaliohjaaja")

    assert results.keys[0] == "page:4"
    assert set(results.keys[1:]) == {"page:1", "page:2", "post:3"}  # "asiakas" only
    assert not results.relaxed


def test_documents_with_more_of_the_words_rank_above_those_with_fewer(backend):
    backend.index_documents(
        [
            make_document("page:80", "Muistio", "Työkokeilu."),
            make_document("page:81", "Muistio", "Työkokeilu ja palkkatuki."),
            make_document("page:82", "Muistio", "Työkokeilu, palkkatuki ja sosiaaliohjaaja."),
        ]
    )
    results = search(backend, "työkokeilu palkkatuki sosiaaliohjaaja velkaneuvonta")

    assert results.keys == ["page:82", "page:81", "page:80"]
    assert results.relaxed  # no document has every word


def test_question_words_need_not_match(indexed):
    results = search(indexed, "milloin tarvitaanko asiakkaalle työkokeilu")

    assert results.keys[0] == "post:3"
    assert not results.relaxed


def test_a_derivative_finds_the_other_words_of_its_family(backend):
    backend.index_documents(
        [
            make_document("page:90", "Sopimus", "Yhteistoimintasopimus allekirjoitetaan."),
            make_document("page:91", "Koulutukset", "Uusien työntekijöiden koulutus."),
        ]
    )
    assert search(backend, "sopiminen").keys == ["page:90"]
    assert search(backend, "kouluttaa").keys == ["page:91"]


COMPOUNDS_WRITTEN_APART = {
    # Every part is found, in one word or in others; one part alone is not enough.
    "parts": (
        "suunnitelmapohjan",
        [
            ("Suunnitelmapohja", "Lomake."),
            ("Työllistymissuunnitelman pohja", "Liitteenä."),
            ("Suunnitelman seuranta", "Päivitetään."),
            ("Pohja ja malli", "Lomakkeet."),
        ],
        ["page:93", "page:94"],
    ),
    # A part shorter than four letters ("työ") is joined to its neighbour (työkokeilu, sopimus).
    "short part": (
        "työkokeilusopimuksen",
        [
            ("Työkokeilun sopimus", "Allekirjoitetaan ennen alkua."),
            ("Toimitilan vuokrasopimus", "Työ alkaa kokeilulla."),
            ("Työkokeilu", "Kokeillaan työtä."),
        ],
        ["page:93"],
    ),
}


@pytest.mark.parametrize("case", COMPOUNDS_WRITTEN_APART)
def test_a_compound_finds_its_parts_written_apart_but_never_one_part_alone(backend, case):
    if get_analyzer().name != "voikko":
        pytest.skip("compound parts come from Voikko")
    query, texts, expected = COMPOUNDS_WRITTEN_APART[case]
    backend.index_documents(
        [make_document(f"page:{number}", title, body) for number, (title, body) in enumerate(texts, start=93)]
    )

    assert search(backend, query).keys == expected


def test_an_abbreviation_with_a_case_ending_finds_its_long_form(backend):
    backend.index_documents([make_document("page:92", "KEHA-keskus tiedottaa", "Koulutuskalenteri.")])

    assert search(backend, "KEHA:n").keys == ["page:92"]


def test_an_abbreviation_with_its_case_ending_written_on_finds_the_abbreviation(backend):
    backend.index_documents(
        [
            make_document("page:88", "Tilastot TYPPIstä", "Raportti."),
            make_document("page:89", "Typpi ja kalium", "Puutarhan lannoitus."),
            make_document("page:90", "Hyvinvointialue tiedottaa", "Uutiset."),
        ]
    )

    assert search(backend, "TYPPI tilastot").keys[0] == "page:88"
    assert search(backend, "TYPPIin").keys[0] == "page:88"
    assert search(backend, "HVAlle").keys == ["page:90"]


def test_an_action_noun_and_its_verb_find_each_other_the_word_as_typed_first(backend):
    if get_analyzer().name != "voikko":
        pytest.skip("the verbs of action nouns come from Voikko")
    titles = {"page:84": "Lomakkeen tarkistus", "page:85": "Lomakkeet tarkistetaan", "page:86": "Arkisto"}
    backend.index_documents([make_document(key, title, "Kerran vuodessa.") for key, title in titles.items()])

    assert search(backend, "tarkistaa").keys == ["page:85", "page:84"]
    assert search(backend, "tarkistus").keys == ["page:84", "page:85"]


def test_a_one_letter_typo_still_finds(indexed):
    assert "page:4" in search(indexed, "sosiaaliohjaja").keys


def test_a_word_only_a_deleted_document_had_is_unknown_again(indexed):
    indexed.index_documents([make_document("page:50", "Sosiaaliohjaja", "Kirjoitusvirhe.")])
    indexed.delete_documents(["page:50"])

    # Unknown again, so the one-letter typo finds the right spelling.
    assert "page:4" in search(indexed, "sosiaaliohjaja").keys


def test_an_abbreviation_finds_what_it_stands_for(indexed):
    assert "page:4" in search(indexed, "HVA").keys


def test_everyday_words_find_the_field_s_terms(backend):
    backend.index_documents(
        [
            make_document("page:76", "Toimeentulon turvaaminen", "Kelan perustoimeentulotuki."),
            make_document("page:77", "Poissaolot tapaamisista", "Soita asiakkaalle ja sovi uusi aika."),
            make_document("page:78", "Asiakkuus päätetään", "Loppuarvio kirjataan."),
            make_document("page:79", "Rahoitushaku", "Hankkeen budjetti."),
        ]
    )

    assert search(backend, "rahapula").keys == ["page:76"]
    assert search(backend, "ei tule tapaamiseen").keys == ["page:77"]
    assert search(backend, "lopettaa asiakkuuden").keys == ["page:78"]


def test_a_document_outside_the_access_keys_is_never_returned(backend):
    private = make_document(
        "post:7", "Verkoston sisäinen keskustelu työkokeilusta", access_key=network_key(7)
    )
    members = make_document("page:8", "Jäsenten ohje työkokeiluun", access_key=MEMBERS)
    backend.index_documents([private, members, WORK_TRIAL])

    assert set(search(backend, "työkokeilu").keys) == {"post:3"}
    assert set(search(backend, "työkokeilu", {PUBLIC, MEMBERS}).keys) == {"post:3", "page:8"}
    assert "post:7" in search(backend, "työkokeilu", {PUBLIC, network_key(7)}).keys
    # Relaxed to "any word", the results are still filtered.
    assert search(backend, "xyzzy työkokeilu verkoston").keys == ["post:3"]


def test_facets_count_the_results(indexed):
    results = search(indexed, "asiakas")

    assert results.total == 4
    assert dict(results.facets["kind"]) == {"guidance": 3, "post": 1}
    assert dict(results.facets["theme"]) == {"Asiakasprosessi": 2, "Laki": 1}
    assert dict(results.facets["network"]) == {"Satakunnan TYP": 1}
    assert dict(results.facets["year"]) == {"2025": 1, "2024": 1, "2023": 1}


def test_filters_narrow_the_results(indexed):
    assert search(indexed, "asiakas", filters={"kind": "post"}).keys == ["post:3"]
    assert search(indexed, "asiakas", filters={"theme": "Laki"}).keys == ["page:2"]
    assert search(indexed, "asiakas", filters={"year": "2024"}).keys == ["page:1"]
    assert search(indexed, "asiakas", filters={"organisation": "Hyvinvointialue"}).keys == ["page:4"]


def test_date_order_puts_the_newest_first(indexed):
    keys = search(indexed, "asiakas", order="date").keys
    assert keys[:3] == ["page:2", "page:1", "post:3"]


def test_results_come_in_pages(indexed):
    first = search(indexed, "asiakas", per_page=3)
    second = search(indexed, "asiakas", per_page=3, page=2)

    assert len(first.keys) == 3
    assert len(second.keys) == 1
    assert not set(first.keys) & set(second.keys)
    assert first.page_count == 2


def test_a_title_match_ranks_above_a_body_match(backend):
    backend.index_documents(
        [
            make_document("page:20", "Alkukartoitus", "Ensimmäinen tapaaminen."),
            make_document("page:21", "Ensimmäinen tapaaminen", "Siinä tehdään alkukartoitus."),
        ]
    )
    assert search(backend, "alkukartoitus").keys == ["page:20", "page:21"]


def test_a_document_with_an_absurdly_long_word_is_still_indexed(backend):
    # E.g. an attachment's text with an encoded blob; PostgreSQL refuses lexemes of 2 kB.
    backend.index_documents([make_document("page:60", "Liite", "Tarkiste " + "q" * 3000 + " työkokeilusta.")])
    assert search(backend, "työkokeilu").keys == ["page:60"]


def test_snippets_mark_the_matches_and_escape_everything_else(backend):
    backend.index_documents(
        [make_document("page:30", "Ohje", "Lue <script>alert(1)</script> ohje asiakkaalle.")]
    )
    snippet = str(search(backend, "asiakas").hits[0].snippet)

    assert "<mark>asiakkaalle</mark>" in snippet
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet


def test_when_no_document_has_every_word_documents_with_some_are_offered(indexed):
    results = search(indexed, "sosiaaliohjaaja kvanttifysiikka")

    assert results.relaxed
    assert results.keys == ["page:4"]


def test_a_misspelt_query_gets_a_did_you_mean(indexed):
    results = search(indexed, "sosiaalohjaaja")

    assert results.suggestion == "sosiaaliohjaaja"


def test_nothing_found_is_an_empty_result(indexed):
    results = search(indexed, "kvanttifysiikka")

    assert results.total == 0
    assert results.hits == []
    assert not results.relaxed


def test_reindexing_a_document_replaces_it(indexed):
    indexed.index_documents([make_document("page:1", "Uusi otsikko", "Aivan muuta tekstiä.")])

    assert search(indexed, "työllistymissuunnitelma").keys == []
    assert search(indexed, "otsikko").keys == ["page:1"]


def test_a_deleted_document_disappears(indexed):
    indexed.delete_documents(["page:4"])

    assert search(indexed, "sosiaaliohjaaja").keys == []


def test_a_rebuild_keeps_only_the_given_documents(indexed):
    indexed.rebuild([PLAN])

    assert indexed.count() == 1
    assert search(indexed, "asiakas").keys == ["page:1"]


def test_search_as_you_type_completes_the_last_word(indexed):
    titles = [hit.title for hit in indexed.suggest("työllist", EVERYONE)]

    assert titles[0] == "Työllistymissuunnitelman laatiminen"


def test_search_as_you_type_respects_access(backend):
    backend.index_documents([make_document("post:40", "Salainen työkokeilu", access_key=network_key(40))])
    assert backend.suggest("työkok", EVERYONE) == []


def test_facets_of_many_results_are_estimated_from_an_even_sample(backend, monkeypatch):
    if backend.name != "embedded":
        pytest.skip("Elasticsearch counts its aggregations itself")
    monkeypatch.setattr(type(backend.store), "FACET_SAMPLE", 10)  # 1,000 on the site
    backend.index_documents(
        [
            make_document(
                f"page:{n}", f"Ohje {n}", "Asiakas ja työkokeilu.", kind="post" if n % 4 == 0 else "guidance"
            )
            for n in range(40)
        ]
    )

    results = search(backend, "työkokeilu")
    exact = search(backend, "työkokeilu", filters={"kind": "post"})

    assert results.total == 40 and results.facets_estimated
    assert sum(count for _kind, count in results.facets["kind"]) == pytest.approx(40, abs=4)
    assert exact.total == 10 and not exact.facets_estimated
    assert dict(exact.facets["kind"]) == {"post": 10}


def test_many_matches_rank_title_matches_first_and_page_through_all(backend, monkeypatch):
    if backend.name != "embedded":
        pytest.skip("the bounded ranking is the embedded backend's")
    monkeypatch.setattr(type(backend.store), "RANK_LIMIT", 4)  # 1,000 on the site
    in_title = [make_document(f"page:{n}", f"Työkokeilu {n}", "Ohje.") for n in range(6)]
    in_body = [make_document(f"page:{n}", f"Ohje {n}", "Työkokeilu.") for n in range(6, 15)]
    private = make_document("page:99", "Työkokeilu salaa", access_key=network_key(9))
    backend.index_documents([*in_body, private, *in_title])

    pages = [search(backend, "työkokeilu", per_page=4, page=page).keys for page in (1, 2, 3, 4)]
    keys = [key for page in pages for key in page]

    assert sorted(keys) == sorted(document.key for document in in_title + in_body)
    assert set(keys[:6]) == {document.key for document in in_title}


def test_a_did_you_mean_offers_no_word_only_a_private_document_holds(backend):
    crisis = make_document(
        "post:9",
        "Kriisiryhmän kokous",
        "Kriisiryhmä kokoontuu verkoston omassa tilassa.",
        kind="post",
        access_key=network_key(2),
    )
    backend.index_documents([PLAN, ENTRY, WORK_TRIAL, WELLBEING, crisis])

    # One word of the query finds a public document, the other is a typo of a word that
    # only the network's private post holds: the correction may not reveal that word.
    outsider = search(backend, "sosiaaliohjaaja kriisirymä")
    member = search(backend, "sosiaaliohjaaja kriisirymä", {PUBLIC, network_key(2)})

    assert "kriisiryhm" not in (outsider.suggestion or "")
    assert member.suggestion == "sosiaaliohjaaja kriisiryhmä"


def test_a_broad_query_shows_an_estimated_total_and_still_pages_through_every_match(backend, monkeypatch):
    estimate_totals_above(monkeypatch, backend, exact=40, sample=10, windows=4)
    monkeypatch.setattr(type(backend.store), "RANK_LIMIT", 8)  # 1,000 on the site
    # 120 documents with the word among 240, every fourth of them a post; every third has
    # both words of the two-word query. Another network's documents are never counted.
    documents = []
    for n in range(240):
        kind = "post" if n % 8 == 0 else "guidance"
        body = ("Työkokeilu ja ohjaus." if n % 6 == 0 else "Työkokeilu.") if n % 2 == 0 else "Ohjaus."
        documents.append(make_document(f"page:{n}", f"Ohje {n}", body, kind=kind))
    documents += [
        make_document(f"post:{n}", "Työkokeilu salaa", kind="post", access_key=network_key(9))
        for n in range(40)
    ]
    backend.index_documents(documents)
    with_word = {f"page:{n}" for n in range(0, 240, 2)}

    broad = search(backend, "työkokeilu")
    exact = search(backend, "työkokeilu", filters={"kind": "post"})  # 30: counted

    assert broad.total_estimated and broad.facets_estimated
    assert broad.total == pytest.approx(120, rel=0.25)
    assert dict(broad.facets["kind"])["guidance"] == pytest.approx(90, rel=0.4)
    assert dict(broad.facets["kind"]).get("post", 0) == pytest.approx(30, abs=20)
    assert not exact.total_estimated and exact.total == 30
    keys = [
        key for page in range(1, 20) for key in search(backend, "työkokeilu", per_page=10, page=page).keys
    ]
    assert sorted(keys) == sorted(with_word)

    both_words = search(backend, "työkokeilu ohjaus", per_page=10)
    assert both_words.total_estimated and not both_words.relaxed
    assert set(both_words.keys) <= {f"page:{n}" for n in range(0, 240, 6)}
    pages = [search(backend, "työkokeilu ohjaus", per_page=25, page=page).keys for page in range(1, 12)]
    every = [key for page in pages for key in page]
    assert sorted(every) == sorted({f"page:{n}" for n in range(240)})


def test_matches_in_one_run_of_ids_are_counted_not_estimated(backend, monkeypatch):
    estimate_totals_above(monkeypatch, backend, exact=20, sample=10, windows=4)
    # 200 older documents without the word, then 60 with it: a sample spread over every id
    # would see them in one window only.
    backend.index_documents([make_document(f"page:{n}", f"Ohje {n}", "Ohjaus.") for n in range(200)])
    backend.index_documents(
        [make_document(f"post:{n}", f"Kokemus {n}", "Työkokeilu.", kind="post") for n in range(60)]
    )

    results = search(backend, "työkokeilu")

    assert results.total == 60 and not results.total_estimated
