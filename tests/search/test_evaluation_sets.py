"""The second and third judged sets (search/evaluation/set2, set3) are well-formed and split
by kind; the third set's queries are over the second set's corpus."""

import collections
import csv
import json

import pytest

from search.evaluation import (
    SET2,
    SET2_CORPUS,
    SET2_QRELS,
    SET2_QUERIES,
    SET3,
    SET3_QRELS,
    SET3_QUERIES,
    SPLITS,
)

KINDS = {
    "question",
    "abbreviation",
    "statute",
    "no_umlaut",
    "derivation",
    "inflection",
    "paraphrase",
    "ambiguous",
}
# (folder, queries, judgments, at least this many queries, of them natural questions)
SETS = {
    "set2": (SET2, SET2_QUERIES, SET2_QRELS, 150, 30),
    "set3": (SET3, SET3_QUERIES, SET3_QRELS, 80, 20),
}


def rows(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def judgments(path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == ["qid", "doc_id", "grade"]
        return list(reader)


def test_corpus_has_300_documents_with_unique_ids_and_text():
    corpus = rows(SET2_CORPUS)
    assert len(corpus) >= 300
    ids = [row["id"] for row in corpus]
    assert len(ids) == len(set(ids))
    for row in corpus:
        assert row["kind"] and row["title"].strip() and row["body"].strip()
        assert isinstance(row["tags"], list)


def test_the_sets_share_no_query_id():
    assert not {row["qid"] for row in rows(SET2_QUERIES)} & {row["qid"] for row in rows(SET3_QUERIES)}


@pytest.mark.parametrize("name", SETS)
def test_queries_have_kind_and_split_and_both_halves_cover_every_kind(name):
    _folder, path, _qrels, at_least, questions = SETS[name]
    queries = rows(path)
    assert len(queries) >= at_least
    assert len({query["qid"] for query in queries}) == len(queries)
    for query in queries:
        assert query["query"].strip()
        assert query["kind"]
        assert query["split"] in SPLITS
    kinds = collections.Counter(query["kind"] for query in queries)
    assert set(kinds) == KINDS
    assert kinds["question"] >= questions
    for split in SPLITS:
        assert {query["kind"] for query in queries if query["split"] == split} == set(kinds)
    # Stratified: within each kind the halves differ by at most one query.
    for kind in kinds:
        halves = collections.Counter(query["split"] for query in queries if query["kind"] == kind)
        assert abs(halves["dev"] - halves["test"]) <= 1


@pytest.mark.parametrize("name", SETS)
def test_every_judgment_names_a_known_query_and_document_and_every_query_has_a_relevant_one(name):
    _folder, path, qrels, _at_least, _questions = SETS[name]
    documents = {row["id"] for row in rows(SET2_CORPUS)}
    queries = {row["qid"] for row in rows(path)}
    relevant = collections.defaultdict(int)
    seen = set()
    for row in judgments(qrels):
        assert row["qid"] in queries
        assert row["doc_id"] in documents
        assert row["grade"] in {"0", "1", "2"}
        assert (row["qid"], row["doc_id"]) not in seen
        seen.add((row["qid"], row["doc_id"]))
        relevant[row["qid"]] += row["grade"] != "0"
    assert all(relevant[qid] >= 1 for qid in queries)


@pytest.mark.parametrize("name", SETS)
def test_every_pooled_document_is_judged(name):
    folder, _path, qrels, _at_least, _questions = SETS[name]
    judged = {(row["qid"], row["doc_id"]) for row in judgments(qrels)}
    runs = sorted((folder / "runs").glob("*.tsv"))
    assert len(runs) >= 3
    for run in runs:
        with open(run, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if int(row["rank"]) <= 10:
                    assert (row["qid"], row["doc_id"]) in judged, run.name
