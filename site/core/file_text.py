"""Text of uploaded documents: PDF (pypdf), DOCX (its XML), plain text and CSV.

One reader for the search index and for the client-data guard of uploads.
"""

from __future__ import annotations

import logging
import re
import zipfile
from xml.etree import ElementTree

from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000
MAX_PDF_PAGES = 300
WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract_text(file, filename: str) -> str:
    """Best-effort text of a file; "" (with a logged warning) when it cannot be read."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    try:
        if extension == "pdf":
            text = _pdf_text(file)
        elif extension == "docx":
            text = _docx_text(file)
        elif extension in {"txt", "csv"}:
            text = file.read(MAX_CHARS * 4).decode("utf-8", errors="replace")
        else:
            return ""
    except Exception as error:  # noqa: BLE001  (a broken upload must not stop indexing)
        logger.warning("Could not extract text from %s: %s", filename, error)
        return ""
    return re.sub(r"[ \t]+", " ", text)[:MAX_CHARS]


def _pdf_text(file) -> str:
    reader = PdfReader(file)
    parts, size = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_CHARS:
            break
    return "\n".join(parts)


def _docx_text(file) -> str:
    with zipfile.ZipFile(file) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))  # noqa: S314
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NAMESPACE}p"):
        paragraphs.append("".join(node.text or "" for node in paragraph.iter(f"{WORD_NAMESPACE}t")))
    return "\n".join(paragraphs)
