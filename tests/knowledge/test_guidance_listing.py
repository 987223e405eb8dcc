"""The guidance index lists the live guidance a visitor may see, by title, 20 to a page."""

import re

from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from knowledge.models import GuidancePage
from tests.factories import make_user

from .conftest import make_guidance

TAG_LINK = re.compile(r'<a class="tag" href="([^"]*)">([^<]+)</a>')


def add_guidance(tree, title, *, slug=None, tags=(), live=True, **fields):
    """A guidance page without revisions: quick to create many."""
    slug = slug or re.sub(r"\W+", "-", title.lower())
    page = GuidancePage(title=title, slug=slug, live=live, **fields)
    for tag in tags:
        page.tags.add(tag)
    tree.guidance.add_child(instance=page)
    return page


def titles(response) -> list[str]:
    return [page.title for page in response.context["items"]]


def tag_links(response) -> list[tuple[str, str]]:
    """(label, address) of the tag links in the listing, in order."""
    return [(label, href) for href, label in TAG_LINK.findall(response.content.decode())]


def test_guidance_is_listed_by_title_twenty_to_a_page(tree, client):
    names = [f"Ohje {number:02d}" for number in range(25)]
    for name in reversed(names):
        add_guidance(tree, name)

    first = client.get(tree.guidance.url)
    second = client.get(tree.guidance.url + "?page=2")

    assert titles(first) == names[:20]
    assert titles(second) == names[20:]
    assert "25 ohjetta" in first.content.decode()
    assert second.context["page_obj"].number == 2
    assert not second.context["page_obj"].has_next()


def test_paging_through_the_whole_listing_shows_every_page_once_in_title_order(tree, client):
    names = [f"Ohje {number:02d}" for number in range(45)]
    for name in names[::2] + names[1::2]:
        add_guidance(tree, name)

    shown = []
    for number in (1, 2, 3):
        shown += titles(client.get(f"{tree.guidance.url}?page={number}"))

    assert shown == names


def test_pages_with_the_same_title_are_not_repeated_or_lost_between_pages(tree, client):
    for number in range(30):
        add_guidance(tree, "Sama otsikko", slug=f"sama-{number}")

    first = client.get(tree.guidance.url)
    second = client.get(tree.guidance.url + "?sivu=2")
    shown = [page.pk for page in first.context["items"]] + [page.pk for page in second.context["items"]]

    assert sorted(shown) == sorted(GuidancePage.objects.values_list("pk", flat=True))


def test_a_page_number_past_the_end_shows_the_last_page(tree, client):
    for number in range(21):
        add_guidance(tree, f"Ohje {number:02d}")

    response = client.get(tree.guidance.url + "?sivu=99")

    assert titles(response) == ["Ohje 20"]


def test_drafts_are_not_listed(tree, client):
    add_guidance(tree, "Julkaistu")
    add_guidance(tree, "Luonnos", live=False)

    assert titles(client.get(tree.guidance.url)) == ["Julkaistu"]


def test_members_only_guidance_is_listed_to_members_only(tree, client):
    add_guidance(tree, "Julkinen")
    private = add_guidance(tree, "Jäsenille")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    anonymous = titles(client.get(tree.guidance.url))
    client.force_login(make_user())
    member = titles(client.get(tree.guidance.url))

    assert anonymous == ["Julkinen"]
    assert member == ["Julkinen", "Jäsenille"]


def test_the_theme_filter_lists_the_guidance_with_that_theme(tree, client):
    add_guidance(tree, "Prosessista", tags=[tree.themes["asiakasprosessi"]])
    add_guidance(tree, "Viestinnästä", tags=[tree.themes["viestinta"]])

    response = client.get(tree.guidance.url + "?theme=asiakasprosessi")

    assert titles(response) == ["Prosessista"]


def test_the_status_filter_lists_the_guidance_with_that_status(tree, client):
    add_guidance(tree, "Voimassa")
    replacement = add_guidance(tree, "Uusi")
    add_guidance(tree, "Korvattu", status="superseded", superseded_by=replacement)

    response = client.get(tree.guidance.url + "?status=superseded")

    assert titles(response) == ["Korvattu"]


def test_each_listed_guidance_links_its_tags_in_the_order_they_were_added(tree, client):
    add_guidance(tree, "Ohje", tags=[tree.themes["viestinta"], tree.themes["asiakasprosessi"]])

    response = client.get(tree.guidance.url)

    assert tag_links(response) == [
        ("Viestintä ja tiedon jakaminen", "/teemat/viestinta/"),
        ("Asiakasprosessi", "/teemat/asiakasprosessi/"),
    ]


def test_in_swedish_the_listed_tags_link_the_swedish_tag_pages(tree, client):
    add_guidance(tree, "Ohje", tags=[tree.themes["asiakasprosessi"]])

    response = client.get("/sv" + tree.guidance.url)

    assert [href for _label, href in tag_links(response)] == ["/sv/teemat/asiakasprosessi/"]


def test_without_a_themes_page_the_tags_are_still_listed(tree, client):
    add_guidance(tree, "Ohje", tags=[tree.themes["asiakasprosessi"]])
    tree.theme_index.unpublish()

    response = client.get(tree.guidance.url)

    assert tag_links(response) == [("Asiakasprosessi", "")]


def test_the_guidance_page_links_its_tags_in_the_order_they_were_added(tree, client):
    page = make_guidance(tree)
    page.tags.add(tree.themes["viestinta"], tree.themes["asiakasprosessi"])
    page.save()

    response = client.get(page.url)

    assert tag_links(response) == [
        ("Viestintä ja tiedon jakaminen", "/teemat/viestinta/"),
        ("Asiakasprosessi", "/teemat/asiakasprosessi/"),
    ]


def test_a_preview_shows_the_tags_being_edited(tree, rf):

    page = make_guidance(tree)
    page.tags.add(tree.themes["asiakasprosessi"])  # in the editor, not saved yet
    request = rf.get(page.url)
    request.user = AnonymousUser()

    response = page.serve_preview(request, page.default_preview_mode)

    assert tag_links(response.render()) == [("Asiakasprosessi", "/teemat/asiakasprosessi/")]


def test_the_old_page_parameter_still_opens_the_same_page(tree, client):
    names = [f"Ohje {number:02d}" for number in range(25)]
    for name in names:
        add_guidance(tree, name)

    old = client.get(tree.guidance.url + "?sivu=2")

    assert titles(old) == titles(client.get(tree.guidance.url + "?page=2")) == names[20:]


def test_the_page_links_keep_the_filters_and_use_one_parameter(tree, client):
    for number in range(25):
        add_guidance(tree, f"Ohje {number:02d}", status="valid")

    content = client.get(tree.guidance.url + "?status=valid&sivu=1").content.decode()

    pagination = content.split('<nav class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert 'href="?status=valid&amp;page=2" rel="next"' in pagination
    assert "sivu=" not in pagination
