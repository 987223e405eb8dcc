"""The database side of the load benchmark: seed, prepare a run, verify it afterwards.

Run by bench/load_benchmark.py as a subprocess with the benchmark's environment (its own
VAR_DIR and SQLite database), never by hand against the site's database:

    python bench/load_data.py seed --pages 10000 --posts 100000 --users 2000 --events 2000
    python bench/load_data.py prepare --clients 32 --out run.json
    python bench/load_data.py verify --run run.json --accepted accepted.json

Seeding is incremental: each step counts what the benchmark already made and adds only what
is missing, so a seeded database is reused between runs and a larger seed grows a smaller one.

Pages are inserted in bulk with their tree paths computed here (Wagtail's `add_child` takes a
write and a re-read of the parent per page). Each page gets the same columns `add_child` and
publishing would give it (path, depth, url_path, locale, translation key, live, publication
dates), the parent's `numchild` is updated, and the pages are then put in the search index
through the search app's own sources, so they are ordinary live pages that render and can be
found. No revisions are stored: nobody edits them during the benchmark.
"""

import argparse
import json
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_EMAIL_DOMAIN = "kuorma.typ.example"
BENCH_PASSWORD = "kuormitus-salasana-2025"  # noqa: S105  (fictional users of a throwaway database)
PAGE_SLUG_PREFIX = "kuorma-ohje-"
FORUM_SLUG_PREFIX = "kuorma-"
EVENT_TITLE_PREFIX = "Kuormitustesti: "
POSTS_PER_TOPIC = 20
BATCH = 500

# Words of the field, for titles, texts and search queries (the benchmark's own vocabulary).
WORDS = [
    "asiakas",
    "palvelutarve",
    "alkukartoitus",
    "monialainen",
    "yhteispalvelu",
    "verkosto",
    "sosiaaliohjaaja",
    "terveydenhoitaja",
    "työvoimaviranomainen",
    "hyvinvointialue",
    "kuntoutus",
    "työkyky",
    "suunnitelma",
    "arviointi",
    "ohjaus",
    "yhteistyö",
    "perehdytys",
    "kirjaaminen",
    "tietosuoja",
    "suostumus",
    "asiakkuus",
    "päättäminen",
    "seuranta",
    "työllistyminen",
    "koulutus",
    "palkkatuki",
    "kuntouttava",
    "työtoiminta",
    "mielenterveys",
    "päihdetyö",
    "toimeentulotuki",
    "asumisneuvonta",
    "velkaneuvonta",
    "kotoutuminen",
    "nuoret",
    "pitkäaikaistyötön",
    "työhönvalmennus",
    "ohjausryhmä",
    "johtoryhmä",
    "vuosikello",
    "koulutuspäivä",
    "työpaja",
    "tavoite",
    "mittari",
    "tilasto",
    "palaute",
    "kehittäminen",
    "käytäntö",
    "sudenkuoppa",
    "tulkinta",
    "pykälä",
    "laki",
    "asetus",
    "vastuu",
    "työnjako",
    "kela",
    "kunta",
    "työnantaja",
    "yritys",
    "oppilaitos",
    "järjestö",
    "vertaistuki",
]
SEARCH_QUERIES = [
    "alkukartoitus",
    "palvelutarpeen arviointi",
    "sosiaaliohjaaja",
    "työkyvyn arviointi",
    "kuntoutus",
    "verkoston",
    "suostumus",
    "kirjaaminen",
    "asiakkuuden päättäminen",
    "palkkatuki",
    "työhönvalmennus",
    "mielenterveys",
    "tietosuoja",
    "vuosikello",
    "hyvinvointialueen",
    "toimeentulotuki",
    "monialainen yhteispalvelu",
    "työvoimaviranomaisen",
    "kotoutuminen",
    "sudenkuoppa",
    "perehdytys",
    "seuranta",
    "velkaneuvonta",
    "ohjausryhmä",
    "nuoret",
]


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "typ_site.settings")
    import django

    django.setup()


def say(message: str) -> None:
    print(message, flush=True)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


