"""The home page continues where the person left off, or suggests the path for their role."""

from knowledge.induction.models import InductionPathPage
from knowledge.induction.selectors import suggested_path_for
from tests.factories import make_user

from .conftest import make_path, structure, tick


def test_the_path_for_the_role_and_organisation_is_suggested(tree):
    make_path(tree, title="Yleinen", target_role="")
    te_path = make_path(tree, title="TE", target_role="expert", target_organisation_type="te")
    make_path(tree, title="HVA", target_role="expert", target_organisation_type="hva")

    person = make_user(role="expert", organisation_type="te")

    assert suggested_path_for(person, InductionPathPage.visible_to(person)) == te_path


def test_a_path_for_the_role_alone_is_suggested_when_no_organisation_matches(tree):
    role_path = make_path(tree, title="Esihenkilö", target_role="supervisor", target_organisation_type="")
    make_path(tree, title="Kela", target_role="supervisor", target_organisation_type="kela")

    person = make_user(role="supervisor", organisation_type="hva")

    assert suggested_path_for(person, InductionPathPage.visible_to(person)) == role_path


def test_no_path_is_suggested_to_a_person_without_a_role(tree):
    make_path(tree, target_role="")

    person = make_user(role="")

    assert suggested_path_for(person, InductionPathPage.visible_to(person)) is None


def test_the_home_page_suggests_the_path_after_the_first_sign_in(tree, client):
    make_path(tree, title="TE-asiantuntijan polku", target_role="expert", target_organisation_type="te")
    client.force_login(make_user(role="expert", organisation_type="te"))

    page = client.get(tree.home.url).content.decode()

    assert "TE-asiantuntijan polku" in page
    assert 'id="induction-home-heading"' in page


def test_the_home_page_continues_where_the_person_left_off(tree, signed_in_client):
    path = make_path(tree, title="Aloitettu polku", step_count=3)
    first = structure(path)[0]
    tick(signed_in_client, path, first, [task.id for task in first.tasks])

    page = signed_in_client.get(tree.home.url).content.decode()

    assert "Aloitettu polku" in page
    assert f"{path.url}#step-2" in page


def test_the_home_page_has_no_induction_box_for_visitors(tree, client):
    make_path(tree, target_role="")

    page = client.get(tree.home.url).content.decode()

    assert 'id="induction-home-heading"' not in page


def test_the_home_page_stops_suggesting_once_every_started_path_is_finished(tree, signed_in_client):
    path = make_path(tree, step_count=1)
    step = structure(path)[0]
    tick(signed_in_client, path, step, [task.id for task in step.tasks])

    page = signed_in_client.get(tree.home.url).content.decode()

    assert 'id="induction-home-heading"' not in page


def test_the_index_marks_the_suggested_path(tree, client):
    make_path(tree, title="HVA", target_role="expert", target_organisation_type="hva")
    client.force_login(make_user(role="expert", organisation_type="hva"))

    page = client.get(tree.index.url).content.decode()

    assert "induction-suggested" in page
