"""The migration to several themes per need keeps each need's old theme."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("forums", "0002_participation")]
AFTER = [("forums", "0003_development_need_themes")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest_migrations")
def test_each_need_keeps_its_single_theme_as_one_of_its_themes():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldNeed = old_apps.get_model("forums", "DevelopmentNeed")
    OldNeed.objects.create(title="Kirjaaminen ja lomakkeet", theme="vaikuttavuus")
    OldNeed.objects.create(title="Lain tulkinta", theme="tym-laki")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new_apps = executor.loader.project_state(AFTER).apps
    Need = new_apps.get_model("forums", "DevelopmentNeed")

    themes = {need.title: [tag.slug for tag in need.themes.all()] for need in Need.objects.all()}
    assert themes == {"Kirjaaminen ja lomakkeet": ["vaikuttavuus"], "Lain tulkinta": ["tym-laki"]}