# --- Seeding --------------------------------------------------------------------------------


def seed_base():
    """Home page, sections, networks and forums: what the rest hangs on (idempotent)."""
    from forums.models import Forum
    from knowledge.demo_content import create_sections
    from knowledge.demo_pages import ensure_page
    from knowledge.models import CaseStoryIndexPage
    from typ_site.core.demo_content import create_home_page, create_networks

    home = create_home_page()
    sections = create_sections(home)
    ensure_page(home, CaseStoryIndexPage, "asiakastarinat", title="Asiakastarinat")
    networks = list(create_networks().values())
    forums = [
        Forum.objects.get_or_create(
            slug=f"{FORUM_SLUG_PREFIX}valtakunnallinen",
            defaults={"name": "Kuormitustestin valtakunnallinen alue", "kind": Forum.Kind.NATIONAL},
        )[0]
    ]
    for network in networks:
        forums.append(
            Forum.objects.get_or_create(
                slug=f"{FORUM_SLUG_PREFIX}{network.slug}",
                defaults={
                    "name": f"Kuormitustesti: {network.name}",
                    "kind": Forum.Kind.NETWORK,
                    "network": network,
                },
            )[0]
        )
    return home, sections, networks, forums


def bench_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__endswith=f"@{BENCH_EMAIL_DOMAIN}")


def seed_users(target: int, networks) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from typ_site.networks.models import Membership

    User = get_user_model()
    existing = bench_users().count()
    if existing >= target:
        say(f"  users: {existing} (enough)")
        return
    password = make_password(BENCH_PASSWORD)  # one hash for all: hashing is the slow part
    roles = ["expert", "expert", "expert", "supervisor", "typ_director", "steering_group"]
    organisations = ["te", "hva", "kela", "municipality"]
    with transaction.atomic():
        users = User.objects.bulk_create(
            [
                User(
                    email=f"kayttaja{n:05d}@{BENCH_EMAIL_DOMAIN}",
                    password=password,
                    first_name=f"Testi{n}",
                    last_name="Kuormittaja",
                    role=roles[n % len(roles)],
                    organisation_type=organisations[n % len(organisations)],
                    organisation_name="Kuormitustestin organisaatio",
                    is_active=True,
                )
                for n in range(existing, target)
            ],
            batch_size=BATCH,
        )
        users = list(bench_users().filter(email__in=[u.email for u in users]))
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users],
            batch_size=BATCH,
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    user=user,
                    network=networks[user.pk % len(networks)],
                    role=Membership.Role.MEMBER,
                    status=Membership.Status.APPROVED,
                )
                for user in users
            ],
            batch_size=BATCH,
        )
    say(f"  users: {target} ({target - existing} new)")


def _page_base_fields(parent, model, content_type, step: int, title: str, slug: str, now):
    from wagtail.models import Page

    return dict(
        path=Page._get_path(parent.path, parent.depth + 1, step),
        depth=parent.depth + 1,
        numchild=0,
        title=title,
        draft_title=title,
        slug=slug,
        url_path=f"{parent.url_path}{slug}/",
        content_type=content_type,
        locale_id=parent.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        translation_key=uuid.uuid4(),
        show_in_menus=False,
        seo_title="",
        search_description="",
    )


