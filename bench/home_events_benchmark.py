"""Home page "your next events" benchmark (not a test): 10, 500 and 2,000 events.

    .venv/bin/python bench/home_events_benchmark.py [--sizes 10,500,2000] [--runs 7]
        [--keep DIR]

Builds the calendar in a fresh SQLite database in a temporary directory, removed afterwards
(or DIR with --keep, kept and reused), so the site's own database is never touched, and times
`calendar_app.selectors.upcoming_occurrences_for(person, limit=3)`, the query behind the
home page box, as a member of one of two networks. Half of the events recur (weekly, every
other week, monthly; some with an end, some with cancelled or moved occurrences), half are
one-off; a tenth of each lie in the past; visibility is mixed (public, signed-in members,
either network only). Events are saved one by one through the model, as the admin does; the
search index is not kept up to date here (it is not what is measured).

For comparison it also times the straightforward way (expand every visible event over the
next 120 days, sort, take three: `occurrences_for(...)[:3]`), checks that both give the same
three, and prints the number of SQL queries of each. Last, it forgets every stored
next-start bound (as rows bulk-loaded without save() have none) and times the first call,
which stores them, and the calls after it.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE_PREFIX = "Kalenteritesti: "
RULES = [
    "FREQ=WEEKLY;BYDAY=MO",
    "FREQ=WEEKLY;BYDAY=TU,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    "FREQ=MONTHLY;BYDAY=1WE",
    "FREQ=MONTHLY;BYMONTHDAY=15",
    "FREQ=WEEKLY;BYDAY=FR;COUNT=30",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;BYDAY=MO;UNTIL=20991231",
]
TOPICS = [
    "alkukartoitus",
    "kirjaaminen",
    "työkyvyn arviointi",
    "ohjausryhmä",
    "vuosikello",
    "perehdytys",
    "asiakasprosessi",
    "tietosuoja",
    "palkkatuki",
    "verkostotapaaminen",
]


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def setup_django(directory: str) -> None:
    os.makedirs(directory, exist_ok=True)
    os.environ["VAR_DIR"] = directory
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "typ_site.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command

    # The calendar and what it depends on (networks, accounts, tags), and Wagtail's core
    # (saving a snippet updates its reference index); nothing else is needed.
    call_command("migrate", "wagtailcore", verbosity=0)
    call_command("migrate", "calendar_app", verbosity=0)
    call_command("migrate", "accounts", verbosity=0)  # the user's own fields (requested role)


def world():
    """Two networks and a person who belongs to the first."""
    from django.contrib.auth import get_user_model

    from typ_site.networks.models import Membership, Network

    first, _ = Network.objects.get_or_create(
        slug="bench-satakunta", defaults={"name": "Testiverkosto Satakunta", "region": "satakunta"}
    )
    second, _ = Network.objects.get_or_create(
        slug="bench-karjala", defaults={"name": "Testiverkosto Karjala", "region": "satakunta"}
    )
    person, created = get_user_model().objects.get_or_create(
        email="kalenteri.testaaja@bench.typ.example",
        defaults={"first_name": "Kalle", "last_name": "Kalenteri", "is_active": True},
    )
    if created:
        Membership.objects.create(user=person, network=first, status=Membership.Status.APPROVED)
    return person.pk, [first, second]


def add_events(target: int, networks, now) -> None:
    """Grow the benchmark's events to `target`, each saved through the model."""
    from calendar_app.models import Event, EventException
    from calendar_app.recurrence import HELSINKI, expand

    existing = Event.objects.filter(title__startswith=TITLE_PREFIX).count()
    rng = random.Random(20260 + existing)
    local_now = now.astimezone(HELSINKI).replace(minute=0, second=0, microsecond=0)
    for number in range(existing, target):
        recurring = number % 2 == 1
        past = rng.random() < 0.1
        if recurring:
            # Series began up to two years ago (or in the next three months).
            offset_days = -rng.randint(400, 800) if past else rng.randint(-730, 90)
        else:
            offset_days = -rng.randint(1, 365) if past else rng.randint(0, 365)
        start = (local_now + timedelta(days=offset_days)).replace(hour=rng.choice([9, 10, 13]))
        visibility, network = rng.choice(
            [
                (Event.Visibility.PUBLIC, None),
                (Event.Visibility.MEMBERS, None),
                (Event.Visibility.NETWORK, networks[0]),
                (Event.Visibility.NETWORK, networks[1]),
            ]
        )
        rule = ""
        if recurring:
            rule = rng.choice(RULES)
            if past:
                rule = f"{rule.split(';COUNT')[0].split(';UNTIL')[0]};COUNT=10"
        event = Event(
            title=f"{TITLE_PREFIX}{rng.choice(TOPICS)} {number}",
            start=start,
            end=start + timedelta(hours=rng.choice([1, 2, 3])),
            event_type=rng.choice(Event.Type.values),
            level=Event.Level.NETWORK if network else Event.Level.NATIONAL,
            visibility=visibility,
            network=network,
            recurrence_rule=rule,
        )
        event.save()
        if recurring and not past and number % 6 == 1:
            # Cancel the next occurrence and move the one after it by a day.
            upcoming = expand(event, now, now + timedelta(days=90))[:2]
            if upcoming:
                EventException.objects.create(event=event, original_start=upcoming[0].original_start)
            if len(upcoming) > 1:
                moved = upcoming[1]
                EventException.objects.create(
                    event=event,
                    original_start=moved.original_start,
                    kind=EventException.Kind.MOVED,
                    new_start=moved.start + timedelta(days=1),
                    new_end=moved.end + timedelta(days=1),
                )


