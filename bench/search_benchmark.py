"""Search benchmark (not a test): index 50,000 generated documents, time the queries.

    .venv/bin/python bench/search_benchmark.py [--documents 50000] [--analyzer voikko]
        [--runs 3] [--keep DIR]

Runs the configured backend (embedded unless ELASTICSEARCH_URL is set) against a fresh
SQLite database in a temporary directory (or DIR with --keep, which reuses an index already
built there), so it never touches the site's own database. With --database-url
postgres://USER:PASSWORD@HOST/NAME it uses that PostgreSQL database instead (one of its own,
already created; the search tables are migrated there and an index of the same size is
reused), and the embedded backend then runs on PostgreSQL. The documents come from
bench/finnish_corpus.py (a Finnish vocabulary with Zipf-distributed word frequencies; see its
docstring). Prints indexing documents/s and, for each run, query latency p50/p95 of the
typical queries and of the broad ones separately, as a member of two networks, timing the
whole search() (hits, total, facets, snippets, typo handling).
"""

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def print_index_size(backend, documents) -> None:
    """The index's bytes per document and its ratio to the text it holds (titles and bodies,
    UTF-8): the full-text tables alone, and with the entries (what a hit shows) included."""
    if backend.name != "embedded" or backend.connection.vendor != "sqlite":
        return
    text = sum(len(document.title.encode()) + len(document.body.encode()) for document in documents)
    with backend.connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute(
            "SELECT sum(pgsize) FROM dbstat "
            "WHERE name LIKE 'search_fts%' OR name LIKE 'sqlite_autoindex_search_fts%' "
            "OR name LIKE 'search_suggest%'"
        )
        fulltext = cursor.fetchone()[0] or 0
        cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_suggest%'")
        suggest = cursor.fetchone()[0] or 0
        cursor.execute(
            "SELECT sum(pgsize) FROM dbstat "
            "WHERE name LIKE 'search_%' OR name LIKE 'sqlite_autoindex_search_%'"
        )
        search = cursor.fetchone()[0] or 0
    count = max(len(documents), 1)
    print(f"text (titles and bodies): {text / 1e6:.1f} MB, {text / count:.0f} bytes/document")
    print(
        f"full-text index: {fulltext / 1e6:.1f} MB, {fulltext / count:.0f} bytes/document, "
        f"{fulltext / text:.2f}x the text (of which search-as-you-type's titles {suggest / 1e6:.1f} MB, "
        f"{suggest / text:.2f}x)"
    )
    print(
        f"search tables with the entries: {search / 1e6:.1f} MB, {search / count:.0f} bytes/document, "
        f"{search / text:.2f}x the text"
    )