def bulk_add_pages(parent, model, rows) -> list[int]:
    """Append live pages of `model` under `parent`; rows are (title, slug, specific fields).

    The Page rows go in with bulk_create; the page type's own table through the same insert
    bulk_create uses (a multi-table model cannot be bulk-created in one go).
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    first_step = (int(last.path[-Page.steplen :], 36) if last else 0) + 1
    now = timezone.now()
    local_fields = [field for field in model._meta.local_concrete_fields]
    ids = []
    with transaction.atomic():
        base_rows = [
            Page(**_page_base_fields(parent, model, content_type, first_step + n, title, slug, now))
            for n, (title, slug, _fields) in enumerate(rows)
        ]
        for start in range(0, len(base_rows), BATCH):
            chunk = Page.objects.bulk_create(base_rows[start : start + BATCH])
            ids.extend(page.pk for page in chunk)
        specific = [model(page_ptr_id=pk, **fields) for pk, (_t, _s, fields) in zip(ids, rows, strict=True)]
        for start in range(0, len(specific), BATCH):
            model._base_manager._insert(specific[start : start + BATCH], fields=local_fields)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(ids))
    return ids


def seed_pages(target: int, guidance_index) -> None:
    from knowledge.models import GuidancePage

    existing = GuidancePage.objects.filter(slug__startswith=PAGE_SLUG_PREFIX).count()
    if existing >= target:
        say(f"  pages: {existing} (enough)")
        return
    rng = random.Random(existing)
    started = time.perf_counter()
    for start in range(existing, target, 2000):
        rows = []
        for n in range(start, min(target, start + 2000)):
            paragraphs = "".join(f"<p>{sentence(rng, 18)}</p>" for _ in range(4))
            rows.append(
                (
                    f"Ohje {n}: {rng.choice(WORDS)} ja {rng.choice(WORDS)}",
                    f"{PAGE_SLUG_PREFIX}{n}",
                    {
                        "intro": sentence(rng, 14),
                        "publisher": "KEHA-keskus",
                        "status": "valid",
                        "body": json.dumps([{"type": "text", "value": paragraphs}]),
                    },
                )
            )
        bulk_add_pages(guidance_index, GuidancePage, rows)
    say(f"  pages: {target} ({target - existing} new, {time.perf_counter() - started:.1f} s)")


def seed_posts(target: int, forums, users) -> None:
    from django.db import transaction
    from django.utils import timezone

    from forums.models import Post, Topic
    from forums.rendering import render_markdown

    bench_forums = [forum.pk for forum in forums]
    existing = Post.objects.filter(topic__forum__in=bench_forums).count()
    if existing >= target:
        say(f"  posts: {existing} (enough)")
        return
    rng = random.Random(existing)
    bodies = []
    for _ in range(200):
        body = f"{sentence(rng, 25)}\n\n{sentence(rng, 12)}"
        bodies.append((body, render_markdown(body)))
    user_ids = [user.pk for user in users]
    missing = target - existing
    started = time.perf_counter()
    now = timezone.now()
    made = 0
    while made < missing:
        with transaction.atomic():
            count = min(POSTS_PER_TOPIC * 250, missing - made)
            sizes = [POSTS_PER_TOPIC] * (count // POSTS_PER_TOPIC)
            if count % POSTS_PER_TOPIC:
                sizes.append(count % POSTS_PER_TOPIC)
            topics = Topic.objects.bulk_create(
                [
                    Topic(
                        forum_id=rng.choice(bench_forums),
                        author_id=rng.choice(user_ids),
                        title=f"{sentence(rng, 5)[:-1]}?",
                        reply_count=size - 1,
                    )
                    for size in sizes
                ],
                batch_size=BATCH,
            )
            posts = []
            for topic, size in zip(topics, sizes, strict=True):
                for _ in range(size):
                    body, html = rng.choice(bodies)
                    posts.append(Post(topic=topic, author_id=rng.choice(user_ids), body=body, body_html=html))
            Post.objects.bulk_create(posts, batch_size=BATCH)
            Topic.objects.filter(pk__in=[topic.pk for topic in topics]).update(last_post_at=now)
        made += count
    say(f"  posts: {target} ({missing} new, {time.perf_counter() - started:.1f} s)")


def seed_events(target: int, networks) -> None:
    from django.utils import timezone

    from calendar_app.models import Event
    from calendar_app.recurrence import HELSINKI

    existing = Event.objects.filter(title__startswith=EVENT_TITLE_PREFIX).count()
    if existing >= target:
        say(f"  events: {existing} (enough)")
        return
    rng = random.Random(existing)
    today = timezone.localdate()
    events = []
    for n in range(existing, target):
        day = today + timedelta(days=2 + n % 360)
        start = datetime(day.year, day.month, day.day, 9 + n % 6, 0, tzinfo=HELSINKI)
        network = networks[n % len(networks)] if n % 3 == 0 else None
        event = Event(
            title=f"{EVENT_TITLE_PREFIX}{rng.choice(WORDS)} {n}",
            description=sentence(rng, 30),
            start=start,
            end=start + timedelta(hours=3),
            network=network,
            level=Event.Level.NETWORK if network else Event.Level.NATIONAL,
            event_type=rng.choice(Event.Type.values),
            visibility=Event.Visibility.MEMBERS if n % 2 else Event.Visibility.PUBLIC,
            registration_enabled=True,
            capacity=20,
            waiting_list_enabled=True,
        )
        event.access_key = event.compute_access_key()
        event.last_end = event.end
        events.append(event)
    Event.objects.bulk_create(events, batch_size=BATCH)
    say(f"  events: {target} ({target - existing} new)")


def index_missing() -> None:
    """Put every object the search index lacks into it, through the sources' own documents."""
    from search.backends import get_backend
    from search.models import SearchEntry
    from search.registry import get_sources

    backend = get_backend()
    indexed = set(SearchEntry.objects.values_list("key", flat=True))
    started = time.perf_counter()
    total = 0
    for source in get_sources():
        queryset = source.get_queryset()
        missing = [
            pk
            for pk in queryset.values_list("pk", flat=True).order_by("pk")
            if source.key_for(pk) not in indexed
        ]
        for start in range(0, len(missing), BATCH):
            objects = queryset.filter(pk__in=missing[start : start + BATCH])
            documents = [doc for doc in map(source.document_for, objects) if doc is not None]
            total += backend.index_documents(documents)
    say(f"  search index: {total} documents added ({time.perf_counter() - started:.1f} s)")


