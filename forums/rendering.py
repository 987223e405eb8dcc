"""Markdown to safe HTML for forum posts.

Raw HTML in the text is shown as text (the Markdown HTML parsers are switched off), and the
rendered HTML is sanitised again with nh3: only a small set of tags, links only to http, https
and mailto, every link with rel="nofollow noopener". Headings start at h4, below the author
heading of each post, so that a post never competes with the page's own headings. A bare web
address in the text ("https://tyomarkkinatori.fi/...") becomes a link, outside code and links,
and passes the same sanitiser as every other link.
"""

import re
import xml.etree.ElementTree as etree  # noqa: S405  (builds elements, parses nothing)

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
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
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
MENTION_CLASS = "forum-mention"

# A mention is written @[First Last]; see forums.mentions.
MENTION_PATTERN = re.compile(r"@\[([^\[\]\n<>]{1,100})\]")


class _ShiftHeadings(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if re.fullmatch(r"h[1-6]", element.tag):
                element.tag = f"h{min(int(element.tag[1]) + 3, 6)}"


# A web address written as it is; the characters Markdown uses for its own placeholders end it.
BARE_ADDRESS = re.compile(r"\bhttps?://[^\s<>\"'`\x02\x03]+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?'\"]}"
_NOT_LINKED_INSIDE = frozenset({"a", "code", "pre"})


def _address_end(address: str) -> str:
    """The address without the punctuation that ends the sentence around it ("(see https://x.fi).")."""
    while address and (
        address[-1] in _TRAILING_PUNCTUATION
        or (address[-1] == ")" and address.count("(") < address.count(")"))
    ):
        address = address[:-1]
    return address


def _linked(text: str | None) -> tuple[str | None, list[etree.Element]]:
    """The text up to its first address, and the links (each with the text after it as tail)."""
    if not text or "://" not in text:
        return text, []
    head: str | None = None
    links: list[etree.Element] = []
    position = 0
    for match in BARE_ADDRESS.finditer(text):
        address = _address_end(match.group(0))
        if "://" not in address or address.endswith("://"):
            continue
        before = text[position : match.start()]
        if links:
            links[-1].tail = before
        else:
            head = before
        link = etree.Element("a", {"href": address})
        link.text = address
        links.append(link)
        position = match.start() + len(address)
    if not links:
        return text, []
    links[-1].tail = text[position:]
    return head, links


class _LinkBareAddresses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._link(root)

    def _link(self, element: etree.Element) -> None:
        if element.tag in _NOT_LINKED_INSIDE:
            return
        element.text, links = _linked(element.text)
        for index, link in enumerate(links):
            element.insert(index, link)
        index = len(links)
        while index < len(element):
            child = element[index]
            self._link(child)
            child.tail, links = _linked(child.tail)
            for offset, link in enumerate(links, start=1):
                element.insert(index + offset, link)
            index += 1 + len(links)


class _ForumExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802  (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_ShiftHeadings(md), "forum_headings", 5)
        # After the inline patterns (priority 20): links and code spans exist by then.
        md.treeprocessors.register(_LinkBareAddresses(md), "forum_bare_addresses", 4)


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["fenced_code", "tables", "sane_lists", _ForumExtension()],
        output_format="html",
    )


def _mark_mentions(html: str) -> str:
    return MENTION_PATTERN.sub(lambda match: f'<span class="{MENTION_CLASS}">@{match.group(1)}</span>', html)


def _safe_attribute(tag: str, name: str, value: str) -> str | None:
    """Drop a link whose address has whitespace or control characters (browsers remove tabs
    and newlines from addresses, which could turn "java\tscript:" into a script)."""
    if name == "href" and any(character.isspace() or ord(character) < 32 for character in value):
        return None
    return value


def render_markdown(text: str) -> str:
    """The post's text as sanitised HTML."""
    html = _mark_mentions(_markdown().convert(text or ""))
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener",
        tag_attribute_values={"span": {"class": {MENTION_CLASS}}},
        clean_content_tags={"script", "style"},
        attribute_filter=_safe_attribute,
        strip_comments=True,
    )


def quote_as_markdown(author_name: str, text: str) -> str:
    """The start of a reply that quotes a post."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in text.strip().splitlines())
    return f"> **{author_name}:**\n{quoted}\n\n"
