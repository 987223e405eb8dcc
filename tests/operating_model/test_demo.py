"""The register's demo content: grounded in the law, every demo network with an agreement,
and safe to load twice."""

import pytest

from typ_site.core.demo_content import load_core_demo
from typ_site.operating_model.demo import load_operating_model_demo
from typ_site.operating_model.models import AgreementCell, ClientProcessTask, LocalAgreement

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