def seed(args) -> None:
    started = time.perf_counter()
    _home, sections, networks, forums = seed_base()
    seed_users(args.users, networks)
    seed_pages(args.pages, sections["guidance"])
    users = list(bench_users().only("pk"))
    seed_posts(args.posts, forums, users)
    seed_events(args.events, networks)
    index_missing()
    say(f"Seeded in {time.perf_counter() - started:.1f} s")


# --- One run --------------------------------------------------------------------------------


def create_rounds(count: int, run_label: str):
    """Open priority rounds for this run only: every (round, user) pair starts unvoted."""
    from django.db.models import Q
    from django.utils import timezone

    from forums.participation.models import DevelopmentNeed, Poll, PollOption

    needs = list(DevelopmentNeed.objects.filter(title__startswith="Kuormitustarve ")[:12])
    if len(needs) < 12:
        from forums.participation.models import THEME_CHOICES

        for n in range(len(needs), 12):
            need = DevelopmentNeed.objects.create(
                title=f"Kuormitustarve {n}: {WORDS[n]}",
                description=WORDS[n + 1],
                status=DevelopmentNeed.Status.PROPOSED,
            )
            need.set_themes([THEME_CHOICES[n % len(THEME_CHOICES)][0]])
            needs.append(need)
    # Earlier runs' rounds close, as rounds do: a site has a few open rounds at a time, not one
    # more batch for every run ever made.
    now = timezone.now()
    Poll.objects.filter(title__startswith="Kuormitustestin kierros ").filter(
        Q(closes_at__isnull=True) | Q(closes_at__gt=now)
    ).update(closes_at=now)
    polls = []
    for n in range(count):
        poll = Poll.objects.create(
            title=f"Kuormitustestin kierros {run_label}/{n}",
            method=Poll.Method.APPROVAL,
            max_choices=3,
            opens_at=now - timedelta(minutes=5),
            closes_at=now + timedelta(days=1),
            results_visibility=Poll.ResultsVisibility.LIVE,
        )
        for position, need in enumerate(random.Random(n).sample(needs, 8)):
            PollOption.objects.create(poll=poll, need=need, position=position)
        polls.append(poll.pk)
    return polls


