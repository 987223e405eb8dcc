"""Measure relevance: index a judged corpus into a throwaway index and score the rankings.

    manage.py search_eval CORPUS.jsonl QUERIES.jsonl QRELS.tsv [--run OUT.tsv]
        [--analyzer voikko|snowball] [--split dev|test] [--system search|tokens|ngrams]

The corpus goes through exactly the production analysis and ranking (the configured backend:
Elasticsearch when ELASTICSEARCH_URL is set, in an index of its own; else the embedded one,
in a database transaction that is rolled back), never changing the site's own index.
`--split` scores only the queries of one half of a set whose queries carry a ``split`` field;
when queries carry a ``kind`` field the scores are also printed by kind. `--system tokens` or
`--system ngrams` ranks with an independent bm25 (`search.evaluation.baselines`) instead of the
search, for pooling judgments; nothing is indexed then.
"""

from __future__ import annotations

import contextlib
import csv
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from typ_site.core.access import PUBLIC

from ...analysis import build_analyzer
from ...backends import backend_class
from ...backends.base import SearchRequest
from ...backends.embedded import EmbeddedBackend
from ...evaluation import SPLITS, mean, read_corpus, read_jsonl, read_qrels, read_query_rows, score_query
from ...evaluation.baselines import SYSTEMS, baseline


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Index a judged corpus into a throwaway index and print nDCG@10, recall@10 and MRR."

    def add_arguments(self, parser):
        parser.add_argument("corpus", help="JSON lines with id, kind, title, body, tags")
        parser.add_argument("queries", help="JSON lines with qid, query")
        parser.add_argument("qrels", help="TSV with a header: qid, doc_id, grade (2 or 1)")
        parser.add_argument("--run", help="write the ranking here as TSV: qid, doc_id, rank")
        parser.add_argument(
            "--analyzer",
            choices=["voikko", "snowball"],
            default="voikko",
            help="Finnish analysis for the embedded backend (default: the best available)",
        )
        parser.add_argument("--depth", type=int, default=100, help="results kept per query")
        parser.add_argument("--per-query", action="store_true", help="print each query's scores")
        parser.add_argument("--split", choices=SPLITS, help="score only the queries of this half")
        parser.add_argument(
            "--system",
            choices=["search", *SYSTEMS],
            default="search",
            help="search (default): the site's search; tokens / ngrams: an independent bm25",
        )

    def handle(self, *args, **options):
        for name in ("corpus", "queries", "qrels"):
            if not Path(options[name]).is_file():
                raise CommandError(f"No such file: {options[name]}")
        documents = read_corpus(options["corpus"], PUBLIC)
        queries = read_query_rows(options["queries"])
        if options["split"]:
            queries = [query for query in queries if query.split == options["split"]]
            if not queries:
                raise CommandError(f"No queries with split {options['split']!r} in {options['queries']}")
        judgments = read_qrels(options["qrels"])
        if options["system"] != "search":
            started = time.perf_counter()
            ranker = baseline(options["system"], read_jsonl(options["corpus"]))
            seconds = time.perf_counter() - started
            rankings = {query.qid: ranker.rank(query.query, options["depth"]) for query in queries}
            label = f"{options['system']} (independent bm25, search.evaluation.baselines)"
            self.report(label, documents, queries, judgments, rankings, seconds, options)
            return
        analyzer = build_analyzer(options["analyzer"])
        with self.throwaway_backend(analyzer) as backend:
            started = time.perf_counter()
            backend.rebuild(documents)
            indexing_seconds = time.perf_counter() - started
            rankings = {}
            for query in queries:
                request = SearchRequest(query.query, frozenset({PUBLIC}), per_page=options["depth"])
                rankings[query.qid] = backend.search(request).keys
        analysis = analyzer.name if backend.name == "embedded" else "elasticsearch"
        label = f"{backend.name} (analysis: {analysis})"
        self.report(label, documents, queries, judgments, rankings, indexing_seconds, options)

    @contextlib.contextmanager
    def throwaway_backend(self, analyzer):
        if settings.ELASTICSEARCH_URL:
            prefix = settings.ELASTICSEARCH_INDEX_PREFIX
            settings.ELASTICSEARCH_INDEX_PREFIX = f"{prefix}-eval-{uuid.uuid4().hex[:8]}"
            backend = backend_class("elasticsearch")(analyzer)
            try:
                yield backend
            finally:
                backend.clear()
                settings.ELASTICSEARCH_INDEX_PREFIX = prefix
            return

        # The site's own tables, emptied inside a transaction that is always rolled back: the
        # site keeps reading its index meanwhile (its writes wait for the evaluation to end).
        backend = EmbeddedBackend(analyzer)
        try:
            with transaction.atomic():
                backend.clear()
                yield backend
                raise Rollback
        except Rollback:
            pass

    def report(self, label, documents, queries, judgments, rankings, seconds, options):
        scores = [
            score_query(query.qid, rankings.get(query.qid, []), judgments[query.qid])
            for query in queries
            if judgments.get(query.qid)
        ]
        if options["run"]:
            with open(options["run"], "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
                writer.writerow(["qid", "doc_id", "rank"])
                for query in queries:
                    for rank, doc_id in enumerate(rankings.get(query.qid, []), start=1):
                        writer.writerow([query.qid, doc_id, rank])
        by_qid = {query.qid: query for query in queries}
        if options["per_query"]:
            for score in scores:
                query = by_qid[score.qid]
                self.stdout.write(
                    f"{score.qid}\t{score.ndcg10:.3f}\t{score.recall10:.3f}\t"
                    f"{score.reciprocal_rank:.3f}\t{query.kind}\t{query.query}"
                )
        self.stdout.write(f"backend: {label}")
        split = f"  split: {options['split']}" if options["split"] else ""
        self.stdout.write(
            f"documents: {len(documents)}  queries: {len(queries)}  judged: {len(scores)}{split}  "
            f"indexing: {seconds:.2f} s"
        )
        self.stdout.write(f"nDCG@10:   {mean([s.ndcg10 for s in scores]):.4f}")
        self.stdout.write(f"recall@10: {mean([s.recall10 for s in scores]):.4f}")
        self.stdout.write(f"MRR:       {mean([s.reciprocal_rank for s in scores]):.4f}")
        kinds = {}
        for score in scores:
            kinds.setdefault(by_qid[score.qid].kind, []).append(score)
        if len(kinds) > 1 or "" not in kinds:
            self.stdout.write("by kind:   queries  nDCG@10  recall@10  MRR")
            for kind in sorted(kinds):
                group = kinds[kind]
                ndcg = mean([s.ndcg10 for s in group])
                recall = mean([s.recall10 for s in group])
                reciprocal = mean([s.reciprocal_rank for s in group])
                name = kind or "(none)"
                self.stdout.write(
                    f"  {name:<14} {len(group):>4}  {ndcg:.4f}   {recall:.4f}    {reciprocal:.4f}"
                )
