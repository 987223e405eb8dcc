"""A recording HTTP server that answers like Elasticsearch, for the backend's contract tests.

No Elasticsearch server can run on this machine, so this small server stands in for a
single-node cluster: it keeps indices, aliases, documents, templates and the rebuild lock in
memory, answers the requests the backend makes with the status codes and bodies
Elasticsearch gives (409 for a `create` of an existing document, 404 for a missing one,
`resource_already_exists_exception`, optimistic concurrency on `if_seq_no`), evaluates the
few query types the backend sends (bool, term, terms, multi_match with fuzziness 1, prefix,
match_phrase, constant_score, match_all) on whitespace-separated term fields, and records
every request so that a test can check the sequence. It is a stand-in for checking what the
backend asks and in which order, not for Elasticsearch's ranking; the same tests run against
a real cluster through `make test-elasticsearch`.
"""

from __future__ import annotations

import fnmatch
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

TEXT_FIELDS = {"title_terms", "body_terms", "extra_terms", "exact"}


@dataclass
class Recorded:
    method: str
    path: str
    params: dict
    body: object

    @property
    def target(self) -> str:
        return f"{self.method} {self.path}"


@dataclass
class FakeIndex:
    name: str
    settings: dict = field(default_factory=dict)
    mappings: dict = field(default_factory=dict)
    aliases: set = field(default_factory=set)
    docs: dict = field(default_factory=dict)  # id -> (source, seq_no)
    auto_created: bool = False


def _field_name(spec: str) -> str:
    return spec.split("^")[0]


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _values(source: dict, name: str) -> list:
    value = source.get(name)
    if value is None:
        return []
    if name in TEXT_FIELDS:
        return str(value).split()
    return value if isinstance(value, list) else [value]


def matches(query: dict, source: dict) -> bool:
    ((kind, spec),) = query.items()
    if kind == "match_all":
        return True
    if kind == "bool":
        must = spec.get("must", []) + spec.get("filter", [])
        must = must if isinstance(must, list) else [must]
        if not all(matches(clause, source) for clause in must):
            return False
        if any(matches(clause, source) for clause in spec.get("must_not", [])):
            return False
        should = spec.get("should", [])
        wanted = spec.get("minimum_should_match", 0 if must else 1 if should else 0)
        return sum(matches(clause, source) for clause in should) >= wanted
    if kind == "constant_score":
        return matches(spec["filter"], source)
    if kind == "term":
        ((name, value),) = spec.items()
        value = value["value"] if isinstance(value, dict) else value
        return value in _values(source, name)
    if kind == "terms":
        ((name, values),) = spec.items()
        return bool(set(values) & set(_values(source, name)))
    if kind == "prefix":
        ((name, value),) = spec.items()
        value = value["value"] if isinstance(value, dict) else value
        return any(str(term).startswith(value) for term in _values(source, name))
    if kind == "match_phrase":
        ((name, text),) = spec.items()
        words, terms = text.split(), _values(source, name)
        return any(terms[i : i + len(words)] == words for i in range(len(terms)))
    if kind == "multi_match":
        words = spec["query"].split()
        fuzzy = spec.get("fuzziness") == 1
        prefix = spec.get("prefix_length", 0)
        for name in map(_field_name, spec["fields"]):
            for term in _values(source, name):
                for word in words:
                    if term == word or (fuzzy and term[:prefix] == word[:prefix] and _one_edit(term, word)):
                        return True
        return False
    raise AssertionError(f"the stand-in does not know the query {kind}")


