"""Search benchmark (not a test): index 50,000 generated documents, time the queries.

    DEBUG=1 .venv/bin/python bench/search_benchmark.py [--documents 50000] [--analyzer voikko]

Runs the configured backend (embedded unless ELASTICSEARCH_URL is set) against a fresh
database in a temporary directory, so it never touches the site's own index. Prints indexing
documents/s and query latency p50/p95 over the queries of the judged set.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--analyzer", choices=["voikko", "snowball"], default="voikko")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is run")
    options = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="search-bench-")
    os.environ["VAR_DIR"] = directory
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "typ_site.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "search", verbosity=0)

    from search.analysis import build_analyzer
    from search.backends.base import SearchRequest
    from search.backends.embedded import EmbeddedBackend
    from search.evaluation import BUNDLED_CORPUS, read_jsonl, read_queries
    from typ_site.core.access import MEMBERS, PUBLIC, network_key

    analyzer = build_analyzer(options.analyzer)
    if os.environ.get("ELASTICSEARCH_URL"):
        from search.backends.elastic import ElasticsearchBackend

        backend = ElasticsearchBackend(analyzer)
    else:
        backend = EmbeddedBackend(analyzer)

    documents = list(generate(options.documents, read_jsonl(BUNDLED_CORPUS)))
    started = time.perf_counter()
    backend.rebuild(documents)
    seconds = time.perf_counter() - started

    keys = frozenset({PUBLIC, MEMBERS, network_key(1), network_key(2)})
    queries = [query for _qid, query in read_queries(BUNDLED_CORPUS.parent / "queries.jsonl")]
    for query in queries:  # warm the caches once, as a running site has them warm
        backend.search(SearchRequest(query, keys))
    latencies = []
    totals = []
    for _round in range(options.rounds):
        for query in queries:
            began = time.perf_counter()
            results = backend.search(SearchRequest(query, keys))
            latencies.append((time.perf_counter() - began) * 1000)
            totals.append(results.total)
    latencies.sort()

    def percentile(share):
        return latencies[min(len(latencies) - 1, int(round(share * (len(latencies) - 1))))]

    size = sum(f.stat().st_size for f in Path(directory).glob("*.sqlite3*"))
    print(f"backend: {backend.name} (analysis: {analyzer.name})")
    print(f"documents: {len(documents)}  indexing: {seconds:.1f} s  "
          f"{len(documents) / seconds:.0f} documents/s")
    if size:
        print(f"database size: {size / 1e6:.0f} MB")
    print(f"queries: {len(queries)} x {options.rounds} rounds, median hits {statistics.median(totals):.0f}")
    print(f"latency p50: {percentile(0.50):.1f} ms  p95: {percentile(0.95):.1f} ms  "
          f"max: {latencies[-1]:.1f} ms")


def generate(count, corpus):
    """Documents built from the judged corpus's sentences, shuffled, with made-up names."""
    import datetime

    from search.registry import SearchDocument
    from typ_site.core.access import MEMBERS, PUBLIC, network_key

    rng = random.Random(2025)
    sentences = [
        sentence.strip() + "."
        for row in corpus
        for sentence in row["body"].split(".")
        if len(sentence.split()) > 3
    ]
    titles = [row["title"] for row in corpus]
    kinds = ["guidance", "interpretation", "practice", "post", "forum_topic", "event", "document"]
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "vi", "ri", "ho", "pe", "ly", "jä", "kö"]
    networks = ["Satakunta", "Pohjois-Karjala", "Kymenlaakso", "Pohjois-Pohjanmaa", ""]
    for number in range(count):
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(4, 10)))
        access = rng.choice([PUBLIC, PUBLIC, PUBLIC, MEMBERS, network_key(rng.randint(1, 30))])
        yield SearchDocument(
            key=f"bench:{number}",
            kind=rng.choice(kinds),
            title=f"{rng.choice(titles)} – {name}",
            body=f"{body} Yhteyshenkilö {name}.",
            url=f"/bench/{number}/",
            access_key=access,
            themes=rng.sample(["Asiakasprosessi", "Laki", "Perehdytys", "Johtaminen"], 2),
            network=rng.choice(networks),
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 2000)),
        )


if __name__ == "__main__":
    main()
