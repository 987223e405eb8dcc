"""Speed benchmark: the site's pages against a bare Django page, side by side in one run.

    .venv/bin/python bench/speed_benchmark.py                # the load benchmark's full seed
    .venv/bin/python bench/speed_benchmark.py --size small   # its smoke seed: a quick run

Starts two servers with the same gunicorn settings (2 sync workers): the bare reference page
(bench/reference, a minimal Django project: a 48-line template, exactly 3 queries) and the
site with production settings and SQLite, seeded by bench/load_data.py (the work directory and
seed are the load benchmark's, so one seeded database serves both). Then, for each of
`--repeat` rounds, every endpoint (the reference among them) is loaded in turn by `wrk` for
`--seconds` with `--connections` open connections; the table gives medians over the rounds:
requests per second, p95, the ratio to the reference page of the same round, and the SQL
queries of one request (counted in a separate process with Django's test client against the
same database: the first request and the next one, which the page cache may serve). After the
run, each gunicorn worker's peak resident memory (VmHWM) and the load average.

`wrk` comes from Debian's package; the script installs it with apt-get when it is missing and
it runs as root. Only 127.0.0.1 is contacted.
"""

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import requests

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from load_benchmark import (  # noqa: E402
    FULL,
    GUNICORN,
    PYTHON,
    ROOT,
    SMOKE,
    child_pids,
    data,
    free_port,
    load_average,
    manage,
    run_step,
    server_environment,
)

REFERENCE_DIR = BENCH / "reference"
REFERENCE_SETTINGS = "reference_site.settings"


# --- Endpoints ------------------------------------------------------------------------------


def endpoints(run: dict, pages: dict) -> list[dict]:
    """(name, server, paths, signed in?) for every measured endpoint.

    Paths rotate request by request: a page endpoint visits a sample of pages, not one.
    """
    member = run["users"][0]
    topics = run["topics"].get(member["network"], []) + run["topics"].get("", [])
    events = [event["id"] for event in run["events"]]
    queries = [query.replace(" ", "+") for query in run["queries"]]
    guidance = run["pages"][:50]
    rows = [
        ("bare reference page", "reference", ["/"], False),
        ("home, anonymous", "site", ["/"], False),
        ("home, member", "site", ["/"], True),
        ("guidance page, anonymous", "site", guidance, False),
        ("guidance page, member", "site", guidance, True),
        ("guidance listing", "site", [f"/ohjeet/?sivu={n}" for n in range(1, 6)], False),
        ("interpretations", "site", pages.get("interpretations", []), False),
        ("practices", "site", pages.get("practices", []), False),
        ("network pages", "site", pages.get("networks", []), False),
        ("forum topic, member", "site", [f"/forums/topic/{pk}/" for pk in topics[:50]], True),
        ("event page", "site", [f"/calendar/events/{pk}/" for pk in events[:50]], True),
        ("calendar month", "site", ["/calendar/"], False),
        ("calendar agenda", "site", ["/calendar/agenda/"], False),
        ("calendar month, member", "site", ["/calendar/"], True),
        ("calendar agenda, member", "site", ["/calendar/agenda/"], True),
        ("annual wheel, member", "site", ["/calendar/wheel/"], True),
        ("voting round, member", "site", [f"/participate/rounds/{pk}/" for pk in run["rounds"]], True),
        ("search, anonymous", "site", [f"/search/?q={q}" for q in queries], False),
        ("search, member", "site", [f"/search/?q={q}" for q in queries], True),
    ]
    return [
        {"name": name, "server": server, "paths": paths, "session": member["session"] if signed_in else ""}
        for name, server, paths, signed_in in rows
        if paths
    ]


PAGES_SCRIPT = """
import json, sys
from knowledge.models import (LawInterpretationIndexPage, LawInterpretationPage, NetworkIndexPage,
    NetworkPage, PracticeIndexPage, PracticePage)
def urls(*models):
    found = []
    for model in models:
        found += [page.get_url() for page in model.objects.live().public().specific()[:20]]
    return [url for url in found if url]
json.dump({
    "interpretations": urls(LawInterpretationIndexPage, LawInterpretationPage),
    "practices": urls(PracticeIndexPage, PracticePage),
    "networks": urls(NetworkIndexPage, NetworkPage),
}, open(sys.argv[1], "w"))
"""


# --- Query counts (a separate process, Django's test client) -------------------------------


