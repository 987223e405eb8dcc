"""Relevance evaluation: a judged set and the measures (nDCG@10, recall@10, MRR)."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..contracts import SearchDocument

BUNDLED = Path(__file__).resolve().parent
BUNDLED_CORPUS = BUNDLED / "corpus.jsonl"
BUNDLED_QUERIES = BUNDLED / "queries.jsonl"
BUNDLED_QRELS = BUNDLED / "qrels.tsv"
SET2 = BUNDLED / "set2"
SET2_CORPUS = SET2 / "corpus.jsonl"
SET2_QUERIES = SET2 / "queries.jsonl"
SET2_QRELS = SET2 / "qrels.tsv"
# The third set: new queries over the second set's corpus, written and judged after the
# ranking work on the second set (search/evaluation/README.md, "The third set").
SET3 = BUNDLED / "set3"
SET3_QUERIES = SET3 / "queries.jsonl"
SET3_QRELS = SET3 / "qrels.tsv"
SPLITS = ("dev", "test")


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_corpus(path, access_key: str) -> list[SearchDocument]:
    documents = []
    for row in read_jsonl(path):
        tags = row.get("tags") or []
        if isinstance(tags, str):
            tags = [tag.strip() for tag in tags.split(",") if tag.strip()]
        documents.append(
            SearchDocument(
                key=str(row["id"]),
                kind=str(row.get("kind") or "document"),
                title=row.get("title") or "",
                body=row.get("body") or "",
                url=f"#{row['id']}",
                access_key=access_key,
                tags=list(tags),
            )
        )
    return documents


@dataclass(frozen=True)
class Query:
    qid: str
    query: str
    kind: str = ""
    split: str = ""


def read_query_rows(path) -> list[Query]:
    """Queries with their optional ``kind`` and ``split`` (dev / test) fields."""
    return [
        Query(str(row["qid"]), row["query"], str(row.get("kind") or ""), str(row.get("split") or ""))
        for row in read_jsonl(path)
    ]


def read_qrels(path) -> dict[str, dict[str, int]]:
    judgments: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            judgments.setdefault(str(row["qid"]).strip(), {})[str(row["doc_id"]).strip()] = int(row["grade"])
    return judgments


def dcg(grades: Iterable[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


@dataclass
class QueryScore:
    qid: str
    ndcg10: float
    recall10: float
    reciprocal_rank: float


def score_query(qid: str, ranking: list[str], judged: dict[str, int]) -> QueryScore:
    relevant = {doc for doc, grade in judged.items() if grade > 0}
    top = ranking[:10]
    ideal = dcg(sorted((g for g in judged.values() if g > 0), reverse=True)[:10])
    ndcg = dcg(judged.get(doc, 0) for doc in top) / ideal if ideal else 0.0
    recall = len(relevant & set(top)) / len(relevant) if relevant else 0.0
    reciprocal = next((1 / rank for rank, doc in enumerate(ranking, 1) if doc in relevant), 0.0)
    return QueryScore(qid, ndcg, recall, reciprocal)


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
