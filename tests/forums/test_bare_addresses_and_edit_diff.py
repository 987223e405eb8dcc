"""Bare web addresses in a post become safe links; the edit history shows what each edit changed."""

import pytest
from django.urls import reverse

from forums import services
from forums.diffs import text_diff
from forums.rendering import render_markdown

pytestmark = pytest.mark.django_db


def test_a_bare_address_becomes_a_link_without_the_sentence_end():
    html = render_markdown(
        "Ohje on osoitteessa https://tyomarkkinatori.fi/ohje?a=1&b=2. Katso myös (https://keha.fi)."
    )

    assert (
        '<a href="https://tyomarkkinatori.fi/ohje?a=1&amp;b=2" rel="nofollow noopener">'
        "https://tyomarkkinatori.fi/ohje?a=1&amp;b=2</a>." in html
    )
    assert '(<a href="https://keha.fi" rel="nofollow noopener">https://keha.fi</a>).' in html


def test_addresses_in_code_and_in_links_stay_as_they_are():
    html = render_markdown("`https://koodi.fi` ja [ohje](https://linkki.fi)\n\n    https://lohko.fi")

    assert "<code>https://koodi.fi</code>" in html
    assert html.count("<a ") == 1
    assert "<pre><code>https://lohko.fi" in html


@pytest.mark.parametrize(
    "text",
    [
        'https://x.fi/"onmouseover=alert(1)',
        "https://x.fi/<script>alert(1)</script>",
        "javascript:alert(1)//https://x.fi",
    ],
)
def test_an_address_cannot_carry_markup_or_scripts(text):
    html = render_markdown(text)

    assert "onmouseover=" not in html.split(">", 1)[0] or "<a" not in html
    assert "<script" not in html
    assert 'href="javascript' not in html


def test_the_difference_is_escaped_and_marked():
    diff = str(text_diff("Kesto on <b>kolme</b> kuukautta.", "Kesto on <b>kuusi</b> kuukautta."))

    assert "<b>" not in diff
    assert "<del>" in diff and "&lt;b&gt;kolme&lt;/b&gt;" in diff
    assert "<ins>" in diff and "&lt;b&gt;kuusi&lt;/b&gt;" in diff
    assert diff.startswith("Kesto on ")


def test_the_history_shows_each_edit_as_a_difference(client, member, network_topic):
    post = network_topic.posts.get()
    services.edit_post(member, post, body="Sovitaanko ensi kuun palaverin aika?", title="Palaveri")
    services.edit_post(member, post, body="Sovitaanko ensi kuun palaverin paikka?")
    client.force_login(member)

    page = client.get(reverse("forums:post_history", args=[post.pk])).content.decode()

    edits = page[page.index('id="edit-1"') :]
    assert edits.index("paikka?") < edits.index("viikon")  # the newest edit first
    assert "<del><span" in edits and "<ins><span" in edits
    assert "Verkoston oma keskustelu" in page and "Palaveri" in page  # the title's change
