"""Participation became an app of its own: its tables, rows and content types stay."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("forums", "0003_development_need_themes"), ("participation", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_rows_content_types_and_group_permissions():
    old_apps = _migrate(BEFORE)
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    Permission = old_apps.get_model("auth", "Permission")
    Group = old_apps.get_model("auth", "Group")
    need_type, _ = ContentType.objects.get_or_create(app_label="forums", model="developmentneed")
    # A content type that `migrate` may already have made for the new label is dropped.
    ContentType.objects.get_or_create(app_label="participation", model="developmentneed")
    change_need, _ = Permission.objects.get_or_create(
        content_type=need_type, codename="change_developmentneed", defaults={"name": "Can change"}
    )
    group = Group.objects.create(name="Osallistumisen hoitajat")
    group.permissions.add(change_need)
    old_apps.get_model("forums", "DevelopmentNeed").objects.create(title="Vastuunjako")

    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    new_apps = _migrate(leaves)

    ContentType = new_apps.get_model("contenttypes", "ContentType")
    moved = ContentType.objects.get(pk=need_type.pk)
    assert (moved.app_label, moved.model) == ("participation", "developmentneed")
    assert not ContentType.objects.filter(app_label="forums", model="developmentneed").exists()
    group = new_apps.get_model("auth", "Group").objects.get(name="Osallistumisen hoitajat")
    assert list(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("participation", "change_developmentneed")
    ]
    Need = new_apps.get_model("participation", "DevelopmentNeed")
    assert list(Need.objects.values_list("title", flat=True)) == ["Vastuunjako"]
    assert Need._meta.db_table == "forums_developmentneed"
