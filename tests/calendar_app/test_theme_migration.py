"""The migration to the core themes' slugs keeps each event's themes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("calendar_app", "0004_event_type_management_group_meeting")]
AFTER = [("calendar_app", "0005_event_themes_by_core_slug")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest_migrations")
def test_a_theme_tag_slugged_from_its_name_takes_the_themes_slug_or_gives_way_to_the_themes_tag():
    old_apps = _migrate(BEFORE)
    Tag = old_apps.get_model("taggit", "Tag")
    Event = old_apps.get_model("calendar_app", "Event")
    TaggedEvent = old_apps.get_model("calendar_app", "TaggedEvent")
    now = timezone.now()
    event = Event.objects.create(title="Lakityöpaja", start=now, end=now, event_type="workshop")
    from_name = Tag.objects.create(name="TYM-laki ja sen soveltaminen", slug="tym-laki-ja-sen-soveltaminen")
    Tag.objects.create(name="Asiakasprosessi (teema)", slug="asiakasprosessi")
    beside_theme = Tag.objects.create(name="Asiakasprosessi", slug="asiakasprosessi-1")
    TaggedEvent.objects.create(content_object=event, tag=from_name)
    TaggedEvent.objects.create(content_object=event, tag=beside_theme)

    new_apps = _migrate(AFTER)
    NewTaggedEvent = new_apps.get_model("calendar_app", "TaggedEvent")

    slugs = sorted(item.tag.slug for item in NewTaggedEvent.objects.filter(content_object_id=event.pk))
    assert slugs == ["asiakasprosessi", "tym-laki"]