def count_queries(spec_file: str, out_file: str) -> None:
    """Queries of the first request to each endpoint's first path and of the next one."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    spec = json.loads(Path(spec_file).read_text())
    counts = {}
    for endpoint in spec:
        client = Client(HTTP_HOST="127.0.0.1")
        if endpoint["session"]:
            client.cookies[settings.SESSION_COOKIE_NAME] = endpoint["session"]
        path = endpoint["paths"][-1]
        found = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            found.append(len(queries))
        counts[endpoint["name"]] = {"first": found[0], "again": found[1], "status": response.status_code}
    Path(out_file).write_text(json.dumps(counts))


# --- Servers --------------------------------------------------------------------------------


class Gunicorn:
    """One gunicorn with `workers` sync workers, stopped by its own process id."""

    def __init__(self, app: str, env: dict, cwd: Path, port: int, workers: int, log: Path):
        self.app, self.env, self.cwd, self.port, self.workers, self.log = app, env, cwd, port, workers, log
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        out = self.log.open("a")
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(GUNICORN),
                self.app,
                "-w",
                str(self.workers),
                "-b",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "60",
                "--no-control-socket",
            ],
            env=self.env,
            cwd=self.cwd,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{self.port}/", timeout=5)
                return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        self.__exit__()
        sys.exit(f"{self.app} did not start; see {self.log}")

    def peak_rss_mb(self) -> list[float]:
        """Each worker's peak resident memory so far (VmHWM), in MB."""
        peaks = []
        for pid in child_pids(self.process.pid):
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return peaks

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- Load ---------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local cookie = "%(cookie)s"
local counter = 0
request = function()
  counter = counter + 1
  local headers = {}
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", paths[(counter %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, \\"p95_us\\": %%d, " ..
    "\\"errors\\": %%d, \\"non2xx\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (apt-get install wrk) ...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, capture_output=True)  # noqa: S607
        found = shutil.which("wrk")
        if found:
            return found
    sys.exit("wrk is needed: apt-get install wrk")


