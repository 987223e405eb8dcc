"""The demo states what the domain sources say, and keeps saying it when it is loaded again.

Each assertion pins one fact an expert of the field would check: the law's name and
sections, which rules belong to the law before 2025, the order of the client process,
which region a practice belongs to, which themes a development need belongs to, that a
network's own body is its johtoryhmä, and that the timing vote asks about a date ahead of
the round. The demo is loaded through its registered steps, into the real test database.
"""

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from calendar_app.models import Event
from forums.models import Post, Topic
from forums.participation.models import DevelopmentNeed, VotingRound
from knowledge.induction.models import InductionPathPage
from knowledge.induction.selectors import suggested_path_for
from knowledge.models import (
    CaseStoryIndexPage,
    GuidancePage,
    LawInterpretationPage,
    NetworkPage,
    PracticePage,
    Statute,
)
from tests.helpers import load_demo_steps
from typ_site.core.demo import DEMO_PEOPLE, demo_email

pytestmark = pytest.mark.django_db

TYM_ACT = "Laki työllistymisen monialaisesta edistämisestä"


def _text(page, *names: str) -> str:
    """Everything the demo wrote in these fields of the page, as one string."""
    parts = []
    for name in names:
        value = getattr(page, name)
        if hasattr(value, "raw_data"):
            parts.append(json.dumps(list(value.raw_data), ensure_ascii=False))
        else:
            parts.append(str(value))
    return " ".join(parts)


def _matrix_rows(page) -> dict[str, tuple]:
    for block in page.body.raw_data:
        if block["type"] == "responsibility_matrix":
            return {row["step"]: (row["te"], row["hva"], row["kela"]) for row in block["value"]["rows"]}
    raise AssertionError("no responsibility matrix")


def _steps(page, field: str = "body") -> list[tuple[str, str]]:
    for block in getattr(page, field).raw_data:
        if block["type"] == "process_steps":
            return [(step["title"], step["responsible"]) for step in block["value"]["steps"]]
    raise AssertionError("no process steps")


def test_the_law_and_its_sections_are_named_as_in_the_law():
    statute = Statute.objects.get(number="381/2023")

    assert statute.name == TYM_ACT
    assert {"1", "3", "4", "11"} <= set(statute.sections.values_list("number", flat=True))
    assert Statute.objects.filter(number="306/2019").exists()


def test_the_rename_migration_corrects_an_installation_with_the_old_name():
    migration = importlib.import_module("knowledge.migrations.0005_statute_381_2023_official_name")
    Statute.objects.filter(number="381/2023").update(name=migration.OLD_NAME)

    migration.rename(apps, None)

    assert Statute.objects.get(number="381/2023").name == TYM_ACT


def test_guidance_dates_the_old_rules_and_tells_the_stages_in_one_order():
    load_demo_steps("core", "knowledge")
    process = GuidancePage.objects.get(slug="asiakasprosessi", locale=Locale.get_default())
    text = _text(process, "intro", "body")

    # The pre-2025 entry durations and the three-month review are the old law's, dated so.
    assert "Vanha laki (tilanne 2023)" in text
    assert "tämä ohje ei käytä niitä" in text
    assert "vähintään kolmen kuukauden välein" in text.split("tämä ohje ei käytä niitä")[0]
    assert "palvelutarpeen edellyttämällä tavalla" in text
    assert "3 §" in text and TYM_ACT.split("Laki ")[1] in text
    # The client relationship starts with the assessment; the mapping is part of it.
    titles = [title for title, _who in _steps(process)]
    assert titles.index("Palvelutarpeen arviointi alkaa: asiakkuus alkaa") < titles.index(
        "Monialainen työllistymissuunnitelma"
    )
    assert "Alkukartoitus" not in titles
    assert "heti alkukartoituksen jälkeen" not in text
    # Satakunta's own choices are not national rules.
    assert "Vähintään työvoimaviranomainen ja sosiaaliohjaaja" not in text
    assert "esimerkiksi Satakunnassa" in text


def test_the_responsibility_matrix_follows_the_sources():
    load_demo_steps("core", "knowledge")
    roles = GuidancePage.objects.get(slug="tyonjako", locale=Locale.get_default())
    rows = _matrix_rows(roles)
    everyone = ("responsible", "responsible", "responsible")

    assert rows["Tarpeen tunnistaminen"] == everyone
    assert rows["Loppuarvio"] == everyone
    assert rows["Työllistymissuunnitelman laatiminen"][:2] == ("responsible", "responsible")
    assert "1.1.2025 alkaen työvoimaviranomainen on kunta" in _text(roles, "body")


def test_an_interpretation_on_the_old_premise_is_superseded_by_one_on_the_new_law():
    load_demo_steps("core", "knowledge")
    old = LawInterpretationPage.objects.get(slug="asiakkuus-ennen-tyottomyyden-kestoa")
    new = LawInterpretationPage.objects.get(slug="yhteensovittamisen-tarve-ohjautumisen-perusteena")

    assert old.status == "superseded" and old.superseded_by_id == new.pk
    assert "2023" in _text(old, "intro", "interpretation") or "2024" in old.intro
    assert new.status == "under_discussion"
    assert "3 §" in new.interpretation


def test_satakunta_page_covers_its_employment_area_and_names_the_nurse_route():
    load_demo_steps("core", "knowledge")
    page = NetworkPage.objects.get(slug="satakunta")
    text = _text(page, "intro", "operating_model")

    assert "koko maakunnan" not in text
    assert "yksitoista kuntaa" in page.intro
    assert "nimetyn terveydenhoitajan henkilökohtaiselle" in text
    assert "ammattilaisten välinen etäkonsultaatio" in text
    assert "Rukkas-konsultaatio" in [title for title, _who in _steps(page, "operating_model")]


