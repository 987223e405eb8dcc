"""The induction pages cost the same number of queries however many steps, paths or people."""

from wagtail.models import Locale

from knowledge.induction.blocks import step_data
from knowledge.induction.models import CompletedTask, Enrolment
from knowledge.induction.structure import path_structure
from knowledge.models import GuidancePage
from tests.factories import make_member, make_network, make_network_admin
from tests.helpers import queries_for

from .conftest import add_page, edit_steps, make_path, publish, structure, tick

FEW, MANY = 5, 60


def more_guidance(tree, count, start):
    return [
        add_page(tree.guidance_index, GuidancePage(title=f"Lisäohje {n}", slug=f"lisa-{n}"))
        for n in range(start, start + count)
    ]


def test_the_path_page_does_not_grow_with_steps_and_links(tree, signed_in_client):
    path = make_path(tree, step_count=FEW, reading=tree.guidance)
    for step in structure(path):
        tick(signed_in_client, path, step, [step.tasks[0].id])
    few = queries_for(signed_in_client, path.url)

    extra_pages = more_guidance(tree, 10, start=100)
    path = edit_steps(
        path,
        lambda raw: (
            raw
            + [
                step_data(
                    f"Lisävaihe {n}", "Tavoite", ["A", "B", "C"], reading=[page.pk for page in extra_pages]
                )
                for n in range(MANY - FEW)
            ]
        ),
    )
    for step in structure(path)[FEW:]:
        tick(signed_in_client, path, step, [step.tasks[0].id])

    assert queries_for(signed_in_client, path.url) == few


def start_people(network, path, count):
    steps = path_structure(path)
    for _ in range(count):
        person = make_member(network)
        Enrolment.objects.create(user=person, path=path)
        CompletedTask.objects.bulk_create(
            [CompletedTask(user=person, path=path, task_id=step.tasks[0].id) for step in steps]
        )


def test_the_follow_up_table_does_not_grow_with_people_or_paths(tree, client):
    network = make_network()
    admin = make_network_admin(network)
    first_path = make_path(tree)
    start_people(network, first_path, FEW)
    client.force_login(admin)
    url = tree.index.follow_up_url()
    few = queries_for(client, url)

    for _ in range(3):
        start_people(network, make_path(tree), (MANY - FEW) // 3)

    assert queries_for(client, url) == few


def test_the_index_does_not_grow_with_paths(tree, signed_in_client):
    for _ in range(FEW):
        make_path(tree)
    few = queries_for(signed_in_client, tree.index.url)

    for _ in range(15):
        path = make_path(tree)
        signed_in_client.post(path.start_url())

    assert queries_for(signed_in_client, tree.index.url) == few


def test_the_home_box_does_not_grow_with_started_paths(tree, signed_in_client):
    path = make_path(tree)
    signed_in_client.post(path.start_url())
    few = queries_for(signed_in_client, tree.home.url)

    for _ in range(15):
        signed_in_client.post(make_path(tree).start_url())

    assert queries_for(signed_in_client, tree.home.url) == few


def test_the_swedish_path_page_does_not_grow_with_translated_links(tree, signed_in_client):
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(swedish))
    publish(tree.guidance_index.copy_for_translation(swedish))
    publish(tree.index.copy_for_translation(swedish))
    for page in tree.guidance[:2]:
        publish(page.copy_for_translation(swedish))
    path = make_path(tree, step_count=FEW, reading=tree.guidance)
    swedish_path = publish(path.copy_for_translation(swedish))
    few = queries_for(signed_in_client, swedish_path.url)

    extra_pages = more_guidance(tree, 10, start=100)
    for page in extra_pages[:6]:
        publish(page.copy_for_translation(swedish))
    swedish_path = edit_steps(
        swedish_path,
        lambda raw: (
            raw
            + [
                step_data(f"Steg {n}", "Mål", ["A", "B"], reading=[page.pk for page in extra_pages])
                for n in range(MANY - FEW)
            ]
        ),
    )

    assert "Lisäohje 100" in signed_in_client.get(swedish_path.url).content.decode()
    assert queries_for(signed_in_client, swedish_path.url) == few
