"""The main menu groups the knowledge sections and marks the section a page belongs to."""

import re

from .conftest import make_guidance

ENTRY = re.compile(r'<ul class="main-nav">(.*?)</nav>', re.S)


def menu(content: str) -> str:
    return ENTRY.search(content).group(1)


def top_level_entries(content: str) -> int:
    nav = menu(content)
    # Entries are the menu's own <li>s; a group's links sit in a nested list.
    depth, count = 0, 0
    for tag in re.findall(r"<(/?)(ul|li)\b", nav):
        closing, name = tag
        if name == "ul":
            depth += -1 if closing else 1
        elif name == "li" and not closing and depth == 0:
            count += 1
    return count


def test_the_knowledge_sections_share_one_entry_and_the_menu_stays_short(tree, client):
    content = client.get("/").content.decode()

    nav = menu(content)
    assert re.search(r"<summary>Tietopankki</summary>\s*<ul>.*Ohjeet.*Lain tulkinnat.*Teemat", nav, re.S)
    assert top_level_entries(content) <= 7


def test_a_guidance_page_marks_its_section_and_group_as_current(tree, client):
    guidance = make_guidance(tree)

    nav = menu(client.get(guidance.url).content.decode())

    assert '<summary aria-current="true">Tietopankki</summary>' in nav
    assert '<a href="/ohjeet/" aria-current="true">Ohjeet</a>' in nav
    assert '<a href="/tulkinnat/">Lain tulkinnat</a>' in nav


def test_a_section_index_is_the_current_page(tree, client):
    nav = menu(client.get("/kaytannot/").content.decode())

    assert '<a href="/kaytannot/" aria-current="page">Käytännöt</a>' in nav
    assert "<summary>Tietopankki</summary>" in nav


def test_an_app_section_is_marked_on_its_pages_below(tree, client):
    nav = menu(client.get("/calendar/agenda/").content.decode())

    assert 'aria-current="true">Kalenteri</a>' in nav
