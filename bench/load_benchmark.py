"""Load benchmark: the production server under a realistic mix, then a check that no write was lost.

    .venv/bin/python bench/load_benchmark.py                 # 10,000 pages, 100,000 posts,
                                                             # 2,000 users, 2,000 events;
                                                             # 32 clients for 60 s
    .venv/bin/python bench/load_benchmark.py --smoke         # small seed, 8 clients, 25 s

Everything happens in a work directory of its own (default var/bench-load, or
var/bench-load-smoke; --work-dir to choose), with its own SQLite database: never the site's.
The steps: migrate, collect static files, seed (incremental: a seeded database is reused),
start gunicorn with two workers and a task worker on 127.0.0.1, sign each client in through
the real sign-in form, drive the mix for a fixed time, stop the servers, and verify in the
database that every accepted post, ballot and registration is there exactly once.

Prints, per endpoint, the count, throughput, p50/p95/p99 latency and errors, and exits
non-zero when a request failed, a write was lost or duplicated, or (with --max-page-p95) page
views were too slow. See bench/README.md for the numbers and how to read them.
"""

import argparse
import contextlib
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
DATA_SCRIPT = Path(__file__).resolve().parent / "load_data.py"

FULL = {"pages": 10_000, "posts": 100_000, "users": 2_000, "events": 2_000, "clients": 32, "seconds": 60}
SMOKE = {"pages": 200, "posts": 2_000, "users": 100, "events": 100, "clients": 8, "seconds": 25}

# The mix: (action, weight). Reads dominate, as on the real site.
MIX = [
    ("page", 30),  # a guidance page
    ("home", 5),  # the front page
    ("listing", 5),  # the guidance listing, a random page of it
    ("topic", 15),  # a forum topic
    ("search", 15),  # the search page with a query
    ("calendar", 5),  # an event page
    ("reply", 12),  # reply to a topic (after reading it)
    ("register", 7),  # register for an event
    ("vote", 6),  # cast a ballot in an open priority round
]
DOUBLE_SUBMIT_SHARE = 0.05  # replies sent twice with the same form token, like a double click
TIMEOUT = 60
SIGN_IN_FORMS = 20


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- The server side --------------------------------------------------------------------------


