"""Editors see guidance past its review date; the demo content loads and can be reloaded."""

import datetime

from django.utils import timezone

from knowledge.demo import load_knowledge_demo
from knowledge.models import (
    GuidancePage,
    LawInterpretationPage,
    NetworkPage,
    PracticePage,
)
from knowledge.selectors import guidance_past_review
from tests.factories import make_keha_staff
from tests.helpers import load_demo_steps

from .conftest import make_guidance


def test_guidance_past_its_review_date_is_listed_for_editors(tree, client):
    overdue = make_guidance(
        tree, title="Vanhentunut ohje", next_review_date=datetime.date.today() - datetime.timedelta(days=1)
    )
    make_guidance(
        tree, title="Ajantasainen ohje", next_review_date=datetime.date.today() + datetime.timedelta(days=1)
    )
    client.force_login(make_keha_staff("Editors"))

    response = client.get("/admin/")

    assert list(guidance_past_review()) == [overdue]
    content = response.content.decode()
    assert "Vanhentunut ohje" in content
    assert "Ajantasainen ohje" not in content


def test_readers_see_last_updated_and_next_review(tree, client):
    page = make_guidance(tree, next_review_date=datetime.date(2030, 5, 31))

    content = client.get(page.url).content.decode()

    assert "31.5.2030" in content
    # The date in Helsinki, as the page shows it (in UTC it is a day earlier from 22 or 21 o'clock).
    assert timezone.localtime(page.last_published_at).strftime("%Y-%m-%d") in content


def _counts():
    return (
        GuidancePage.objects.count(),
        LawInterpretationPage.objects.count(),
        PracticePage.objects.count(),
        NetworkPage.objects.count(),
    )


def test_the_demo_content_loads_and_can_be_loaded_again(db, client):
    load_demo_steps("core", "knowledge")
    first = _counts()
    load_knowledge_demo()

    assert _counts() == first
    assert LawInterpretationPage.objects.live().count() >= 3
    assert PracticePage.objects.live().filter(kind="pitfall").count() >= 2
    assert PracticePage.objects.live().count() >= 6
    assert NetworkPage.objects.live().count() == 4
    for url in (
        "/ohjeet/",
        "/ohjeet/asiakasprosessi/",
        "/tulkinnat/",
        "/kaytannot/",
        "/verkostot/",
        "/verkostot/satakunta/",
        "/teemat/",
        "/teemat/asiakasprosessi/",
    ):
        assert client.get(url).status_code == 200, url