def build_queries(documents, seed=7):
    """(class, query text, filters, order) for the typical and the broad queries."""
    from finnish_corpus import FUNCTION_WORDS, LISTED_FORMS, REGULAR_NOUNS, inflect, vocabulary

    ranked, content, _nouns = vocabulary()
    rng = random.Random(seed)
    field_forms = {form for noun in REGULAR_NOUNS for form in inflect(noun)}
    field_forms |= {form for line in LISTED_FORMS for form in line.split()}
    real = [word for word in content if word in field_forms]  # the field's words, by frequency
    queries = []
    # Single words of the field as typed (often inflected), frequency ranks 100 to 1,200.
    for rank in range(100, 1300, 100):
        queries.append(("typical", real[rank], {}, "relevance"))
    # Two words that occur together (both from one document's title).
    for document in rng.sample(documents[:5000], 6):
        words = [w for w in document.title.lower().split() if w not in FUNCTION_WORDS]
        queries.append(("typical", " ".join(words[:2]), {}, "relevance"))
    # Quoted phrases (two adjacent title words).
    for document in rng.sample(documents[:5000], 2):
        words = document.title.lower().split()
        queries.append(("typical", f'"{words[1]} {words[2]}"', {}, "relevance"))
    # One-letter typos of mid-frequency words.
    for rank in (400, 900):
        word = real[rank]
        queries.append(("typical", word[:3] + word[4:], {}, "relevance"))
    # Rare words: a contact person's surname.
    for name in (ranked[-10], ranked[-200]):
        queries.append(("typical", name, {}, "relevance"))
    # With a filter, and newest first.
    queries.append(("typical", real[300], {"kind": "guidance"}, "relevance"))
    queries.append(("typical", real[600], {"theme": "Laki"}, "relevance"))
    queries.append(("typical", real[450], {}, "date"))
    queries.append(("typical", real[1200], {}, "date"))
    # Broad: the most frequent content words, alone and in pairs.
    for rank in range(6):
        queries.append(("broad", real[rank], {}, "relevance"))
    queries.append(("broad", f"{real[0]} {real[1]}", {}, "relevance"))
    queries.append(("broad", real[2], {}, "date"))
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--analyzer", choices=["voikko", "snowball"], default="voikko")
    parser.add_argument("--runs", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--rounds", type=int, default=3, help="times each query runs per pass")
    parser.add_argument("--keep", help="directory for the database (reused when present)")
    parser.add_argument("--database-url", help="a PostgreSQL database of its own to use instead of SQLite")
    parser.add_argument("--verbose", action="store_true", help="print each query's numbers")
    options = parser.parse_args()

    directory = options.keep or tempfile.mkdtemp(prefix="search-bench-")
    os.makedirs(directory, exist_ok=True)
    os.environ["VAR_DIR"] = directory
    if options.database_url:
        os.environ["DATABASE_URL"] = options.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    # Production settings: with DEBUG on, Django would also format and keep every SQL query.
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "typ_site.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "search", verbosity=0)
    # Index writes renew the kept search results (search.results_cache) in the cache.
    call_command("createcachetable", verbosity=0)

    from finnish_corpus import generate

    from search.analysis import build_analyzer
    from search.backends.base import SearchRequest
    from search.backends.embedded import EmbeddedBackend
    from typ_site.core.access import MEMBERS, PUBLIC, network_key

    analyzer = build_analyzer(options.analyzer)
    if os.environ.get("ELASTICSEARCH_URL"):
        from search.backends.elastic import ElasticsearchBackend

        backend = ElasticsearchBackend(analyzer)
    else:
        backend = EmbeddedBackend(analyzer)

    print(f"machine load at start (1/5/15 min): {load()}  cores: {os.cpu_count()}")
    documents = list(generate(options.documents))
    if backend.count() == len(documents):
        print(f"documents: {len(documents)} (index reused from {directory})")
    else:
        started = time.perf_counter()
        backend.rebuild(documents)
        seconds = time.perf_counter() - started
        print(
            f"documents: {len(documents)}  indexing: {seconds:.1f} s  "
            f"{len(documents) / seconds:.0f} documents/s  (load now {load()})"
        )
    size = sum(f.stat().st_size for f in Path(directory).glob("*.sqlite3*"))
    if backend.name == "embedded" and backend.connection.vendor == "postgresql":
        with backend.connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY["
                "'search_searchentry', 'search_vector', 'search_vocabulary']::regclass[]) c"
            )
            size = int(cursor.fetchone()[0])
    if size:
        print(f"database size: {size / 1e6:.0f} MB")
    print_index_size(backend, documents)
    database = getattr(backend, "connection", None)
    on = f" on {database.vendor}" if database is not None else ""
    print(f"backend: {backend.name}{on} (analysis: {analyzer.name})")

    keys = frozenset({PUBLIC, MEMBERS, network_key(1), network_key(2)})
    queries = build_queries(documents)

    def run(query, filters, order):
        began = time.perf_counter()
        results = backend.search(SearchRequest(query, keys, dict(filters), order))
        return (time.perf_counter() - began) * 1000, results

    hits = {}
    for _class, query, filters, order in queries:  # warm the caches, as on a running site
        _ms, results = run(query, filters, order)
        hits[(query, order, tuple(filters.items()))] = (
            results.total,
            results.facets_estimated,
            results.total_estimated,
        )
    for name in ("typical", "broad"):
        totals = [hits[(q, o, tuple(f.items()))][0] for c, q, f, o in queries if c == name]
        estimated = sum(hits[(q, o, tuple(f.items()))][2] for c, q, f, o in queries if c == name)
        print(
            f"{name}: {len(totals)} queries, hits median {statistics.median(totals):.0f} "
            f"({100 * statistics.median(totals) / len(documents):.1f} % of the documents), "
            f"min {min(totals)}, max {max(totals)}; total estimated (over 5,000) for {estimated}"
        )

    per_run = []
    per_query: dict[tuple, list[float]] = {}
    for number in range(1, options.runs + 1):
        latencies = {"typical": [], "broad": []}
        for _round in range(options.rounds):
            for name, query, filters, order in queries:
                ms, _results = run(query, filters, order)
                latencies[name].append(ms)
                per_query.setdefault((name, query, order, tuple(filters.items())), []).append(ms)
        summary = {
            name: (percentile(values, 0.5), percentile(values, 0.95)) for name, values in latencies.items()
        }
        per_run.append(summary)
        print(
            f"run {number}: typical p50 {summary['typical'][0]:.1f} ms  "
            f"p95 {summary['typical'][1]:.1f} ms | broad p50 {summary['broad'][0]:.1f} ms  "
            f"p95 {summary['broad'][1]:.1f} ms | load {load()}"
        )
    suggestion_ms = []
    for _class, query, _filters, _order in queries:
        word = query.strip('"').split()[0]
        for length in (2, 3, 4, 6):
            if len(word) > length:
                began = time.perf_counter()
                backend.suggest(word[:length], keys)
                suggestion_ms.append((time.perf_counter() - began) * 1000)
    print(
        f"search-as-you-type: {len(suggestion_ms)} prefixes of 2-6 letters, "
        f"p50 {percentile(suggestion_ms, 0.5):.1f} ms  p95 {percentile(suggestion_ms, 0.95):.1f} ms"
    )
    median_run = sorted(per_run, key=lambda summary: summary["typical"][1])[len(per_run) // 2]
    print(
        f"median run: typical p50 {median_run['typical'][0]:.1f} ms  "
        f"p95 {median_run['typical'][1]:.1f} ms | broad p50 {median_run['broad'][0]:.1f} ms  "
        f"p95 {median_run['broad'][1]:.1f} ms"
    )
    if options.verbose:
        for (name, query, order, filters), values in per_query.items():
            total, estimated, total_estimated = hits[(query, order, filters)]
            shown = ", ".join(f"{key}={value}" for key, value in filters)
            print(
                f"  {statistics.median(values):7.1f} ms  {'≈' if total_estimated else ' '}{total:6d} "
                f"hits{'~' if estimated else ' '}"
                f"  {name:8s} {order:9s} {shown:16s} {query}"
            )


if __name__ == "__main__":
    main()
