"""Every page type and index costs the same number of queries however much content it has."""

import datetime

import pytest

from knowledge.models import (
    GuidanceChangeNote,
    GuidancePage,
    LawInterpretationChangeNote,
    LawInterpretationPage,
    PracticeOrganisation,
    PracticePage,
)
from tests.factories import make_network, make_user
from tests.helpers import queries_for

from .conftest import make_network_page, section

FEW, MANY = 5, 200


def add_live(parent, page, tags=()):
    """A live page without revisions: quick to create in bulk for listings."""
    for tag in tags:
        page.tags.add(tag)
    page.live = True
    parent.add_child(instance=page)
    return page


def add_guidance(tree, count, start=0):
    for number in range(start, start + count):
        page = GuidancePage(
            title=f"Ohje {number}",
            slug=f"ohje-{number}",
            intro="Tiivistelmä.",
            next_review_date=datetime.date(2030, 1, 1),
        )
        add_live(tree.guidance, page, tags=[tree.themes["asiakasprosessi"]])


def add_interpretations(tree, count, start=0):
    sections = [section("11"), section("4")]
    for number in range(start, start + count):
        page = LawInterpretationPage(
            title=f"Tulkinta {number}",
            slug=f"tulkinta-{number}",
            question="Kysymys?",
            interpretation="<p>Vastaus.</p>",
        )
        page.sections.set(sections)
        add_live(tree.interpretations, page, tags=[tree.themes["asiakasprosessi"]])


def add_practices(parent, count, networks, themes, start=0):
    for number in range(start, start + count):
        page = PracticePage(
            title=f"Käytäntö {number}",
            slug=f"kaytanto-{number}",
            problem="<p>Ongelma.</p>",
            solution="<p>Ratkaisu.</p>",
            region="satakunta",
        )
        page.networks.set(networks)
        page.organisations.add(PracticeOrganisation(organisation_type="te", name="TE"))
        page.organisations.add(PracticeOrganisation(organisation_type="hva"))
        add_live(parent, page, tags=[themes["asiakasprosessi"], themes["viestinta"]])


def assert_constant(measure, grow):
    few = measure()
    grow()
    many = measure()
    assert many == few, f"{few} queries with {FEW} items, {many} with {MANY}"


def test_guidance_index(tree, client):
    add_guidance(tree, FEW)
    assert_constant(
        lambda: queries_for(client, tree.guidance.url), lambda: add_guidance(tree, MANY - FEW, start=FEW)
    )


@pytest.mark.parametrize("filters", ["", "theme=asiakasprosessi&status=valid"])
def test_guidance_index_costs_the_same_for_5_and_60_pages_and_on_its_last_page(
    tree, client, filters, settings
):
    # The rendered listing's cost: a kept one is counted in tests/knowledge/test_member_pages.py.
    settings.PAGE_CACHE_SECONDS = 0
    url = f"{tree.guidance.url}?{filters}"
    client.force_login(make_user())
    add_guidance(tree, FEW)
    few = queries_for(client, url)
    add_guidance(tree, 60 - FEW, start=FEW)

    first_page = queries_for(client, url)
    last_page = queries_for(client, f"{url}&sivu=3")

    assert client.get(f"{url}&sivu=3").context["page_obj"].has_next() is False
    assert (first_page, last_page) == (few, few)


def test_interpretation_index(tree, client):
    add_interpretations(tree, FEW)
    assert_constant(
        lambda: queries_for(client, tree.interpretations.url),
        lambda: add_interpretations(tree, MANY - FEW, start=FEW),
    )


def test_practice_index_with_filters(tree, client, network):
    add_practices(tree.practices, FEW, [network], tree.themes)
    url = tree.practices.url + "?theme=asiakasprosessi&organisation=te"
    assert_constant(
        lambda: queries_for(client, url),
        lambda: add_practices(tree.practices, MANY - FEW, [network], tree.themes, start=FEW),
    )


def test_network_index(tree, client):
    def add_networks(count):
        for _ in range(count):
            make_network_page(tree, make_network())

    add_networks(FEW)
    assert_constant(lambda: queries_for(client, tree.networks.url), lambda: add_networks(30))


def test_network_page_with_its_practices(tree, client, network):
    page = make_network_page(tree, network)
    add_practices(page, FEW, [network], tree.themes)
    assert_constant(
        lambda: queries_for(client, page.url),
        lambda: add_practices(page, 60, [network], tree.themes, start=FEW),
    )


def test_theme_index_and_tag_page(tree, client):
    add_guidance(tree, FEW)
    add_interpretations(tree, FEW)
    assert_constant(
        lambda: (
            queries_for(client, tree.theme_index.url)
            + queries_for(client, tree.theme_index.url + "asiakasprosessi/")
        ),
        lambda: (add_guidance(tree, 100, start=FEW), add_interpretations(tree, 100, start=FEW)),
    )


