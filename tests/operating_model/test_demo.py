"""The register's demo content: grounded in the law, every demo network with an agreement,
and safe to load twice."""

import pytest
from django.utils import translation

from typ_site.core.demo_content import load_core_demo
from typ_site.operating_model.demo import PARTIES, PARTY_ABBREVIATIONS, TASKS, load_operating_model_demo
from typ_site.operating_model.models import AgreementCell, ClientProcessTask, LocalAgreement, Party

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_register_and_can_be_loaded_again(home):
    load_core_demo()
    load_operating_model_demo()
    load_operating_model_demo()
    assert ClientProcessTask.objects.count() >= 10
    assert ClientProcessTask.objects.filter(law_sections__isnull=False).distinct().count() >= 8
    slugs = set(LocalAgreement.objects.values_list("network__slug", flat=True))
    assert slugs == {"satakunta", "pohjois-karjala", "kymenlaakso", "pohjois-pohjanmaa"}
    assert LocalAgreement.objects.filter(network__slug="satakunta").count() == 2
    deviations = [cell for cell in AgreementCell.objects.all() if cell.deviates]
    assert deviations and all(cell.deviation_reason for cell in deviations)


def test_the_demo_parties_fit_their_fields():
    """SQLite does not enforce a CharField's length, PostgreSQL does: the demo must fit."""

    def limit(field: str) -> int:
        return Party._meta.get_field(field).max_length

    too_long = [
        (field, value)
        for key, short_name, name_fi, name_sv, name_en in PARTIES
        for field, value in (
            ("key", key),
            ("short_name", short_name),
            ("name_fi", name_fi),
            ("name_sv", name_sv),
            ("name_en", name_en),
        )
        if len(value) > limit(field)
    ] + [
        (field, value)
        for sv, en in PARTY_ABBREVIATIONS.values()
        for field, value in (("short_name_sv", sv), ("short_name_en", en))
        if len(value) > limit(field)
    ]

    assert too_long == []


def test_every_demo_task_is_described_in_swedish_and_english(baseline):
    tasks = ClientProcessTask.objects.all()

    assert tasks.count() == len(TASKS)
    for task in tasks:
        for language in ("fi", "sv", "en"):
            description = getattr(task, f"description_{language}")
            assert description, (task.key, language)
            assert len(description) <= ClientProcessTask._meta.get_field(f"description_{language}").max_length
    with translation.override("sv"):
        assert tasks.get(key="kela-services").description.startswith("Rehabilitering")