def test_practices_belong_to_the_regions_of_the_sources():
    load_demo_steps("core", "knowledge")

    health = PracticePage.objects.get(slug="tyottomien-terveystarkastukset")
    assert health.region == "pohjois-pohjanmaa"
    assert [network.slug for network in health.networks.all()] == ["pohjois-pohjanmaa"]
    assert "Kymenlaakso" not in _text(health, "problem", "solution", "results")

    agreement = PracticePage.objects.get(slug="yhteistyosopimus-hyvinvointialue-kunnat")
    assert agreement.region == "kymenlaakso"
    assert "raha ei liiku" not in _text(agreement, "solution").lower()
    assert "eikä raha liiku" not in _text(agreement, "solution")

    karjala = NetworkPage.objects.get(slug="pohjois-karjala")
    karjala_text = _text(karjala, "intro", "operating_model")
    assert "kirjallisesti" not in karjala_text and "Topakka" in karjala_text
    assert "kirjallisella yhteistyösopimuksella" in _text(
        NetworkPage.objects.get(slug="kymenlaakso"), "operating_model"
    )

    structures = PracticePage.objects.get(slug="yhdyspintatyon-rakenteet-kolmella-alueella")
    assert {network.slug for network in structures.networks.all()} == {
        "pohjois-karjala",
        "kymenlaakso",
        "pohjois-pohjanmaa",
    }


def test_no_invented_results_are_stated_as_facts():
    load_demo_steps("core", "knowledge")
    practices = " ".join(_text(page, "problem", "solution", "results") for page in PracticePage.objects.all())
    stories = CaseStoryIndexPage.objects.get().intro

    assert "viikoissa eikä kuukausissa" not in practices
    assert "koko alueella" not in practices
    assert "eivät aseta" in stories and "auttavat sopimaan" not in stories


def test_development_needs_carry_the_themes_of_the_study():
    load_demo_steps("core", "knowledge", "forums", "participation")
    themes = {need.title: need.theme_slugs for need in DevelopmentNeed.objects.prefetch_related("themes")}

    assert themes["Kirjaaminen ja lomakkeet"] == ["vaikuttavuus"]
    assert themes["Yhteinen kehittämis- ja koulutuskalenteri"] == ["viestinta"]
    assert themes["Henkilöstön ja organisaatioiden sitoutuminen"] == []
    assert themes["Vastuunjako toimijoiden kesken"] == ["tym-laki", "perehdytys", "asiakasprosessi"]


def test_the_timing_vote_asks_about_a_date_after_the_round():
    load_demo_steps("core", "knowledge", "forums", "participation")

    for poll in VotingRound.objects.filter(asks_timing=True):
        assert poll.timing_date > poll.closes_at.date()
        assert (poll.timing_date.month, poll.timing_date.day) == (1, 1)


def test_the_network_body_is_the_johtoryhma_and_the_accepted_answer_is_right():
    load_demo_steps("core", "knowledge", "forums", "calendar", "participation")
    keys = [person[0] for person in DEMO_PEOPLE]

    assert "johtoryhma.pohjanmaa" in keys and not any(key.startswith("ohjausryhma") for key in keys)
    assert get_user_model().objects.get(email=demo_email("johtoryhma.pohjanmaa")).role == "management_group"
    network_meetings = Event.objects.filter(event_type=Event.Type.STEERING_GROUP, network__isnull=False)
    assert network_meetings.exists()
    assert set(network_meetings.values_list("title", flat=True)) == {"Johtoryhmän kokous"}
    assert not Post.objects.filter(body__icontains="ohjausryhmä toivoo").exists()

    topic = Topic.objects.get(title__startswith="Palvelutarpeen arviointi kolmessa kuukaudessa")
    accepted = topic.accepted_post.body
    assert "palvelutarpeen arviointi aloitetaan" in accepted
    assert "ei ohjauspäivästä" in accepted

    discussed = LawInterpretationPage.objects.get(slug="yhteensovittamisen-tarve-ohjautumisen-perusteena")
    linked = Topic.objects.get(title__startswith="Yhteensovittamisen tarve ohjautumisen perusteena")
    assert discussed.discussion_url == linked.get_absolute_url()


def test_loading_again_corrects_untouched_pages_and_keeps_an_editors_changes():
    load_demo_steps("core", "knowledge")
    untouched = NetworkPage.objects.get(slug="satakunta")
    edited = PracticePage.objects.get(slug="rukkanen-etakonsultaatio")
    # As if an older demo had written them.
    untouched.intro = "Etäkonsultaatioverkosto koko maakunnan alueella."
    untouched.save_revision(user=get_user_model().objects.get(email=demo_email("hyvaksyja"))).publish()
    edited.results = "<p>Toimittajan oma teksti.</p>"
    editor = get_user_model().objects.get(email=demo_email("asiantuntija.satakunta"))
    edited.save_revision(user=editor).publish()

    load_demo_steps("core", "knowledge")
    revisions = untouched.revisions.count()
    load_demo_steps("knowledge")

    assert "yksitoista kuntaa" in NetworkPage.objects.get(pk=untouched.pk).intro
    assert PracticePage.objects.get(pk=edited.pk).results == "<p>Toimittajan oma teksti.</p>"
    assert untouched.revisions.count() == revisions  # a third run changes nothing


def test_the_health_care_nurse_and_a_johtoryhma_member_have_induction_paths():
    load_demo_steps("core", "knowledge", "induction")
    member = get_user_model().objects.get(email=demo_email("johtoryhma.pohjanmaa"))

    assert InductionPathPage.objects.live().filter(slug="terveydenhoitaja").exists()
    assert suggested_path_for(member, InductionPathPage.visible_to(member)).slug == "johtoryhman-jasen"
