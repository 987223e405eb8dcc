"""Relative times ("3 päivää sitten") read right in every language: a number is never glued to
its unit, as Django's Finnish humanize catalogue does ("1päivä")."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation

from typ_site.core.templatetags.time_tags import relative_time

AGES = [
    timedelta(minutes=5),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(days=1),
    timedelta(days=2),
    timedelta(days=8),
    timedelta(days=40),
    timedelta(days=400),
]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_number_is_never_glued_to_its_unit(language):
    now = timezone.now()
    with translation.override(language):
        phrases = [relative_time(now - age) for age in AGES]

    for phrase in phrases:
        assert not re.search(r"\d[^\W\d]", phrase), phrase


def test_finnish_reads_naturally():
    now = timezone.now()
    with translation.override("fi"):
        assert relative_time(now - timedelta(days=1)) == "1\xa0päivä sitten"
        assert relative_time(now - timedelta(days=40)).startswith("1\xa0kuukausi")
        assert relative_time(now - timedelta(seconds=10)) == "juuri nyt"
        assert relative_time(now + timedelta(days=2, minutes=1)).endswith("kuluttua")


def test_swedish_and_english():
    day_ago = timezone.now() - timedelta(days=1)
    with translation.override("sv"):
        assert relative_time(day_ago) == "för 1\xa0dag sedan"
    with translation.override("en"):
        assert relative_time(day_ago) == "1\xa0day ago"


def test_no_template_uses_humanize_naturaltime():
    """`naturaltime` brings back Django's Finnish "1päivä"; templates use `relative_time`."""
    roots = [
        Path(settings.BASE_DIR) / name for name in ("site", "forums", "knowledge", "calendar_app", "search")
    ]
    offenders = [
        str(path)
        for root in roots
        for path in root.rglob("*.html")
        if "naturaltime" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
