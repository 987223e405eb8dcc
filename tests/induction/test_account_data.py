"""A person's progress is in their data export and goes away with their account."""

from knowledge.induction.models import CompletedTask, Enrolment
from typ_site.accounts.exports import build_user_export
from typ_site.accounts.signals import account_removed

from .conftest import make_path, structure, tick


def test_the_export_lists_the_started_paths_and_ticked_tasks(tree, signed_in_client, user):
    path = make_path(tree, title="TE-polku", step_count=2)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [first.tasks[0].id])

    section = build_user_export(user)["induction"]

    assert section[0]["path"] == "TE-polku"
    assert section[0]["percent_done"] == 25
    assert section[0]["tasks_done"][0]["task"] == "Tehtävä 1.1"


def test_removing_the_account_forgets_the_progress(tree, signed_in_client, user):
    path = make_path(tree)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [first.tasks[0].id])

    account_removed.send(sender=type(user), user=user)

    assert not CompletedTask.objects.filter(user=user).exists()
    assert not Enrolment.objects.filter(user=user).exists()