def timed(function, runs: int):
    """Median wall-clock and CPU milliseconds, the query count, and the result of `function`.

    CPU time (this process, which includes SQLite) is shown beside the wall clock because a
    shared machine's load stretches the wall clock far more than the work done."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    wall, cpu = [], []
    for _run in range(runs):
        reset_queries()
        began, began_cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            result = function()
        cpu.append((time.process_time() - began_cpu) * 1000)
        wall.append((time.perf_counter() - began) * 1000)
    return statistics.median(wall), statistics.median(cpu), len(queries.captured_queries), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,500,2000")
    parser.add_argument("--runs", type=int, default=7, help="timed calls per size")
    parser.add_argument("--keep", help="directory for the database (reused when present)")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))

    directory = options.keep or tempfile.mkdtemp(prefix="home-events-bench-")
    setup_django(directory)

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from calendar_app.models import Event
    from calendar_app.selectors import occurrences_for, upcoming_occurrences_for
    from search.registry import get_source
    from search.signals import disconnect_source

    disconnect_source(get_source("event"))
    person_id, networks = world()

    def person():
        # A fresh object per call, as in a request (memberships are cached on the object).
        return get_user_model().objects.get(pk=person_id)

    print(f"machine load at start (1/5/15 min): {load()}  cores: {os.cpu_count()}")
    print(
        f"{'events':>7} {'recurring':>9} | {'upcoming_occurrences_for':>30} | {'expand all, take three':>30}"
    )
    print(
        f"{'':>7} {'':>9} | {'wall ms':>10} {'CPU ms':>8} {'queries':>9} | "
        f"{'wall ms':>10} {'CPU ms':>8} {'queries':>9}   (medians)"
    )
    for size in sizes:
        now = timezone.now()
        add_events(size, networks, now)
        total = Event.objects.filter(title__startswith=TITLE_PREFIX).count()
        recurring = Event.objects.filter(title__startswith=TITLE_PREFIX).exclude(recurrence_rule="").count()
        fast = timed(lambda: upcoming_occurrences_for(person(), limit=3), options.runs)

        def expand_all():
            began = timezone.now()
            return occurrences_for(person(), began, began + timedelta(days=120))[:3]

        plain = timed(expand_all, options.runs)
        if [(o.event.pk, o.start) for o in fast[3]] != [(o.event.pk, o.start) for o in plain[3]]:
            print("  the two ways disagree:", fast[3], plain[3])
            sys.exit(1)
        print(
            f"{total:>7} {recurring:>9} | {fast[0]:>10.1f} {fast[1]:>8.1f} {fast[2]:>9} | "
            f"{plain[0]:>10.1f} {plain[1]:>8.1f} {plain[2]:>9}   load {load()}"
        )
    print("same three occurrences from both ways at every size")

    # Rows written without save() (a bulk load) have no stored bound: the first call expands
    # those series and stores their bounds; later calls are back to the numbers above.
    Event.objects.filter(title__startswith=TITLE_PREFIX).update(next_start_checked_at=None)
    first = timed(lambda: upcoming_occurrences_for(person(), limit=3), 1)
    after = timed(lambda: upcoming_occurrences_for(person(), limit=3), options.runs)
    print(
        f"every bound unknown ({total} events): first call {first[0]:.0f} ms wall "
        f"({first[2]} queries, storing the bounds), then {after[0]:.1f} ms wall, "
        f"{after[1]:.1f} ms CPU, {after[2]} queries   load {load()}"
    )
    if not options.keep:
        from django.db import connection

        connection.close()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
