"""`run_timers` (started beside the development server by `make run`) does what production's
timers do: a page with a go-live time goes live without anyone running a command by hand."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from knowledge.models import GuidancePage

from .conftest import make_guidance


def test_a_page_scheduled_to_go_live_is_published_by_the_timers(tree):
    page = make_guidance(tree, title="Ajastettu ohje", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    past = timezone.now() - timedelta(minutes=1)
    revision = Revision.objects.get(pk=revision.pk)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    assert not GuidancePage.objects.get(pk=page.pk).live

    call_command("run_timers", "--once")

    assert GuidancePage.objects.get(pk=page.pk).live


def test_make_run_starts_the_timers_beside_the_server():
    with open("Makefile", encoding="utf-8") as makefile:
        recipe = makefile.read().split("\nrun:", 1)[1].split("\n\n", 1)[0]

    assert "run_timers" in recipe
    assert recipe.index("run_timers") < recipe.index("runserver")
