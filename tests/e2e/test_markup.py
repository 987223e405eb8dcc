"""Valid markup: the Nu HTML Checker (vnu-jar, pinned in package.json) over every page type of
the accessibility checks, in Finnish and Swedish, as the server sent each page to the browser
(forms sent back with errors included). The server's own markup is checked, not the browser's
repaired copy of it: a parser would silently close an unclosed element.

The pages are saved into a temporary folder and checked in one run of the checker (starting
Java takes seconds; checking a page takes milliseconds). A page that is known to be invalid is
checked with them, so a checker that reports nothing fails the test instead of passing it.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.e2e.pages import LANGUAGE_PREFIXES, PAGES, sign_in_with_session
from tests.e2e.test_accessibility import finnish_address

pytestmark = pytest.mark.e2e

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
KNOWN_INVALID = "known-invalid.html"
# An unclosed <span> across a paragraph and a combobox on a search field: both were on the site.
KNOWN_INVALID_MARKUP = """<!DOCTYPE html><html lang="fi"><head><title>x</title></head><body>
<p><span>a</p></span><input type="search" role="combobox" aria-expanded="false"></body></html>"""


def _file_name(name: str, language: str) -> str:
    return f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}-{language}.html"


def _keep_documents(page, documents: list):
    """A response listener that keeps the page's documents (a redirect has no page of its own)."""

    def keep(response) -> None:
        is_page = response.frame == page.main_frame and response.request.resource_type == "document"
        if is_page and not 300 <= response.status < 400:
            documents.append(response)

    return keep


def run_checker(folder: Path) -> dict[str, list[str]]:
    """{file name: its errors} for every .html file in the folder, in one Java run."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.fail("The markup check needs Java and node_modules/vnu-jar: run scripts/install-browser.sh")
    files = sorted(str(path) for path in folder.glob("*.html"))
    result = subprocess.run(  # noqa: S603  (our own arguments)
        [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors: dict[str, list[str]] = {Path(path).name: [] for path in files}
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] not in ("error", "non-document-error"):
            continue
        name = Path(message.get("url", "").removeprefix("file:")).name
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        extract = " ".join(message.get("extract", "").split())[:120]
        errors.setdefault(name, []).append(f"{where}{message['message']} [{extract}]")
    return errors


def test_every_page_type_is_valid_html(new_context, live_server, people, tmp_path):
    (tmp_path / KNOWN_INVALID).write_text(KNOWN_INVALID_MARKUP, encoding="utf-8")
    addresses = {}
    for page_under_test in PAGES:
        context = new_context()
        page = context.new_page()
        documents: list = []  # the pages the server sent, the last one is what the browser shows
        page.on("response", _keep_documents(page, documents))
        if page_under_test.signed_in:
            sign_in_with_session(context, getattr(people, page_under_test.signed_in), live_server.url)
        path = finnish_address(page_under_test, people)
        for language, prefix in LANGUAGE_PREFIXES.items():
            response = page.goto(prefix + path)
            assert response is not None and response.status == page_under_test.status, (
                f"{prefix + path} answered {response and response.status}"
            )
            if page_under_test.prepare:
                page_under_test.prepare(page)
            file_name = _file_name(page_under_test.name, language)
            addresses[file_name] = page.url
            (tmp_path / file_name).write_text(documents[-1].text(), encoding="utf-8")
        context.close()

    errors = run_checker(tmp_path)

    assert errors.pop(KNOWN_INVALID), "the checker found nothing wrong in a page known to be invalid"
    problems = [
        f"{name} ({addresses.get(name, '')}):\n  " + "\n  ".join(found)
        for name, found in errors.items()
        if found
    ]
    count = sum(len(found) for found in errors.values())
    assert not problems, f"{count} markup errors on {len(problems)} pages:\n" + "\n".join(problems)
