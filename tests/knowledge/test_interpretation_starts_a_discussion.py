"""An interpretation page offers to start a discussion of it, in the forums the reader may
post in; the new topic form then links the page."""

import pytest
from django.urls import reverse

from forums.models import Forum
from tests.factories import make_member, make_network

from .conftest import make_interpretation


@pytest.fixture
def forums(db):
    network = make_network("Satakunnan verkosto", slug="satakunta")
    other = make_network("Kymenlaakson verkosto", slug="kymenlaakso")
    return {
        "national": Forum.objects.create(name="Lain tulkinta", slug="lain-tulkinta", kind="national"),
        "own": Forum.objects.create(name="Satakunnan oma", slug="satakunta", kind="network", network=network),
        "other": Forum.objects.create(
            name="Kymenlaakson oma", slug="kymenlaakso", kind="network", network=other
        ),
        "network": network,
    }


def test_the_page_links_the_new_topic_form_of_the_forums_the_reader_may_use(client, tree, forums):
    page = make_interpretation(tree, title="Yhteensovittamisen tarve")
    client.force_login(make_member(forums["network"]))

    html = client.get(page.url).content.decode()

    national = f"{reverse('forums:new_topic', args=['lain-tulkinta'])}?page={page.pk}"
    own = f"{reverse('forums:new_topic', args=['satakunta'])}?page={page.pk}"
    assert national in html and own in html
    assert reverse("forums:new_topic", args=["kymenlaakso"]) not in html

    form = client.get(national)
    assert form.context["form"].initial["related_pages"] == [page.pk]


def test_anonymous_readers_are_not_offered_a_forum(client, tree, forums):
    page = make_interpretation(tree)

    html = client.get(page.url).content.decode()

    assert reverse("forums:new_topic", args=["lain-tulkinta"]) not in html
