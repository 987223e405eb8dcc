"""The README's screenshots, taken from the demo content by the browser: home, guidance, a
forum topic, the calendar, a voting round and the search, at 1280 pixels wide, and the home
page on a phone.

They are written to docs/screenshots/ only when UPDATE_SCREENSHOTS=1 is set (after a change to
the look: `UPDATE_SCREENSHOTS=1 .venv/bin/pytest tests/e2e/test_screenshots.py`), so that an
ordinary run, CI's included, leaves the work tree as it was. Each picture is reduced to 256
colours, which keeps the files small and the text sharp.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from PIL import Image

from forums.models import Topic
from forums.participation.models import VotingRound
from knowledge.models import GuidancePage
from tests.e2e.pages import PHONE_VIEWPORT, sign_in_with_session
from typ_site.accounts.models import User
from typ_site.core.demo import demo_email

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        os.environ.get("UPDATE_SCREENSHOTS") != "1",
        reason="set UPDATE_SCREENSHOTS=1 to refresh the README's screenshots",
    ),
]

FOLDER = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDE = {"width": 1280, "height": 860}
MEMBER = "asiantuntija.satakunta"


def save(page, name: str) -> Path:
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.fonts.ready")
    path = FOLDER / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)
    return path


def addresses() -> dict[str, str]:
    """The demo's pages to show, found in the database that load_demo filled."""
    guidance = GuidancePage.objects.live().filter(locale__language_code="fi").order_by("path").first()
    topic = (
        Topic.objects.annotate(post_count=Count("posts"))
        .filter(forum__network__isnull=True)
        .order_by("-post_count", "pk")
        .first()
    )
    now = timezone.now()
    voting = (
        VotingRound.objects.filter(opens_at__lte=now).exclude(closes_at__lt=now).order_by("-opens_at").first()
        or VotingRound.objects.first()
    )
    return {
        "home": "/",
        "guidance": guidance.url,
        "forum-topic": topic.get_absolute_url(),
        "calendar": "/calendar/",
        "voting": voting.get_absolute_url(),
        "search": "/search/?q=asiakasprosessi",
    }


def test_the_readme_screenshots(new_context, live_server):
    call_command("load_demo", quiet_sign_ins=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    member = User.objects.get(email=demo_email(MEMBER))
    FOLDER.mkdir(parents=True, exist_ok=True)

    context = new_context(viewport=WIDE)
    sign_in_with_session(context, member, live_server.url)
    page = context.new_page()
    written = []
    for name, address in addresses().items():
        page.goto(live_server.url + address)
        written.append(save(page, name))

    phone = new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True).new_page()
    phone.goto(live_server.url + "/")
    written.append(save(phone, "home-phone"))

    assert all(path.stat().st_size > 10_000 for path in written)