def test_law_section_page(tree, client):
    add_interpretations(tree, FEW)
    assert_constant(
        lambda: queries_for(client, "/knowledge/laki/381-2023/11/"),
        lambda: add_interpretations(tree, MANY - FEW, start=FEW),
    )


BODY_BLOCK = [
    {"type": "text", "value": "<p>TYM-lain 11 §:n mukaan ja 381/2023 4 §:ssä.</p>"},
    {"type": "law_section", "value": {"section": None, "note": "Huom."}},
    {
        "type": "process_steps",
        "value": {
            "title": "Vaiheet",
            "steps": [{"title": "Alkukartoitus", "description": "<p>Kuvaus.</p>", "responsible": "te"}],
        },
    },
    {
        "type": "responsibility_matrix",
        "value": {
            "caption": "Vastuut",
            "rows": [{"step": "Arviointi", "te": "responsible", "hva": "takes_part", "kela": "informed"}],
        },
    },
    {
        "type": "faq",
        "value": {"title": "Kysymyksiä", "items": [{"question": "Mitä?", "answer": "<p>Näin.</p>"}]},
    },
    {"type": "callout", "value": {"kind": "warning", "title": "Huom", "text": "<p>Teksti.</p>"}},
]


def body(repeat: int) -> list:
    blocks = []
    for block in BODY_BLOCK * repeat:
        block = {**block}
        if block["type"] == "law_section":
            block["value"] = {"section": section("11").pk, "note": "Huom."}
        blocks.append(block)
    return blocks


def test_guidance_page(tree, client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering: a kept page is counted in test_member_pages.py
    page = GuidancePage(title="Ohje", slug="ohje", body=body(1))
    page.related_sections.set([section("11")])
    add_live(tree.guidance, page, tags=[tree.themes["asiakasprosessi"]])
    client.force_login(make_user())

    def grow():
        page.body = body(20)
        page.related_sections.set([section("1"), section("3"), section("4"), section("11")])
        for number in range(20):
            page.change_notes.add(GuidanceChangeNote(note=f"Muutos {number}"))
            page.tags.add(f"vapaa-{number}")
        page.save()

    assert_constant(lambda: queries_for(client, page.url), grow)


def test_guidance_page_costs_the_same_without_and_with_notes_sections_and_tags(tree, client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering: a kept page is counted in test_member_pages.py
    page = GuidancePage(title="Ohje", slug="ohje", intro="TYM-lain 11 §:n mukaan.", body=body(1))
    add_live(tree.guidance, page)
    client.force_login(make_user())

    def grow():
        page.related_sections.set([section("1"), section("3"), section("4"), section("11")])
        for number in range(5):
            page.change_notes.add(GuidanceChangeNote(note=f"Muutos {number}"))
            page.tags.add(f"vapaa-{number}")
        page.tags.add(tree.themes["asiakasprosessi"], tree.themes["viestinta"])
        page.save()

    assert_constant(lambda: queries_for(client, page.url), grow)


def test_law_sections_mentioned_in_several_texts_of_a_page_are_looked_up_once(tree, client):
    in_body = GuidancePage(title="Leipäteksti", slug="leipateksti", intro="Tiivistelmä.", body=body(1))
    in_both = GuidancePage(title="Molemmat", slug="molemmat", intro="TYM-lain 11 §:n mukaan.", body=body(1))
    for page in (in_body, in_both):
        add_live(tree.guidance, page)

    assert queries_for(client, in_both.url) == queries_for(client, in_body.url)


def test_interpretation_page(tree, client):
    page = LawInterpretationPage(
        title="Tulkinta",
        slug="tulkinta",
        question="Kysymys 11 § (381/2023)?",
        interpretation="<p>Vastaus.</p>",
        reasoning=body(1),
    )
    page.sections.set([section("11")])
    add_live(tree.interpretations, page)
    client.force_login(make_user())

    def grow():
        page.reasoning = body(20)
        page.sections.set([section("1"), section("3"), section("4"), section("11")])
        for number in range(20):
            page.change_notes.add(LawInterpretationChangeNote(note=f"Muutos {number}"))
        page.save()

    assert_constant(lambda: queries_for(client, page.url), grow)


@pytest.mark.parametrize("signed_in", [False, True])
def test_practice_page(tree, client, signed_in, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the rendering: a kept page is counted in test_member_pages.py
    networks = [make_network() for _ in range(5)]
    page = PracticePage(
        title="Käytäntö",
        slug="kaytanto",
        problem="<p>TYM-laki 3 §</p>",
        solution="<p>Ratkaisu.</p>",
        body=body(1),
    )
    page.networks.set(networks[:1])
    add_live(tree.practices, page)
    if signed_in:
        client.force_login(make_user())

    def grow():
        page.body = body(20)
        page.networks.set(networks)
        for organisation_type in ("te", "hva", "kela", "municipality"):
            page.organisations.add(PracticeOrganisation(organisation_type=organisation_type))
        page.save()

    assert_constant(lambda: queries_for(client, page.url), grow)
