"""`manage.py search_eval` scores any judged set; the bundled one meets its target."""

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search.evaluation import BUNDLED_CORPUS, BUNDLED_QRELS, BUNDLED_QUERIES, score_query
from search.evaluation.baselines import ngrams, words
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_scores_follow_the_definitions():
    judged = {"a": 2, "b": 1, "c": 2}

    perfect = score_query("q", ["a", "c", "b"], judged)
    assert (perfect.ndcg10, perfect.recall10, perfect.reciprocal_rank) == (1.0, 1.0, 1.0)
    late = score_query("q", ["x", "y", "b"], judged)
    assert late.reciprocal_rank == pytest.approx(1 / 3)
    assert late.recall10 == pytest.approx(1 / 3)


def test_the_bundled_set_reaches_the_target_and_writes_the_run(tmp_path):
    SearchEntry.objects.create(key="page:1", kind="page", title="Oma sivu", url="/", access_key="public")
    run = tmp_path / "run.tsv"
    output = io.StringIO()

    call_command(
        "search_eval",
        str(BUNDLED_CORPUS),
        str(BUNDLED_QUERIES),
        str(BUNDLED_QRELS),
        "--run",
        str(run),
        stdout=output,
    )

    ndcg = float(re.search(r"nDCG@10:\s+([\d.]+)", output.getvalue()).group(1))
    assert ndcg >= 0.85
    assert "recall@10:" in output.getvalue() and "MRR:" in output.getvalue()
    lines = run.read_text().splitlines()
    assert lines[0] == "qid\tdoc_id\trank"
    assert lines[1].split("\t")[2] == "1"
    # The throwaway index never touched the site's own.
    assert list(SearchEntry.objects.values_list("key", flat=True)) == ["page:1"]


def write_small_set(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(row, ensure_ascii=False)
            for row in [
                {"id": "a", "kind": "guidance", "title": "Palkkatuki", "body": "Tuki työnantajalle."},
                {"id": "b", "kind": "guidance", "title": "Työkokeilu", "body": "Kokeilu työpaikalla."},
                {"id": "c", "kind": "event", "title": "Kahvihetki", "body": "Pullaa ja kahvia."},
            ]
        ),
        encoding="utf-8",
    )
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        "\n".join(
            json.dumps(row, ensure_ascii=False)
            for row in [
                {"qid": "q1", "query": "palkkatuesta", "kind": "inflection", "split": "dev"},
                {"qid": "q2", "query": "tyokokeilu", "kind": "no_umlaut", "split": "dev"},
                {"qid": "q3", "query": "kahvihetki", "kind": "inflection", "split": "test"},
            ]
        ),
        encoding="utf-8",
    )
    qrels = tmp_path / "qrels.tsv"
    qrels.write_text("qid\tdoc_id\tgrade\nq1\ta\t2\nq2\tb\t2\nq3\tc\t2\n", encoding="utf-8")
    return str(corpus), str(queries), str(qrels)


def test_one_split_is_scored_and_reported_by_kind(tmp_path):
    corpus, queries, qrels = write_small_set(tmp_path)
    run = tmp_path / "run.tsv"
    output = io.StringIO()

    call_command("search_eval", corpus, queries, qrels, "--split", "dev", "--run", str(run), stdout=output)

    text = output.getvalue()
    assert "queries: 2  judged: 2  split: dev" in text
    assert re.search(r"^\s+inflection\s+1\s+1\.0000", text, re.MULTILINE)
    assert re.search(r"^\s+no_umlaut\s+1\s+1\.0000", text, re.MULTILINE)
    assert {line.split("\t")[0] for line in run.read_text().splitlines()[1:]} == {"q1", "q2"}


def test_an_empty_split_is_refused(tmp_path):
    corpus, queries, qrels = write_small_set(tmp_path)
    (tmp_path / "queries.jsonl").write_text('{"qid": "q1", "query": "palkkatuki"}\n', encoding="utf-8")

    with pytest.raises(CommandError, match="split"):
        call_command("search_eval", corpus, queries, qrels, "--split", "test", stdout=io.StringIO())


@pytest.mark.parametrize("system", ["tokens", "ngrams"])
def test_an_independent_ranker_scores_without_indexing(tmp_path, system):
    corpus, queries, qrels = write_small_set(tmp_path)
    run = tmp_path / "run.tsv"
    output = io.StringIO()

    call_command("search_eval", corpus, queries, qrels, "--system", system, "--run", str(run), stdout=output)

    assert f"backend: {system}" in output.getvalue()
    assert not SearchEntry.objects.exists()
    lines = [line.split("\t") for line in run.read_text().splitlines()[1:]]
    ranked = {qid: doc for qid, doc, rank in lines if rank == "1"}
    assert ranked["q2"] == "b"  # ä/ö folded in both
    if system == "ngrams":
        assert ranked["q1"] == "a"  # "palkkatuesta" shares 4-grams with "palkkatuki"


def test_baselines_fold_and_split_words():

    assert words("Työkokeilu, 381/2023 ja TYPPIin") == ["tyokokeilu", "381", "2023", "ja", "typpiin"]
    assert ngrams("Kela") == ["_kel", "kela", "ela_"]
