"""Editors can only build valid trees: each page type has its place."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import (
    GuidanceIndexPage,
    GuidancePage,
    LawInterpretationIndexPage,
    LawInterpretationPage,
    NetworkIndexPage,
    NetworkPage,
    PracticeIndexPage,
    PracticePage,
    ThemeIndexPage,
)

from .conftest import make_network_page

INDEXES = [GuidanceIndexPage, LawInterpretationIndexPage, PracticeIndexPage, NetworkIndexPage, ThemeIndexPage]


@pytest.mark.parametrize("index_model", INDEXES)
def test_section_indexes_live_directly_under_the_home_page(tree, index_model):
    assert index_model.allowed_parent_page_models() == [tree.home.specific_class]


@pytest.mark.parametrize("index_model", INDEXES)
def test_a_home_page_has_at_most_one_index_of_each_kind(tree, index_model):
    assert not index_model.can_create_at(tree.home)


def test_guidance_goes_only_under_the_guidance_index(tree):
    assert GuidancePage.can_create_at(tree.guidance)
    assert not GuidancePage.can_create_at(tree.home)
    assert not GuidancePage.can_create_at(tree.interpretations)
    assert not GuidancePage.can_create_at(tree.practices)


def test_interpretations_go_only_under_the_interpretation_index(tree):
    assert LawInterpretationPage.can_create_at(tree.interpretations)
    assert not LawInterpretationPage.can_create_at(tree.guidance)
    assert not LawInterpretationPage.can_create_at(tree.home)


def test_practices_go_under_the_practice_index_or_a_network_page(tree, network):
    network_page = make_network_page(tree, network)

    assert PracticePage.can_create_at(tree.practices)
    assert PracticePage.can_create_at(network_page)
    assert not PracticePage.can_create_at(tree.guidance)
    assert not PracticePage.can_create_at(tree.networks)


def test_network_pages_go_only_under_the_network_index(tree):
    assert NetworkPage.can_create_at(tree.networks)
    assert not NetworkPage.can_create_at(tree.practices)
    assert not NetworkPage.can_create_at(tree.home)


def test_content_pages_have_no_children(tree):
    for model in (GuidancePage, LawInterpretationPage, PracticePage):
        assert model.allowed_subpage_models() == []
    assert ThemeIndexPage.allowed_subpage_models() == []


def test_a_network_has_only_one_page(tree, network):
    make_network_page(tree, network)
    duplicate = NetworkPage(title="Toinen", slug="toinen", network=network)

    with pytest.raises(ValidationError) as error:
        tree.networks.add_child(instance=duplicate)

    assert "network" in error.value.message_dict


def test_the_section_indexes_appear_in_the_main_navigation(tree, client):
    response = client.get("/")

    labels = [item["label"] for item in response.context["main_navigation"]]
    assert {"Ohjeet", "Lain tulkinnat", "Käytännöt", "Verkostot", "Teemat"} <= set(labels)
