"""Pages are public by default; a page can be limited to signed-in members."""

from wagtail.models import PageViewRestriction

from knowledge.visibility import page_access_key
from tests.factories import make_user
from typ_site.core.access import MEMBERS, PUBLIC

from .conftest import make_guidance


def restrict_to_members(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_pages_are_public_by_default(tree):
    page = make_guidance(tree)

    assert page_access_key(page) == PUBLIC


def test_a_members_only_page_has_the_members_access_key(tree):
    page = make_guidance(tree)
    restrict_to_members(page)

    assert page_access_key(page) == MEMBERS


def test_a_members_only_page_is_hidden_from_anonymous_visitors(tree, client):
    public = make_guidance(tree, title="Julkinen ohje")
    private = make_guidance(tree, title="Jäsenten ohje")
    restrict_to_members(private)

    listing = client.get(tree.guidance.url)
    titles = [page.title for page in listing.context["items"]]

    assert titles == [public.title]
    assert client.get(private.url).status_code == 302


def test_a_signed_in_member_sees_a_members_only_page(tree, client):
    private = make_guidance(tree, title="Jäsenten ohje")
    restrict_to_members(private)
    client.force_login(make_user())

    listing = client.get(tree.guidance.url)

    assert [page.title for page in listing.context["items"]] == ["Jäsenten ohje"]
    assert client.get(private.url).status_code == 200


def test_the_tag_page_hides_members_only_pages_from_anonymous_visitors(tree, client):
    public = make_guidance(tree, title="Julkinen")
    private = make_guidance(tree, title="Jäsenille")
    for page in (public, private):
        page.tags.add(tree.themes["asiakasprosessi"])
        page.save()
    restrict_to_members(private)

    response = client.get("/teemat/asiakasprosessi/")

    assert [page.title for page in response.context["items"]] == ["Julkinen"]
