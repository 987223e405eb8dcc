"""`<time datetime>` values are valid HTML: whole seconds in the site's time zone (HTML allows
at most three fractional digits, and Django's `date:'c'` writes six)."""

import datetime
import re
from pathlib import Path

from django.conf import settings

from typ_site.core.templatetags.time_tags import machine_time


def test_a_moment_is_written_in_whole_seconds_in_helsinki_time():
    moment = datetime.datetime(2026, 12, 5, 12, 30, 15, 975858, tzinfo=datetime.UTC)

    assert machine_time(moment) == "2026-12-05T14:30:15+02:00"


def test_a_date_is_written_as_a_date():
    assert machine_time(datetime.date(2026, 12, 5)) == "2026-12-05"


def test_nothing_is_written_for_a_missing_value():
    assert machine_time(None) == ""


def test_no_template_writes_a_time_with_microseconds():
    templates = [
        path
        for folder in ("site", "knowledge", "forums", "calendar_app", "search")
        for path in (Path(settings.BASE_DIR) / folder).rglob("*.html")
    ]
    microseconds = re.compile(r"datetime=\"\{\{[^}]*\|date:'c'")
    offenders = [str(path) for path in templates if microseconds.search(path.read_text())]

    assert offenders == []
