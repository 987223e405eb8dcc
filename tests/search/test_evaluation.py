"""`manage.py search_eval` scores any judged set; the bundled one meets its target."""

import io
import re

import pytest
from django.core.management import call_command

from search.evaluation import BUNDLED_CORPUS, BUNDLED_QRELS, BUNDLED_QUERIES, score_query
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