def load(wrk: str, base: str, endpoint: dict, seconds: int, connections: int, threads: int) -> dict:
    paths = ", ".join(json.dumps(quote(path, safe="/?=&+")) for path in endpoint["paths"])
    cookie = f"sessionid={endpoint['session']}" if endpoint["session"] else ""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"paths": paths, "cookie": cookie})
    try:
        result = subprocess.run(  # noqa: S603
            [
                wrk,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "30s",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(script.name)
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            numbers = json.loads(line[len("RESULT ") :])
            return {
                "rps": numbers["requests"] / (numbers["duration_us"] / 1e6),
                "p50_ms": numbers["p50_us"] / 1000,
                "p95_ms": numbers["p95_us"] / 1000,
                "errors": numbers["errors"] + numbers["non2xx"],
            }
    sys.exit(f"wrk gave no result for {endpoint['name']}:\n{result.stdout}\n{result.stderr}")


def drain(base: str) -> None:
    """Wait until the requests wrk left queued are answered: the next endpoint starts clean."""
    with contextlib.suppress(requests.RequestException):
        requests.get(base + "/", timeout=300)


# --- The run ------------------------------------------------------------------------------


def reference_environment(work: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": REFERENCE_SETTINGS,
            "REFERENCE_DB": str(work / "reference.sqlite3"),
            "PYTHONPATH": str(REFERENCE_DIR),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "count-queries":
        count_queries(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("full", "small"), default="full", help="the load benchmark's seed")
    parser.add_argument("--seconds", type=int, default=8, help="per endpoint and round")
    parser.add_argument("--repeat", type=int, default=3, help="rounds over all endpoints")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each server")
    parser.add_argument("--only", help="comma-separated words: measure only endpoints whose name has one")
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--json", type=Path, help="write the numbers here too")
    args = parser.parse_args()

    sizes = FULL if args.size == "full" else SMOKE
    work = (
        args.work_dir or ROOT / "var" / ("bench-load" if args.size == "full" else "bench-load-smoke")
    ).resolve()
    work.mkdir(parents=True, exist_ok=True)
    log = work / "speed-steps.log"
    env = server_environment(work)
    ref_env = reference_environment(work)
    wrk = ensure_wrk()
    print(f"Work directory {work}; wrk {wrk}; load average {load_average()}", flush=True)

    run_step("Migrating", manage("migrate", "--noinput", "-v0"), env, log)
    run_step("Cache table", manage("createcachetable"), env, log)
    if not (work / "static" / "staticfiles.json").exists():
        run_step("Collecting static files", manage("collectstatic", "--noinput", "-v0"), env, log)
    run_step(
        "Seeding",
        data("seed", *[f"--{name}={sizes[name]}" for name in ("pages", "posts", "users", "events")]),
        env,
        log,
    )
    run_file = work / "speed-run.json"
    run_step("Preparing sessions and rounds", data("prepare", "--rounds=3", f"--out={run_file}"), env, log)
    pages_file = work / "speed-pages.json"
    run_step(
        "Finding pages",
        manage("shell", "-c", PAGES_SCRIPT.replace("sys.argv[1]", repr(str(pages_file)))),
        env,
        log,
    )
    django_admin = [str(PYTHON), "-m", "django"]
    run_step("Reference page database", [*django_admin, "migrate", "-v0"], ref_env, log)

    run = json.loads(run_file.read_text())
    chosen = endpoints(run, json.loads(pages_file.read_text()))
    if args.only:
        words = args.only.split(",")
        chosen = [e for e in chosen if e["server"] == "reference" or any(w in e["name"] for w in words)]
    spec_file = work / "speed-endpoints.json"
    spec_file.write_text(json.dumps(chosen))
    counts_file, ref_counts_file = work / "speed-queries.json", work / "speed-queries-reference.json"
    site_spec = work / "speed-endpoints-site.json"
    site_spec.write_text(json.dumps([e for e in chosen if e["server"] == "site"]))
    ref_spec = work / "speed-endpoints-reference.json"
    ref_spec.write_text(json.dumps([e for e in chosen if e["server"] == "reference"]))
    here = str(Path(__file__).resolve())
    run_step(
        "Counting queries (site)",
        [str(PYTHON), here, "count-queries", str(site_spec), str(counts_file)],
        env,
        log,
    )
    run_step(
        "Counting queries (reference)",
        [str(PYTHON), here, "count-queries", str(ref_spec), str(ref_counts_file)],
        ref_env,
        log,
    )
    counts = {**json.loads(counts_file.read_text()), **json.loads(ref_counts_file.read_text())}
    # The query counts above filled the page cache; empty it so the load starts cold.
    run_step(
        "Emptying the cache",
        manage("shell", "-c", "from django.core.cache import cache; cache.clear()"),
        env,
        log,
    )

    site_port, ref_port = free_port(), free_port()
    bases = {"site": f"http://127.0.0.1:{site_port}", "reference": f"http://127.0.0.1:{ref_port}"}
    results: dict[str, list[dict]] = {e["name"]: [] for e in chosen}
    load_before = load_average()
    loads = []
    with (
        Gunicorn(
            "typ_site.wsgi:application", env, ROOT, site_port, args.workers, work / "speed-server.log"
        ) as site,
        Gunicorn(
            "reference_site.wsgi:application", ref_env, REFERENCE_DIR, ref_port, args.workers, log
        ) as ref,
    ):
        print(f"Serving the site on {bases['site']}, the reference on {bases['reference']}", flush=True)
        for round_number in range(1, args.repeat + 1):
            print(f"Round {round_number}/{args.repeat}, load average {load_average()}", flush=True)
            for endpoint in chosen:
                numbers = load(
                    wrk, bases[endpoint["server"]], endpoint, args.seconds, args.connections, args.threads
                )
                results[endpoint["name"]].append(numbers)
                drain(bases[endpoint["server"]])
                print(
                    f"  {endpoint['name']:<28} {numbers['rps']:8.1f} req/s  p95 {numbers['p95_ms']:7.1f} ms"
                    + (f"  {numbers['errors']} errors" if numbers["errors"] else ""),
                    flush=True,
                )
                loads.append(os.getloadavg()[0])
        memory = {"site": site.peak_rss_mb(), "reference": ref.peak_rss_mb()}
    load_after = load_average()

    reference = results["bare reference page"]
    print(
        f"\n{args.connections} connections, {args.seconds} s per endpoint, {args.repeat} rounds (medians); "
        f"seed {args.size}: {sizes['pages']} pages, {sizes['posts']} posts, {sizes['users']} users, "
        f"{sizes['events']} events"
    )
    header = "| page | SQL queries (first / again) | requests/s | p95 ms | share of the bare page | errors |"
    print(header)
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    table = []
    for endpoint in chosen:
        rounds = results[endpoint["name"]]
        ratio = statistics.median(r["rps"] / ref["rps"] for r, ref in zip(rounds, reference, strict=True))
        row = {
            "page": endpoint["name"],
            "queries": counts.get(endpoint["name"], {}),
            "rps": statistics.median(r["rps"] for r in rounds),
            "p95_ms": statistics.median(r["p95_ms"] for r in rounds),
            "ratio": ratio,
            "errors": sum(r["errors"] for r in rounds),
        }
        table.append(row)
        q = row["queries"]
        print(
            f"| {row['page']} | {q.get('first', '?')} / {q.get('again', '?')} | {row['rps']:.0f} | "
            f"{row['p95_ms']:.0f} | {ratio:.2f} | {row['errors']} |"
        )
    print(
        "peak RSS per worker: site "
        + ", ".join(f"{mb:.0f} MB" for mb in memory["site"])
        + "; reference "
        + ", ".join(f"{mb:.0f} MB" for mb in memory["reference"])
    )
    print(
        f"load average before {load_before}, after {load_after}; "
        f"1-minute load during the rounds {min(loads):.2f}-{max(loads):.2f}"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"table": table, "memory": memory, "load_before": load_before, "load_after": load_after}
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