def create_sessions(users) -> dict[int, str]:
    """Signed-in sessions made the way django.contrib.auth.login stores them."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    store = SessionStore()
    expires = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    sessions, keys = [], {}
    for user in users:
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(user.pk),
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            BACKEND_SESSION_KEY: "typ_site.accounts.backends.EmailPasswordBackend",
        }
        sessions.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
        keys[user.pk] = key
    Session.objects.bulk_create(sessions, batch_size=BATCH)
    return keys


def prepare(args) -> None:
    from django.utils import timezone

    from calendar_app.models import Event, Registration
    from forums.models import Topic
    from knowledge.models import GuidancePage
    from typ_site.core.models import HomePage
    from typ_site.networks.models import Membership

    run_started = timezone.now()
    users = list(bench_users().order_by("pk"))
    sessions = create_sessions(users)
    home = HomePage.objects.first()
    prefix = len(home.url_path) - 1
    pages = [
        url[prefix:]
        for url in GuidancePage.objects.filter(slug__startswith=PAGE_SLUG_PREFIX).values_list(
            "url_path", flat=True
        )
    ]
    # Topics by the network whose members see them ("" for the national forum's).
    topics: dict[str, list[int]] = {}
    for pk, network_id in Topic.objects.filter(forum__slug__startswith=FORUM_SLUG_PREFIX).values_list(
        "pk", "forum__network"
    ):
        topics.setdefault(str(network_id or ""), []).append(pk)
    networks = dict(
        Membership.objects.filter(user__in=users, status=Membership.Status.APPROVED).values_list(
            "user", "network"
        )
    )
    events = [
        {"id": event.pk, "occurrence": event.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        for event in Event.objects.filter(
            title__startswith=EVENT_TITLE_PREFIX, start__gt=run_started + timedelta(days=1)
        )
    ]
    registered = list(Registration.objects.filter(user__in=users).values_list("event", "user"))
    run = {
        "started": run_started.isoformat(),
        "users": [
            {
                "id": user.pk,
                "email": user.email,
                "session": sessions[user.pk],
                "network": str(networks.get(user.pk, "")),
            }
            for user in users
        ],
        "password": BENCH_PASSWORD,
        "pages": pages,
        "topics": topics,
        "events": events,
        "registered": registered,
        "rounds": create_rounds(args.rounds, run_started.strftime("%Y%m%d-%H%M%S")),
        "queries": SEARCH_QUERIES,
    }
    Path(args.out).write_text(json.dumps(run))
    say(
        f"Prepared: {len(users)} signed-in users, {len(pages)} pages, "
        f"{sum(map(len, topics.values()))} topics, "
        f"{len(events)} events, {len(run['rounds'])} voting rounds"
    )


# --- Verification ---------------------------------------------------------------------------


def verify(args) -> None:
    """Every accepted write is in the database exactly once, and nothing else was written."""
    from django.db.models import Count, F
    from django.utils.dateparse import parse_datetime

    from calendar_app.models import Registration
    from calendar_app.recurrence import parse_occurrence_key
    from forums.models import Post, Topic
    from forums.participation.models import Ballot

    run = json.loads(Path(args.run).read_text())
    accepted = json.loads(Path(args.accepted).read_text())
    started = parse_datetime(run["started"])
    user_ids = [user["id"] for user in run["users"]]
    problems = []

    # Posts: the token the client sent, the post id the redirect named, the author.
    posts = accepted["posts"]
    stored = {
        str(post.idempotency_key): post
        for post in Post.objects.filter(idempotency_key__in=[post["token"] for post in posts])
    }
    for post in posts:
        row = stored.get(post["token"])
        if row is None:
            problems.append(f"lost post: token {post['token']}")
        elif row.pk != post["id"] or row.author_id != post["user"] or row.topic_id != post["topic"]:
            problems.append(
                f"post {post['token']} stored as {row.pk}/{row.author_id}, "
                f"client was told {post['id']}/{post['user']}"
            )
    new_posts = Post.objects.filter(created_at__gte=started, author__in=user_ids)
    unacknowledged_posts = new_posts.exclude(idempotency_key__in=[post["token"] for post in posts]).count()
    tokens = [post["token"] for post in posts]
    if len(tokens) != len(set(tokens)):
        problems.append("the client recorded a token twice")
    touched = {post["topic"] for post in posts}
    wrong_counts = (
        Topic.objects.filter(pk__in=touched).annotate(n=Count("posts")).exclude(reply_count=F("n") - 1)
    )
    for topic in wrong_counts:
        problems.append(f"topic {topic.pk}: reply_count {topic.reply_count}, {topic.posts.count()} posts")

    # Registrations: (event, occurrence, user), one row each.
    registrations = accepted["registrations"]
    wanted = {(r["event"], r["occurrence"], r["user"]) for r in registrations}
    if len(wanted) != len(registrations):
        problems.append("a registration was accepted twice")
    rows = Registration.objects.filter(created_at__gte=started, user__in=user_ids)
    found: dict[tuple, int] = {}
    for event_id, occurrence, user_id in rows.values_list("event", "occurrence_start", "user"):
        key = (event_id, occurrence.strftime("%Y-%m-%dT%H:%M:%SZ"), user_id)
        found[key] = found.get(key, 0) + 1
    for key in wanted:
        if found.get(key, 0) != 1:
            problems.append(f"registration {key}: {found.get(key, 0)} rows")
    unacknowledged_registrations = len(set(found) - wanted)
    over = []
    for event_id, occurrence, _user in wanted:
        confirmed = Registration.objects.filter(
            event=event_id,
            occurrence_start=parse_occurrence_key(occurrence),
            status=Registration.Status.CONFIRMED,
        ).select_related("event")
        first = confirmed.first()
        if first and confirmed.count() > first.event.capacity:
            over.append(event_id)
    if over:
        problems.append(f"events over capacity: {sorted(set(over))}")

    # Ballots: (round, user), one ballot each with the picks the client sent.
    ballots = accepted["ballots"]
    wanted_ballots = {(b["round"], b["user"]): b["picks"] for b in ballots}
    if len(wanted_ballots) != len(ballots):
        problems.append("a ballot was accepted twice")
    stored_ballots: dict[tuple, list] = {}
    for ballot in Ballot.objects.filter(poll__in=run["rounds"]).prefetch_related("choices"):
        stored_ballots.setdefault((ballot.poll_id, ballot.voter_id), []).append(ballot)
    for key, picks in wanted_ballots.items():
        found_ballots = stored_ballots.get(key, [])
        if len(found_ballots) != 1:
            problems.append(f"ballot {key}: {len(found_ballots)} stored")
            continue
        chosen = sorted(c.option_id for c in found_ballots[0].choices.all() if c.points > 0)
        if chosen != sorted(picks):
            problems.append(f"ballot {key}: stored picks {chosen}, sent {sorted(picks)}")
    unacknowledged_ballots = len(set(stored_ballots) - set(wanted_ballots))

    result = {
        "posts": len(posts),
        "registrations": len(registrations),
        "ballots": len(ballots),
        "unacknowledged": {
            "posts": unacknowledged_posts,
            "registrations": unacknowledged_registrations,
            "ballots": unacknowledged_ballots,
        },
        "problems": problems,
    }
    Path(args.out).write_text(json.dumps(result, indent=2))
    say(
        f"Verified {len(posts)} posts, {len(registrations)} registrations, {len(ballots)} "
        f"ballots: {len(problems)} problems"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("seed")
    for name in ("pages", "posts", "users", "events"):
        seeding.add_argument(f"--{name}", type=int, required=True)
    preparing = commands.add_parser("prepare")
    preparing.add_argument("--rounds", type=int, default=10)
    preparing.add_argument("--out", required=True)
    verifying = commands.add_parser("verify")
    verifying.add_argument("--run", required=True)
    verifying.add_argument("--accepted", required=True)
    verifying.add_argument("--out", required=True)
    args = parser.parse_args()
    setup_django()
    {"seed": seed, "prepare": prepare, "verify": verify}[args.command](args)


if __name__ == "__main__":
    main()