def server_environment(work: Path) -> dict:
    """Production settings (DEBUG off, manifest static files) in the work directory.

    Tasks go to the database queue and a `db_worker` runs them, as in production: e-mails and
    search index updates then cost the worker, not the request, and the worker competes for the
    same two cores. The posting rate limit is raised: 32 clients share a few users each.
    """
    secret_file = work / "secret_key"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(50))
    env = dict(os.environ)
    for name in ("DATABASE_URL", "ELASTICSEARCH_URL", "CACHE_URL", "STATIC_ROOT", "MEDIA_ROOT"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "typ_site.settings",
            "DEBUG": "0",
            "SECRET_KEY": secret_file.read_text(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "VAR_DIR": str(work),
            "TASK_BACKEND": "database",
            "EMAIL_URL": "dummy://",
            "FORUM_POSTS_PER_MINUTE": "100000",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def run_step(title: str, command: list, env: dict, log: Path) -> float:
    print(f"{title} ...", flush=True)
    started = time.perf_counter()
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(map(str, command))}\n")
        out.flush()
        result = subprocess.run(  # noqa: S603
            command,
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=out,
            text=True,
        )
        out.write(result.stdout)
    lines = [
        line
        for line in result.stdout.splitlines()
        if line.startswith(("  ", "Seeded", "Prepared", "Verified"))
    ]
    for line in lines:
        print(f"  {line.strip()}")
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{title} failed (exit {result.returncode}); see {log}")
    print(f"  done in {elapsed:.1f} s", flush=True)
    return elapsed


def manage(*args) -> list:
    return [str(PYTHON), "manage.py", *args]


def data(*args) -> list:
    return [str(PYTHON), str(DATA_SCRIPT), *args]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a live process has used so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_pids(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Servers:
    """gunicorn (two sync workers) and one task worker, stopped by their own process ids."""

    def __init__(self, env: dict, work: Path, port: int, workers: int):
        self.env, self.work, self.port, self.workers = env, work, port, workers
        self.processes: list[subprocess.Popen] = []

    def __enter__(self):
        log = (self.work / "server.log").open("a")
        self.processes.append(
            subprocess.Popen(  # noqa: S603
                [
                    str(GUNICORN),
                    "typ_site.wsgi:application",
                    "-w",
                    str(self.workers),
                    "-b",
                    f"127.0.0.1:{self.port}",
                    "--timeout",
                    "60",
                ],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        )
        self.processes.append(
            subprocess.Popen(  # noqa: S603
                manage("db_worker"),
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/healthz", timeout=5).ok:
                    return self
            except requests.RequestException:
                pass
            if self.processes[0].poll() is not None:
                break
            time.sleep(0.5)
        self.__exit__()
        sys.exit(f"The server did not start; see {self.work / 'server.log'}")

    def cpu(self) -> dict:
        """CPU seconds used so far by the web workers and by the task worker."""
        gunicorn, task_worker = self.processes
        return {
            "web": cpu_seconds(gunicorn.pid) + sum(map(cpu_seconds, child_pids(gunicorn.pid))),
            "tasks": cpu_seconds(task_worker.pid) + sum(map(cpu_seconds, child_pids(task_worker.pid))),
        }

    def __exit__(self, *exc):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# --- The client side --------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict = field(default_factory=dict)  # endpoint -> [seconds]
    timeline: list = field(default_factory=list)  # (started, endpoint, seconds), in order
    errors: dict = field(default_factory=dict)  # endpoint -> count
    error_samples: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)  # endpoint -> writes the site said no to
    posts: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    ballots: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def timing(self, endpoint: str, seconds: float) -> None:
        with self.lock:
            self.latencies.setdefault(endpoint, []).append(seconds)
            self.timeline.append((time.monotonic() - seconds, endpoint, seconds))

    def error(self, endpoint: str, detail: str) -> None:
        with self.lock:
            self.errors[endpoint] = self.errors.get(endpoint, 0) + 1
            if len(self.error_samples) < 20:
                self.error_samples.append(f"{endpoint}: {detail}")

    def refusal(self, endpoint: str, detail: str) -> None:
        with self.lock:
            self.refused[endpoint] = self.refused.get(endpoint, 0) + 1
            if len(self.error_samples) < 20:
                self.error_samples.append(f"{endpoint} refused: {detail}")

    def accepted(self, kind: str, record: dict) -> None:
        with self.lock:
            getattr(self, kind).append(record)


class RequestFailed(Exception):
    pass


class Client(threading.Thread):
    """One person at a browser, switching between the users of its own share.

    Each client owns a disjoint share of the seeded users, so whatever it writes is known to
    be its own. The first user of the share signs in through the real sign-in form; the others
    use sessions prepared in the database (the same rows django.contrib.auth.login stores).
    Closed loop: the next request leaves when the previous answer has arrived, after a think
    time (exponentially distributed with mean `think` seconds, capped at four times the mean;
    0 sends the next request at once). The first request waits a think time too.
    """

    def __init__(self, number, base, run, users, results, seed, think=0.0):
        super().__init__(daemon=True, name=f"client-{number}")
        self.base, self.run_data, self.users = base, run, users
        self.results, self.deadline = results, 0.0
        self.rng = random.Random(seed)
        self.think = think
        self.http = requests.Session()
        self.http.trust_env = False
        # Cookies are sent per request from the user's session: the server marks its cookies
        # Secure (production settings), which a client on plain http would otherwise drop.
        self.http.cookies.set_policy(_NoCookies())
        self.csrf = secrets.token_hex(16)  # a CSRF cookie value; the same secret goes in forms
        self.voted = set()
        self.registered = {(e, u) for e, u in run["registered"]}
        self.actions, self.weights = zip(*MIX, strict=True)

    # A request, timed and checked. `expect` is the status codes that count as success.
    def request(
        self, endpoint, method, path, user, expect=(200,), data=None, params=None, extra_cookies=None
    ):
        cookies = {"sessionid": user["session"], "csrftoken": self.csrf, **(extra_cookies or {})}
        started = time.perf_counter()
        try:
            response = self.http.request(
                method,
                self.base + path,
                params=params,
                data=data,
                cookies=cookies,
                allow_redirects=False,
                timeout=TIMEOUT,
                headers={"Referer": self.base + path},
            )
        except requests.RequestException as error:
            self.results.timing(endpoint, time.perf_counter() - started)
            self.results.error(endpoint, f"{method} {path}: {type(error).__name__}: {error}")
            raise RequestFailed from error
        self.results.timing(endpoint, time.perf_counter() - started)
        if response.status_code not in expect:
            self.results.error(
                endpoint,
                f"{method} {path}: HTTP {response.status_code} {response.headers.get('Location', '')}",
            )
            raise RequestFailed
        return response

    def sign_in(self, user):
        """The allauth sign-in form, as a browser fills it in."""
        path = "/accounts/login/"
        self.request("sign-in form", "GET", path, {"session": ""})
        response = self.request(
            "sign-in",
            "POST",
            path,
            {"session": ""},
            expect=(302,),
            data={
                "login": user["email"],
                "password": self.run_data["password"],
                "csrfmiddlewaretoken": self.csrf,
            },
        )
        session = response.cookies.get("sessionid")
        if not session:
            self.results.error("sign-in", "no session cookie after signing in")
            raise RequestFailed
        user["session"] = session

    def run(self):
        # With think time, each client also starts after a pause of its own: people arrive at
        # different moments. Started all at once, the first second would measure 32 requests
        # queueing together, something the steady mix never does again.
        self.pause()
        while time.monotonic() < self.deadline:
            action = self.rng.choices(self.actions, self.weights)[0]
            with contextlib.suppress(RequestFailed):
                getattr(self, f"do_{action}")(self.rng.choice(self.users))
            self.pause()

    def pause(self):
        if self.think:
            pause = min(self.rng.expovariate(1 / self.think), 4 * self.think)
            time.sleep(max(0.0, min(pause, self.deadline - time.monotonic())))

    # --- reads
    def do_page(self, user):
        self.request("page", "GET", self.rng.choice(self.run_data["pages"]), user)

    def do_home(self, user):
        self.request("home", "GET", "/", user)

    def do_listing(self, user):
        pages = max(1, len(self.run_data["pages"]) // 20)
        self.request("listing", "GET", "/ohjeet/", user, params={"sivu": self.rng.randint(1, min(pages, 50))})

    def visible_topic(self, user) -> int:
        """A topic of the national forum or of the user's own network's forum."""
        topics = self.run_data["topics"]
        forums = [key for key in ("", user["network"]) if topics.get(key)]
        return self.rng.choice(topics[self.rng.choice(forums)])

    def do_topic(self, user):
        self.request("topic", "GET", f"/forums/topic/{self.visible_topic(user)}/", user)

    def do_search(self, user):
        self.request(
            "search", "GET", "/search/", user, params={"q": self.rng.choice(self.run_data["queries"])}
        )

    def do_calendar(self, user):
        event = self.rng.choice(self.run_data["events"])
        self.request("event", "GET", f"/calendar/events/{event['id']}/", user)

    # --- writes
    def do_reply(self, user):
        topic = self.visible_topic(user)
        self.request("topic", "GET", f"/forums/topic/{topic}/", user)
        token = str(uuid.uuid4())
        form = {
            "body": f"Kuormitustestin vastaus {token[:8]}: kiitos, tämä auttoi.",
            "token": token,
            "reply_to": "",
            "csrfmiddlewaretoken": self.csrf,
        }
        times = 2 if self.rng.random() < DOUBLE_SUBMIT_SHARE else 1
        post_ids = set()
        for _ in range(times):
            response = self.request(
                "reply", "POST", f"/forums/topic/{topic}/reply/", user, expect=(200, 302), data=form
            )
            if response.status_code == 200:
                self.results.refusal("reply", _first_error(response.text))
                return
            match = re.fullmatch(r"(?:/[a-z]{2})?/forums/post/(\d+)/", response.headers["Location"])
            if match is None:
                self.results.error("reply", f"redirected to {response.headers['Location']}")
                return
            post_ids.add(int(match.group(1)))
        if len(post_ids) != 1:
            self.results.error("reply", f"one token, several posts: {sorted(post_ids)}")
            return
        self.results.accepted(
            "posts", {"token": token, "id": post_ids.pop(), "user": user["id"], "topic": topic}
        )

    def do_register(self, user):
        free = [
            event
            for event in self.rng.sample(self.run_data["events"], min(10, len(self.run_data["events"])))
            if (event["id"], user["id"]) not in self.registered
        ]
        if not free:
            return
        event = free[0]
        self.registered.add((event["id"], user["id"]))
        path = f"/calendar/events/{event['id']}/"
        response = self.request(
            "register",
            "POST",
            f"{path}register/",
            user,
            expect=(302,),
            data={"occurrence": event["occurrence"], "csrfmiddlewaretoken": self.csrf},
        )
        # The outcome is told on the event page as a message, as a person would see it.
        messages = response.cookies.get("messages")
        page = self.request(
            "event", "GET", path, user, extra_cookies={"messages": messages} if messages else None
        )
        if re.search(r'class="message message-(success|warning)"', page.text):
            self.results.accepted(
                "registrations", {"event": event["id"], "occurrence": event["occurrence"], "user": user["id"]}
            )
        else:
            self.results.refusal("register", _first_error(page.text))

    def do_vote(self, user):
        rounds = [r for r in self.run_data["rounds"] if (r, user["id"]) not in self.voted]
        if not rounds:
            return
        poll = self.rng.choice(rounds)
        self.voted.add((poll, user["id"]))
        path = f"/participate/rounds/{poll}/"
        page = self.request("round", "GET", path, user)
        options = [int(pk) for pk in re.findall(r'name="pick_(\d+)"', page.text)]
        if not options:
            self.results.error("vote", f"no ballot form on {path}")
            return
        picks = self.rng.sample(options, min(3, len(options)))
        form = {f"pick_{pk}": "on" for pk in picks}
        form.update({"ballot": "", "csrfmiddlewaretoken": self.csrf})
        response = self.request("vote", "POST", path, user, expect=(200, 302), data=form)
        if response.status_code == 200:
            self.results.refusal("vote", _first_error(response.text))
            return
        self.results.accepted("ballots", {"round": poll, "user": user["id"], "picks": picks})


class _NoCookies(requests.cookies.cookielib.DefaultCookiePolicy):
    def set_ok(self, cookie, request):
        return False


def _first_error(html: str) -> str:
    match = re.search(r'class="(?:message message-error|errorlist[^"]*)"[^>]*>(.*?)</', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())[:200] if match else "?"


def sign_in_all(clients: list[Client]) -> None:
    """Before the clock starts: sign in through the form, all at once, as at nine o'clock.

    At most SIGN_IN_FORMS clients use the form: allauth allows 30 sign-ins a minute from one
    address, and every client here comes from 127.0.0.1. The others keep prepared sessions.
    """

    def sign_in(client):
        with contextlib.suppress(RequestFailed):
            client.sign_in(client.users[0])

    threads = [threading.Thread(target=sign_in, args=(client,)) for client in clients[:SIGN_IN_FORMS]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def drive(base, run, clients, seconds, think=0.0, servers=None):
    """Sign the clients in, then run them; returns both results, the time and the CPU used."""
    users = run["users"]
    shares = [users[n::clients] for n in range(clients)]
    if any(not share for share in shares):
        sys.exit("More clients than users: seed more users or run fewer clients.")
    signing_in = Results()
    # Seeded per run: with the same seeds every run would pick the same people and events,
    # and the events a person registered for in earlier runs (kept in the database) would
    # crowd out the free ones, run after run.
    threads = [
        Client(n, base, run, shares[n], signing_in, seed=f"{run['started']}/{n}", think=think)
        for n in range(clients)
    ]
    sign_in_all(threads)
    results = Results()
    cpu_before = {**servers.cpu(), "clients": time.process_time()} if servers else {}
    started = time.monotonic()
    for thread in threads:
        thread.results, thread.deadline = results, started + seconds
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + TIMEOUT * 3)
    elapsed = time.monotonic() - started
    cpu_after = {**servers.cpu(), "clients": time.process_time()} if servers else {}
    cpu = {name: cpu_after[name] - cpu_before[name] for name in cpu_before}
    return signing_in, results, elapsed, cpu


# --- Report -----------------------------------------------------------------------------------

READS = ("page", "home", "listing", "topic", "search", "event", "round")


def report(results: Results, elapsed: float, brief: bool = False) -> dict:
    rows = {}
    print(
        f"\n{'endpoint':<14}{'count':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'refused':>9}"
    )
    total = 0
    for endpoint in sorted(results.latencies, key=lambda name: -len(results.latencies[name])):
        values = results.latencies[endpoint]
        total += len(values)
        row = {
            "count": len(values),
            "per_second": len(values) / elapsed,
            "p50": percentile(values, 0.50) * 1000,
            "p95": percentile(values, 0.95) * 1000,
            "p99": percentile(values, 0.99) * 1000,
            "errors": results.errors.get(endpoint, 0),
            "refused": results.refused.get(endpoint, 0),
        }
        rows[endpoint] = row
        print(
            f"{endpoint:<14}{row['count']:>8}{row['per_second']:>9.1f}{row['p50']:>9.0f}"
            f"{row['p95']:>9.0f}{row['p99']:>9.0f}{row['errors']:>8}{row['refused']:>9}"
        )
    reads = [value for name in READS for value in results.latencies.get(name, [])]
    pages = [
        value
        for name in ("page", "home", "listing", "topic", "event")
        for value in results.latencies.get(name, [])
    ]
    summary = {
        "requests": total,
        "seconds": elapsed,
        "throughput": total / elapsed,
        "errors": sum(results.errors.values()),
        "refused": sum(results.refused.values()),
        "page_view_p95": percentile(pages, 0.95) * 1000 if pages else None,
        "read_p95": percentile(reads, 0.95) * 1000 if reads else None,
        "endpoints": rows,
    }
    if brief:
        for sample in results.error_samples:
            print(f"  {sample}")
        return summary
    print(
        f"\n{total} requests in {elapsed:.1f} s: {summary['throughput']:.1f} requests/s; "
        f"errors {summary['errors']}, refused writes {summary['refused']}"
    )
    if pages:
        print(f"page views (page, home, listing, topic, event) p95 {summary['page_view_p95']:.0f} ms")
    print(
        f"accepted writes: {len(results.posts)} posts, {len(results.registrations)} "
        f"registrations, {len(results.ballots)} ballots"
    )
    for sample in results.error_samples:
        print(f"  {sample}")
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="small seed, 8 clients, 25 s: the CI check")
    for name in ("pages", "posts", "users", "events", "clients", "seconds"):
        parser.add_argument(f"--{name}", type=int)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--rounds", type=int, default=10, help="voting rounds opened per run")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean think time in seconds between a client's requests "
        "(exponential; default 0: the next request at once)",
    )
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument(
        "--max-page-p95", type=float, help="fail when page views' p95 in milliseconds is above this"
    )
    args = parser.parse_args()
    sizes = dict(SMOKE if args.smoke else FULL)
    for name in sizes:
        if getattr(args, name) is not None:
            sizes[name] = getattr(args, name)
    work = args.work_dir or ROOT / "var" / ("bench-load-smoke" if args.smoke else "bench-load")
    work = work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    log = work / "steps.log"
    env = server_environment(work)
    print(f"Work directory {work}; load average {load_average()}", flush=True)
    print(
        f"Seed: {sizes['pages']} pages, {sizes['posts']} posts, {sizes['users']} users, "
        f"{sizes['events']} events",
        flush=True,
    )

    seeding = run_step("Migrating", manage("migrate", "--noinput", "-v0"), env, log)
    seeding += run_step("Cache table", manage("createcachetable"), env, log)
    if not (work / "static" / "staticfiles.json").exists():
        run_step("Collecting static files", manage("collectstatic", "--noinput", "-v0"), env, log)
    seeding += run_step(
        "Seeding",
        data("seed", *[f"--{name}={sizes[name]}" for name in ("pages", "posts", "users", "events")]),
        env,
        log,
    )
    run_file, accepted_file, verified_file = (
        work / "run.json",
        work / "accepted.json",
        work / "verified.json",
    )
    run_step("Preparing the run", data("prepare", f"--rounds={args.rounds}", f"--out={run_file}"), env, log)
    run = json.loads(run_file.read_text())

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    print(f"Serving on {base} (gunicorn, {args.workers} workers, and a task worker)", flush=True)
    load_before = load_average()
    with Servers(env, work, port, args.workers) as servers:
        print(
            f"Driving {sizes['clients']} clients for {sizes['seconds']} s, think time {args.think:g} s ...",
            flush=True,
        )
        signing_in, results, elapsed, cpu = drive(
            base, run, sizes["clients"], sizes["seconds"], args.think, servers
        )
        load_after = load_average()
    print("\nSigning in through the form before the timed run:", end="")
    sign_in_summary = report(signing_in, elapsed, brief=True)
    print(f"\nThe timed run, {sizes['clients']} clients:", end="")
    summary = report(results, elapsed)
    print(f"load average before {load_before}, after {load_after}")
    print(
        "CPU used during the timed run (share of the machine's "
        f"{os.cpu_count()} cores): "
        + ", ".join(
            f"{name} {used:.1f} s ({used / elapsed / os.cpu_count():.0%})" for name, used in cpu.items()
        )
    )
    if results.latencies:
        total = sum(map(len, results.latencies.values()))
        print(f"web workers' CPU per request: {cpu['web'] / total * 1000:.0f} ms")

    first = min((started for started, _, _ in results.timeline), default=0)
    (work / "timeline.json").write_text(
        json.dumps(
            [
                [round(started - first, 4), endpoint, round(seconds, 4)]
                for started, endpoint, seconds in sorted(results.timeline)
            ]
        )
    )
    accepted_file.write_text(
        json.dumps(
            {"posts": results.posts, "registrations": results.registrations, "ballots": results.ballots}
        )
    )
    run_step(
        "Verifying the writes",
        data("verify", f"--run={run_file}", f"--accepted={accepted_file}", f"--out={verified_file}"),
        env,
        log,
    )
    verified = json.loads(verified_file.read_text())
    for problem in verified["problems"][:20]:
        print(f"  {problem}")
    unacknowledged = verified["unacknowledged"]
    print(f"Written but not acknowledged to the client (after an error): {unacknowledged}")
    summary.update(
        {
            "sign_in": sign_in_summary,
            "load_before": load_before,
            "load_after": load_after,
            "sizes": sizes,
            "think": args.think,
            "cpu": cpu,
            "seeding_seconds": seeding,
            "verified": verified,
        }
    )
    (work / "summary.json").write_text(json.dumps(summary, indent=2))

    failures = []
    if sign_in_summary["errors"]:
        failures.append(f"{sign_in_summary['errors']} sign-ins failed")
    if summary["errors"]:
        failures.append(f"{summary['errors']} requests failed")
    if summary["refused"]:
        failures.append(f"{summary['refused']} writes were refused")
    if verified["problems"]:
        failures.append(f"{len(verified['problems'])} writes lost, duplicated or wrong")
    if not (results.posts and results.registrations and results.ballots):
        failures.append("some kind of write was never accepted")
    if args.max_page_p95 and (summary["page_view_p95"] or 0) > args.max_page_p95:
        failures.append(f"page views p95 {summary['page_view_p95']:.0f} ms > {args.max_page_p95}")
    print("FAILED: " + "; ".join(failures) if failures else "OK: no errors, no lost writes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
