"""Posts are Markdown rendered to sanitised HTML: no raw HTML, no script, only safe links."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from forums import services
from forums.rendering import render_markdown

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">klikkaa</a>',
    "[klikkaa](javascript:alert(1))",
    "[klikkaa](JaVaScRiPt:alert(1))",
    "[klikkaa](&#106;avascript:alert(1))",
    "[klikkaa](java\tscript:alert(1))",
    "[klikkaa](vbscript:msgbox(1))",
    "[klikkaa](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![kuva](javascript:alert(1))",
    '![kuva](x" onerror="alert(1))',
    '[a](http://example.fi" onclick="alert(1))',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>body{display:none}</style>",
    "<form action=//evil.example><input name=p></form>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<!--<script>alert(1)</script>-->",
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
    "```\n<script>alert(1)</script>\n```",
    "<details open ontoggle=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<base href=javascript:/>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "@[<img src=x onerror=alert(1)>]",
    "> <img src=x onerror=alert(1)>",
    "* <a href=javascript:alert(1)>x</a>",
]

SAFE_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
}
SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|/|#|[^:]*$)", re.IGNORECASE)


class _Inspector(HTMLParser):
    """Collects what a browser would treat as markup: tags, attributes and link targets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "src", "srcdoc", "formaction"}:
                self.problems.append(f"attribute {name}")
            if name == "href" and not SAFE_SCHEMES.match((value or "").strip()):
                self.problems.append(f"link {value}")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.problems.append("comment")


def problems_in(html: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.problems


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_rendered_harmless(payload):
    html = render_markdown(payload)

    assert problems_in(html) == [], html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_in_a_post_is_harmless_on_the_topic_page(client, member, network_forum, payload):
    post = services.start_topic(member, network_forum, title="Testi", body=payload)
    client.force_login(member)

    page = client.get(reverse("forums:topic", args=[post.topic_id])).content.decode()
    body = page.split('class="forum-post-body">', 1)[1].split("</div>", 1)[0]

    assert problems_in(body) == [], body


def test_raw_html_is_shown_as_text():
    assert render_markdown("<b>lihava</b>") == "<p>&lt;b&gt;lihava&lt;/b&gt;</p>"


def test_markdown_formatting_works():
    html = render_markdown("**lihava** ja *kursiivi*\n\n- yksi\n- kaksi\n\n> lainaus")

    assert "<strong>lihava</strong>" in html
    assert "<em>kursiivi</em>" in html
    assert "<li>yksi</li>" in html
    assert "<blockquote>" in html


@pytest.mark.parametrize(
    "url",
    [
        "https://www.finlex.fi/fi/laki/alkup/2023/20230381",
        "http://example.fi/sivu",
        "mailto:tuki@example.fi",
    ],
)
def test_safe_links_keep_their_address_and_get_nofollow(url):
    html = render_markdown(f"[linkki]({url})")

    assert f'href="{url}"' in html
    assert 'rel="nofollow noopener"' in html


def test_headings_in_a_post_stay_below_the_page_headings():
    html = render_markdown("# Otsikko\n\n## Alaotsikko")

    assert "<h1" not in html and "<h2" not in html and "<h3" not in html
    assert "<h4>Otsikko</h4>" in html
