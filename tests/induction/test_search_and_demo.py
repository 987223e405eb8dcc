"""Paths are found by their steps' text; the demo paths load and can be loaded again."""

from django.contrib.auth import get_user_model

from knowledge.induction.demo import load_induction_demo
from knowledge.induction.models import CompletedTask, InductionPathPage
from knowledge.induction.structure import path_structure
from tests.helpers import load_demo_steps
from typ_site.core.demo import demo_email

from .conftest import make_path


def test_the_search_text_has_the_goals_and_tasks(tree):
    path = make_path(tree, step_count=2)

    text = path.search_document_text()

    assert "Tavoite 2" in text
    assert "Tehtävä 2.1" in text
    assert InductionPathPage.search_kind == "induction"


def test_the_demo_paths_load_and_can_be_loaded_again(client):
    load_demo_steps("core", "knowledge", "induction")
    ticks = CompletedTask.objects.count()
    load_induction_demo()

    paths = list(InductionPathPage.objects.live())
    assert len(paths) >= 3
    assert all(len(path_structure(path)) >= 5 for path in paths)
    assert all(step.reading_ids for path in paths for step in path_structure(path))
    assert CompletedTask.objects.count() == ticks
    newcomer = get_user_model().objects.get(email=demo_email("uusi.satakunta"))
    client.force_login(newcomer)
    for path in paths:
        assert client.get(path.url).status_code == 200
    assert "Jatka siitä, mihin jäit" in client.get("/").content.decode()


def test_the_demo_induction_section_is_in_swedish_under_sv(client):
    load_demo_steps("core", "knowledge", "induction")
    load_induction_demo()  # again: the translations are not made twice

    swedish_paths = InductionPathPage.objects.live().filter(locale__language_code="sv")
    finnish_paths = InductionPathPage.objects.live().filter(locale__language_code="fi")
    assert swedish_paths.count() == finnish_paths.count() >= 6
    client.force_login(get_user_model().objects.get(email=demo_email("uusi.satakunta")))
    front_page = client.get("/sv/").content.decode()
    menu = front_page[front_page.index('id="site-menu"') : front_page.index("<main")]
    assert ">Introduktion<" in menu
    assert "Perehdytys" not in menu
    index = client.get("/sv/perehdytys/")
    assert index.status_code == 200
    text = index.content.decode()
    assert "Introduktionsstig för socialhandledare" in text
    assert "Sosiaaliohjaajan perehdytyspolku" not in text
    path = swedish_paths.get(slug="sosiaaliohjaaja")
    finnish = finnish_paths.get(slug="sosiaaliohjaaja")
    assert [len(step.tasks) for step in path_structure(path)] == [
        len(step.tasks) for step in path_structure(finnish)
    ]
    assert "Delta i två gemensamma kundmöten" in client.get(path.url).content.decode()