class FakeCluster:
    """The state of the stand-in cluster and the requests it received."""

    def __init__(self):
        self.indices: dict[str, FakeIndex] = {}
        self.templates: dict[str, dict] = {}
        self.requests: list[Recorded] = []
        self.seq_no = 0
        self.lock = threading.RLock()
        # (op, _id) -> (status, error type): items the cluster refuses.
        self.refuse: dict[tuple[str, str], tuple[int, str]] = {}
        # (method, path) -> (status, error type): whole requests that fail.
        self.fail: dict[tuple[str, str], tuple[int, str]] = {}
        # Bulk requests that asked to wait for a refresh of an index that never refreshes.
        self.stalled: list[str] = []

    # --- helpers for tests ------------------------------------------------------------
    def targets(self, method: str | None = None) -> list[str]:
        return [r.target for r in self.requests if method is None or r.method == method]

    def bulks(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/_bulk")]

    def behind(self, alias: str) -> list[str]:
        return sorted(name for name, index in self.indices.items() if alias in index.aliases)

    def documents(self, index: str) -> dict[str, dict]:
        return {key: source for key, (source, _seq) in self.indices[index].docs.items()}

    def index_names(self) -> list[str]:
        return sorted(self.indices)

    # --- answering --------------------------------------------------------------------
    def resolve(self, expression: str) -> list[str]:
        names = []
        for part in expression.split(","):
            for name, index in self.indices.items():
                if fnmatch.fnmatchcase(name, part) or part in index.aliases:
                    names.append(name)
        return sorted(set(names))

    def _next_seq(self) -> int:
        self.seq_no += 1
        return self.seq_no

    def _create_index(self, name: str, body: dict, auto: bool = False) -> FakeIndex:
        settings = dict(body.get("settings", {}))
        mappings = body.get("mappings", {})
        if auto:
            for template in self.templates.values():
                if any(fnmatch.fnmatchcase(name, p) for p in template["index_patterns"]):
                    settings = dict(template["template"].get("settings", {}))
                    mappings = template["template"].get("mappings", {})
        index = FakeIndex(name, settings, mappings, set(body.get("aliases", {})), auto_created=auto)
        self.indices[name] = index
        return index

    def handle(self, method: str, path: str, params: dict, body) -> tuple[int, object]:
        with self.lock:
            self.requests.append(Recorded(method, path, params, body))
            failure = self.fail.get((method, path))
            if failure:
                status, kind = failure
                return status, {"error": {"type": kind, "reason": "refused by the test"}, "status": status}
            return self._route(method, path.strip("/").split("/"), params, body)

    def _route(self, method, parts, params, body):  # noqa: C901  (one branch per API)
        if parts == ["_cluster", "health"]:
            return 200, {"status": "green"}
        if parts[0] == "_index_template":
            if method == "PUT":
                self.templates[parts[1]] = body
                return 200, {"acknowledged": True}
            if parts[1] in self.templates:
                del self.templates[parts[1]]
                return 200, {"acknowledged": True}
            return 404, {"error": {"type": "resource_not_found_exception"}, "status": 404}
        if parts == ["_bulk"]:
            return 200, self._bulk(params, body)
        if parts == ["_aliases"]:
            for action in body["actions"]:
                ((verb, spec),) = action.items()
                if verb == "add":
                    self.indices[spec["index"]].aliases.add(spec["alias"])
                else:
                    self.indices[spec["index"]].aliases.discard(spec["alias"])
            return 200, {"acknowledged": True}
        if parts[0] == "_alias":
            found = any(parts[1] in index.aliases for index in self.indices.values())
            return (200 if found else 404), {}
        name = parts[0]
        if len(parts) == 1:
            if method == "HEAD":
                return (200 if self.resolve(name) else 404), {}
            if method == "PUT":
                if name in self.indices:
                    error = {"type": "resource_already_exists_exception", "reason": f"{name} exists"}
                    return 400, {"error": error, "status": 400}
                self._create_index(name, body or {})
                return 200, {"acknowledged": True, "index": name}
            if method == "DELETE":
                names = [n for n in name.split(",") if n in self.indices]
                if len(names) < len(name.split(",")) and params.get("ignore_unavailable") != "true":
                    return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
                for existing in names:
                    del self.indices[existing]
                return 200, {"acknowledged": True}
        operation = parts[1]
        if operation == "_alias":
            if method == "PUT":
                self.indices[name].aliases.add(parts[2])
                return 200, {"acknowledged": True}
            return 200, {n: {"aliases": {a: {} for a in self.indices[n].aliases}} for n in self.resolve(name)}
        if operation == "_settings":
            for target in self.resolve(name):
                for key, value in body.get("index", body).items():
                    if value is None:
                        self.indices[target].settings.pop(key, None)
                    else:
                        self.indices[target].settings[key] = value
            return 200, {"acknowledged": True}
        if operation == "_refresh":
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        if operation in ("_search", "_count"):
            targets = self.resolve(name)
            if not targets:
                return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
            return 200, self._search(targets, body or {}, count=operation == "_count")
        if operation in ("_create", "_doc"):
            return self._document(method, name, operation, parts[2], params, body)
        raise AssertionError(f"the stand-in does not answer {method} /{'/'.join(parts)}")

    def _document(self, method, name, operation, doc_id, params, body):
        index = self.indices.get(name)
        current = index.docs.get(doc_id) if index else None
        if method == "GET":
            if current is None:
                return 404, {"_index": name, "_id": doc_id, "found": False}
            source, seq = current
            return 200, {
                "_index": name,
                "_id": doc_id,
                "found": True,
                "_source": source,
                "_seq_no": seq,
                "_primary_term": 1,
            }
        conflict = {"error": {"type": "version_conflict_engine_exception"}, "status": 409}
        if "if_seq_no" in params and (current is None or current[1] != int(params["if_seq_no"])):
            return 409, conflict
        if method == "DELETE":
            if current is None:
                return 404, {"result": "not_found"}
            del index.docs[doc_id]
            return 200, {"result": "deleted", "_seq_no": self._next_seq(), "_primary_term": 1}
        if operation == "_create" and current is not None:
            return 409, conflict
        if index is None:
            index = self._create_index(name, {}, auto=True)
        seq = self._next_seq()
        index.docs[doc_id] = (body, seq)
        return (201 if current is None else 200), {
            "_index": name,
            "_id": doc_id,
            "result": "created" if current is None else "updated",
            "_seq_no": seq,
            "_primary_term": 1,
        }

    def _bulk(self, params, lines):
        items, errors = [], False
        waits = params.get("refresh") == "wait_for"
        position = 0
        while position < len(lines):
            ((op, meta),) = lines[position].items()
            position += 1
            source = None
            if op != "delete":
                source = lines[position]
                position += 1
            name, doc_id = meta["_index"], meta["_id"]
            item = {"_index": name, "_id": doc_id}
            refused = self.refuse.get((op, doc_id))
            index = self.indices.get(name)
            if waits and index is not None and index.settings.get("refresh_interval") == "-1":
                self.stalled.append(name)
            if refused:
                item.update(status=refused[0], error={"type": refused[1], "reason": "refused by the test"})
            elif op == "delete":
                if index is None:
                    item.update(status=404, error={"type": "index_not_found_exception"})
                elif doc_id in index.docs:
                    del index.docs[doc_id]
                    item.update(status=200, result="deleted")
                else:
                    item.update(status=404, result="not_found")
            else:
                if index is None:
                    index = self._create_index(name, {}, auto=True)
                if op == "create" and doc_id in index.docs:
                    item.update(status=409, error={"type": "version_conflict_engine_exception"})
                else:
                    created = doc_id not in index.docs
                    index.docs[doc_id] = (source, self._next_seq())
                    item.update(status=201 if created else 200, result="created" if created else "updated")
            errors = errors or item["status"] >= 300
            items.append({op: item})
        return {"took": 1, "errors": errors, "items": items}

    def _search(self, targets, body, count=False):
        query = body.get("query", {"match_all": {}})
        found = [
            (name, doc_id, source)
            for name in targets
            for doc_id, (source, _seq) in self.indices[name].docs.items()
            if matches(query, source)
        ]
        if count:
            return {"count": len(found)}
        aggregations = {}
        for agg_name, agg in body.get("aggs", {}).items():
            ((kind, spec),) = agg.items()
            if kind == "filters":
                aggregations[agg_name] = {
                    "buckets": {
                        bucket: {"doc_count": sum(matches(q, source) for _n, _i, source in found)}
                        for bucket, q in spec["filters"].items()
                    }
                }
            elif kind == "filter":
                aggregations[agg_name] = {"doc_count": sum(matches(spec, source) for _n, _i, source in found)}
            elif kind == "terms":
                counts: dict = {}
                for _n, _i, source in found:
                    for value in _values(source, spec["field"]):
                        counts[value] = counts.get(value, 0) + 1
                ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
                aggregations[agg_name] = {"buckets": [{"key": k, "doc_count": c} for k, c in ordered]}
        sort = body.get("sort")
        hits = []
        for name, doc_id, source in found:
            hit = {"_index": name, "_id": doc_id, "_score": 1.0}
            if body.get("_source") is not False:
                hit["_source"] = source
            if sort:
                hit["sort"] = [source["key"]]
            hits.append(hit)
        if sort:
            hits.sort(key=lambda hit: hit["sort"])
            if body.get("search_after"):
                hits = [hit for hit in hits if hit["sort"] > body["search_after"]]
        start = body.get("from", 0)
        hits = hits[start : start + body.get("size", 10)]
        return {
            "took": 1,
            "timed_out": False,
            "hits": {"total": {"value": len(found), "relation": "eq"}, "max_score": 1.0, "hits": hits},
            "aggregations": aggregations,
        }


class _Handler(BaseHTTPRequestHandler):
    cluster: FakeCluster

    def log_message(self, *args):  # quiet
        pass

    def _answer(self):
        url = urlsplit(self.path)
        params = {key: values[-1] for key, values in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        body: object = None
        if raw:
            if url.path.endswith("/_bulk"):
                body = [json.loads(line) for line in raw.splitlines() if line.strip()]
            else:
                body = json.loads(raw)
        status, answer = self.cluster.handle(self.command, unquote(url.path), params, body)
        data = b"" if self.command == "HEAD" else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _answer


class RecordingServer:
    """`with RecordingServer() as server:` a stand-in cluster at `server.url`."""

    def __init__(self):
        self.cluster = FakeCluster()
        handler = type("Handler", (_Handler,), {"cluster": self.cluster})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> RecordingServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
