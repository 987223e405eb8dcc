"""Text that names a law section links to that section's interpretations, in any inflection."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from knowledge.law_links import find_section_mentions, link_law_sections
from knowledge.models import LawSection

from .conftest import make_guidance, make_interpretation, publish, section

SECTION_11 = "/knowledge/laki/381-2023/11/"


@pytest.mark.parametrize(
    ("text", "mention", "section", "statute"),
    [
        ("Katso 381/2023 11 § tarkemmin.", "381/2023 11 §", "11", "381/2023"),
        ("Tämä perustuu TYM-lain 11 §:n säännökseen.", "TYM-lain 11 §:n", "11", None),
        ("TYM-laki 11 § koskee tietoja.", "TYM-laki 11 §", "11", None),
        ("Ks. 11 § (381/2023).", "11 § (381/2023)", "11", "381/2023"),
        ("Kuten lain 381/2023 4 §:ssä säädetään", "381/2023 4 §:ssä", "4", "381/2023"),
        ("TYM-lain 11 §:n 1 momentti sallii", "TYM-lain 11 §:n 1 momentti", "11", None),
        (
            "TYM-lain (381/2023) 11 §:n 3 momentissa",
            "TYM-lain (381/2023) 11 §:n 3 momentissa",
            "11",
            "381/2023",
        ),
        ("mukaiseen (381/2023, 4§) suunnitelmaan", "(381/2023, 4§)", "4", "381/2023"),
        ("381/2023 4 a §:n mukaan", "381/2023 4 a §:n", "4a", "381/2023"),
    ],
)
def test_finds_section_mentions_in_their_inflected_forms(text, mention, section, statute):
    [found] = find_section_mentions(text)

    assert found.text == mention
    assert found.section == section
    assert found.statute == statute


def test_text_without_a_statute_is_not_a_mention():
    assert find_section_mentions("Katso 11 § ja sivu 381.") == []


def test_links_inflected_mentions_to_the_sections_page(tree):
    html = link_law_sections("<p>TYM-lain 11 §:n mukaan ja 381/2023 4 §:ssä.</p>")

    assert f'<a class="law-link" href="{SECTION_11}"' in html
    assert ">TYM-lain 11 §:n</a>" in html
    assert 'href="/knowledge/laki/381-2023/4/"' in html


def test_existing_links_are_left_alone(tree):
    html = '<p><a href="/muu/">TYM-lain 11 §</a> ja TYM-laki 3 §</p>'

    linked = link_law_sections(html)

    assert linked.count("<a ") == 2
    assert '<a href="/muu/">TYM-lain 11 §</a>' in linked
    assert ">TYM-laki 3 §</a>" in linked


def test_sections_that_do_not_exist_are_not_linked(tree):
    assert link_law_sections("<p>381/2023 99 §</p>") == "<p>381/2023 99 §</p>"


def test_mentions_inside_attributes_are_not_touched(tree):
    html = '<p title="381/2023 11 §">teksti</p>'

    assert link_law_sections(html) == html


def test_the_template_filter_escapes_plain_text(tree):
    template = Template("{% load knowledge_tags %}{{ value|link_law_sections }}")

    rendered = template.render(Context({"value": "<script>alert(1)</script> TYM-laki 11 §"}))

    assert "<script>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert f'href="{SECTION_11}"' in rendered


def test_the_template_filter_keeps_rich_text_html(tree):
    template = Template("{% load knowledge_tags wagtailcore_tags %}{{ value|richtext|link_law_sections }}")

    rendered = template.render(Context({"value": "<p><b>Huom:</b> TYM-lain 11 §:n</p>"}))

    assert "<b>Huom:</b>" in rendered
    assert ">TYM-lain 11 §:n</a>" in rendered


def test_the_sections_page_lists_its_interpretations(tree, client):
    make_interpretation(tree, title="Tietojen vaihto", sections=("11",))
    make_interpretation(tree, title="Kelan osuus", sections=("4",))

    response = client.get(SECTION_11)

    titles = [page.title for page in response.context["interpretations"]]
    assert titles == ["Tietojen vaihto"]


def test_a_page_mentioning_a_section_links_it(tree, client):
    page = make_interpretation(tree, question="Miten TYM-lain 11 §:n 1 momenttia sovelletaan?")

    response = client.get(page.url)

    assert f'href="{SECTION_11}"' in response.content.decode()


def test_a_section_added_is_linked_on_the_next_view(database_cache, tree, client):
    """The sections are kept in the process while no content changes: a new section is one."""
    page = make_interpretation(tree, question="Miten TYM-lain 11 § ja TYM-lain 12 § liittyvät toisiinsa?")
    first = client.get(page.url).content.decode()
    LawSection.objects.create(statute=section("11").statute, number="12", title="Uusi pykälä")

    second = client.get(page.url).content.decode()

    assert f'href="{SECTION_11}"' in first
    assert "/381-2023/12/" not in first
    assert 'href="/knowledge/laki/381-2023/12/"' in second


def test_an_unknown_section_page_is_not_found(tree, client):
    assert client.get("/knowledge/laki/381-2023/99/").status_code == 404


def test_the_sections_page_lists_each_page_once_in_the_readers_language(tree, client):
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    publish(tree.home.copy_for_translation(swedish))
    for index in (tree.guidance, tree.interpretations):
        publish(index.copy_for_translation(swedish))
    translated = make_guidance(tree, title="Tietojen vaihto")
    translated.related_sections.set([section("11")])
    publish(translated)
    finnish_only = make_guidance(tree, title="Kirjaaminen")
    finnish_only.related_sections.set([section("11")])
    publish(finnish_only)
    in_swedish = translated.copy_for_translation(swedish)  # keeps the sections
    in_swedish.title = "Informationsutbyte"
    publish(in_swedish)
    interpretation = make_interpretation(tree, title="Tulkinta tiedoista", sections=("11",))
    swedish_interpretation = interpretation.copy_for_translation(swedish)
    swedish_interpretation.title = "Tolkning om uppgifter"
    publish(swedish_interpretation)

    finnish = client.get(SECTION_11)
    with translation.override("sv"):
        swedish_page = client.get(reverse("knowledge:law_section", args=["381-2023", "11"]))

    assert [page.title for page in finnish.context["guidance"]] == ["Kirjaaminen", "Tietojen vaihto"]
    assert [page.title for page in finnish.context["interpretations"]] == ["Tulkinta tiedoista"]
    assert [page.title for page in swedish_page.context["guidance"]] == ["Informationsutbyte", "Kirjaaminen"]
    assert [page.title for page in swedish_page.context["interpretations"]] == ["Tolkning om uppgifter"]
    content = swedish_page.content.decode()
    assert '<a href="/sv/ohjeet/' in content and 'lang="fi">Kirjaaminen</a>' in content
