"""The load benchmark's database side: its bulk-made pages are real pages, and its write
check notices a lost write (a check that cannot fail would prove nothing).

The load run itself (a server, 25 s of traffic) is a CI step, not a test:
`.venv/bin/python bench/load_benchmark.py --smoke`.
"""

import importlib.util
import json
import uuid
from argparse import Namespace
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from forums import services as forum_services
from forums.models import Topic
from knowledge.models import GuidancePage
from search.models import SearchEntry

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load_data.py"


@pytest.fixture(scope="module")
def load_data():
    spec = importlib.util.spec_from_file_location("bench_load_data", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def seeded(db, load_data):
    _home, sections, networks, forums = load_data.seed_base()
    load_data.seed_users(6, networks)
    load_data.seed_pages(25, sections["guidance"])
    load_data.seed_posts(40, forums, list(load_data.bench_users()))
    load_data.seed_events(4, networks)
    load_data.index_missing()
    return sections


def test_bulk_made_pages_keep_the_page_tree_valid(seeded):
    assert Page.find_problems() == ([], [], [], [], [])
    index = Page.objects.get(pk=seeded["guidance"].pk)
    assert index.get_children().live().count() == index.numchild == 25


def test_a_bulk_made_page_renders_for_a_reader(seeded, client):
    page = GuidancePage.objects.filter(slug__startswith="kuorma-ohje-").first()

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_editors_can_add_pages_after_the_bulk_made_ones(seeded):
    index = Page.objects.get(pk=seeded["guidance"].pk)
    index.add_child(instance=GuidancePage(title="Uusi ohje", slug="uusi-ohje"))

    assert Page.find_problems() == ([], [], [], [], [])


def test_seeded_pages_and_posts_are_in_the_search_index(seeded):
    page_ids = GuidancePage.objects.values_list("pk", flat=True)
    indexed = set(SearchEntry.objects.values_list("key", flat=True))

    assert {f"page:{pk}" for pk in page_ids} <= indexed
    assert sum(key.startswith("post:") for key in indexed) == 40


def test_seeding_again_adds_nothing(seeded, load_data):
    before = GuidancePage.objects.count()
    load_data.seed_pages(25, seeded["guidance"])

    assert GuidancePage.objects.count() == before


@pytest.fixture
def prepared_run(seeded, load_data, tmp_path):
    load_data.prepare(Namespace(rounds=1, out=tmp_path / "run.json"))
    return json.loads((tmp_path / "run.json").read_text())


def _verify(load_data, tmp_path, posts):
    (tmp_path / "accepted.json").write_text(json.dumps({"posts": posts, "registrations": [], "ballots": []}))
    load_data.verify(
        Namespace(
            run=tmp_path / "run.json", accepted=tmp_path / "accepted.json", out=tmp_path / "verified.json"
        )
    )
    return json.loads((tmp_path / "verified.json").read_text())


def _reply(run, user_number=0):

    user = get_user_model().objects.get(pk=run["users"][user_number]["id"])
    topic = Topic.objects.filter(forum__kind="national").first()
    token = uuid.uuid4()
    post = forum_services.reply(user, topic, body="Vastaus kuormitustestiin.", token=token)
    return {"token": str(token), "id": post.pk, "user": user.pk, "topic": topic.pk}


def test_the_check_passes_when_every_accepted_post_is_stored(prepared_run, load_data, tmp_path):
    verified = _verify(load_data, tmp_path, [_reply(prepared_run)])

    assert verified["problems"] == []


def test_the_check_reports_an_accepted_post_that_is_missing(prepared_run, load_data, tmp_path):
    lost = {
        "token": str(uuid.uuid4()),
        "id": 999999,
        "user": prepared_run["users"][0]["id"],
        "topic": Topic.objects.first().pk,
    }

    verified = _verify(load_data, tmp_path, [_reply(prepared_run), lost])

    assert verified["problems"] == [f"lost post: token {lost['token']}"]


def test_the_check_counts_a_post_the_client_was_never_told_about(prepared_run, load_data, tmp_path):
    _reply(prepared_run)

    verified = _verify(load_data, tmp_path, [])

    assert verified["unacknowledged"]["posts"] == 1
