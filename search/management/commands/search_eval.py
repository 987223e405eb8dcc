"""Measure relevance: index a judged corpus into a throwaway index and score the rankings.

    manage.py search_eval CORPUS.jsonl QUERIES.jsonl QRELS.tsv [--run OUT.tsv]

The corpus goes through exactly the production analysis and ranking (the configured backend:
Elasticsearch when ELASTICSEARCH_URL is set, in an index of its own; else the embedded one,
in a database transaction that is rolled back), never changing the site's own index.
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
from ...backends.base import SearchRequest
from ...evaluation import mean, read_corpus, read_qrels, read_queries, score_query


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

    def handle(self, *args, **options):
        for name in ("corpus", "queries", "qrels"):
            if not Path(options[name]).is_file():
                raise CommandError(f"No such file: {options[name]}")
        documents = read_corpus(options["corpus"], PUBLIC)
        queries = read_queries(options["queries"])
        judgments = read_qrels(options["qrels"])
        analyzer = build_analyzer(options["analyzer"])
        with self.throwaway_backend(analyzer) as backend:
            started = time.perf_counter()
            backend.rebuild(documents)
            indexing_seconds = time.perf_counter() - started
            rankings = {}
            for qid, query in queries:
                request = SearchRequest(query, frozenset({PUBLIC}), per_page=options["depth"])
                rankings[qid] = backend.search(request).keys
        self.report(backend, analyzer, documents, queries, judgments, rankings, indexing_seconds, options)

    @contextlib.contextmanager
    def throwaway_backend(self, analyzer):
        if settings.ELASTICSEARCH_URL:
            from ...backends.elastic import ElasticsearchBackend

            prefix = settings.ELASTICSEARCH_INDEX_PREFIX
            settings.ELASTICSEARCH_INDEX_PREFIX = f"{prefix}-eval-{uuid.uuid4().hex[:8]}"
            backend = ElasticsearchBackend(analyzer)
            try:
                yield backend
            finally:
                backend.clear()
                settings.ELASTICSEARCH_INDEX_PREFIX = prefix
            return

        from ...backends.embedded import EmbeddedBackend

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

    def report(self, backend, analyzer, documents, queries, judgments, rankings, seconds, options):
        scores = [
            score_query(qid, rankings.get(qid, []), judgments[qid])
            for qid, _query in queries
            if judgments.get(qid)
        ]
        if options["run"]:
            with open(options["run"], "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
                writer.writerow(["qid", "doc_id", "rank"])
                for qid, _query in queries:
                    for rank, doc_id in enumerate(rankings.get(qid, []), start=1):
                        writer.writerow([qid, doc_id, rank])
        if options["per_query"]:
            texts = dict(queries)
            for score in scores:
                self.stdout.write(
                    f"{score.qid}\t{score.ndcg10:.3f}\t{score.recall10:.3f}\t"
                    f"{score.reciprocal_rank:.3f}\t{texts[score.qid]}"
                )
        analysis = analyzer.name if backend.name == "embedded" else "elasticsearch"
        self.stdout.write(f"backend: {backend.name} (analysis: {analysis})")
        self.stdout.write(
            f"documents: {len(documents)}  queries: {len(queries)}  judged: {len(scores)}  "
            f"indexing: {seconds:.2f} s"
        )
        self.stdout.write(f"nDCG@10:   {mean([s.ndcg10 for s in scores]):.4f}")
        self.stdout.write(f"recall@10: {mean([s.recall10 for s in scores]):.4f}")
        self.stdout.write(f"MRR:       {mean([s.reciprocal_rank for s in scores]):.4f}")
