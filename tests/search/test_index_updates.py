"""The index follows every change after the transaction commits, and failures never hurt edits."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction

from search.backends import SearchRequest, get_backend
from search.models import PendingIndexUpdate, SearchEntry
from search.pages import plain_text
from search.registry import get_sources
from typ_site.core.access import MEMBERS, PUBLIC

pytestmark = pytest.mark.django_db


def found(query: str, keys=frozenset({PUBLIC})) -> list[str]:
    return get_backend().search(SearchRequest(query, frozenset(keys))).keys


def published_page(parent, title: str, slug: str):
    page = Page(title=title, slug=slug, live=False)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the after-commit index updates of the block as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def connected(signal) -> set[str]:
    return {lookup_key[0] for lookup_key, *_receiver in signal.receivers}


def test_every_registered_source_follows_its_models():
    """The search app's ready() connects the sources of the apps listed before it."""
    names = {source.name for source in get_sources()}
    assert {"page", "document", "post", "event"} <= names
    for source in get_sources():
        label = source.model._meta.label
        if source.connect_model_signals:
            assert f"search:{source.name}:save:{label}" in connected(post_save), source.name
            assert f"search:{source.name}:delete:{label}" in connected(post_delete), source.name
        for model, _affected in source.dependants:
            dependant = f"search:{source.name}:dep-delete:{model._meta.label}"
            assert dependant in connected(pre_delete), source.name


def test_publishing_a_page_indexes_it(home_page, commit):
    with commit():
        page = published_page(home_page, "Kuntouttava työtoiminta", "kuntouttava")

    assert found("kuntouttavaa työtoimintaa") == [f"page:{page.pk}"]
    entry = SearchEntry.objects.get(key=f"page:{page.pk}")
    assert entry.url == page.get_url()
    assert entry.access_key == PUBLIC


def test_a_new_draft_is_not_indexed(home_page, commit):
    with commit():
        home_page.add_child(instance=Page(title="Luonnos palkkatuesta", slug="luonnos", live=False))

    assert found("palkkatuki") == []


def test_publishing_changes_updates_the_document(home_page, commit):
    with commit():
        page = published_page(home_page, "Alkukartoitus", "alkukartoitus")
    with commit():
        page.title = "Palvelutarpeen arviointi"
        page.save_revision().publish()

    assert found("alkukartoitus") == []
    assert found("palvelutarve") == [f"page:{page.pk}"]


def test_unpublishing_removes_the_page(home_page, commit):
    with commit():
        page = published_page(home_page, "Työkokeilu", "tyokokeilu")
    with commit():
        Page.objects.get(pk=page.pk).unpublish()

    assert found("työkokeilu") == []


def test_deleting_removes_the_page_and_its_descendants(home_page, commit):
    with commit():
        parent = published_page(home_page, "Perehdytys", "perehdytys")
        child = published_page(parent, "Perehdytyksen ensimmäinen askel", "askel")
    with commit():
        Page.objects.get(pk=parent.pk).delete()

    assert found("perehdytys") == []
    assert not SearchEntry.objects.filter(key=f"page:{child.pk}").exists()


def test_moving_a_page_updates_its_address(home_page, commit):
    with commit():
        first = published_page(home_page, "Ohjeet", "ohjeet")
        page = published_page(home_page, "Palkkatuki", "palkkatuki")
    with commit():
        Page.objects.get(pk=page.pk).move(first, pos="last-child")

    assert SearchEntry.objects.get(key=f"page:{page.pk}").url.endswith("/ohjeet/palkkatuki/")


def test_a_login_restriction_makes_the_page_and_its_children_members_only(home_page, commit):
    with commit():
        parent = published_page(home_page, "Sisäiset ohjeet", "sisaiset")
        child = published_page(parent, "Sisäinen työkokeiluohje", "tyokokeiluohje")
    with commit():
        restriction = PageViewRestriction.objects.create(
            page=parent, restriction_type=PageViewRestriction.LOGIN
        )

    assert found("työkokeiluohje") == []
    assert found("työkokeiluohje", {PUBLIC, MEMBERS}) == [f"page:{child.pk}"]

    with commit():
        restriction.delete()

    assert found("työkokeiluohje") == [f"page:{child.pk}"]


def test_a_password_protected_page_is_left_out(home_page, commit):
    with commit():
        page = published_page(home_page, "Ohjausryhmän muistio", "muistio")
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana-1234"
        )

    assert found("muistio", {PUBLIC, MEMBERS}) == []


def docx_bytes(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF with `text` (ASCII) in Helvetica."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF".encode())
    return out.getvalue()


def upload(title: str, filename: str, content: bytes):
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def test_the_text_of_an_uploaded_pdf_is_searchable(db, commit, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with commit():
        document = upload("Liite 1", "liite.pdf", pdf_bytes("Rukkanen konsultaatioverkosto"))

    assert found("konsultaatioverkosto") == [f"document:{document.pk}"]


def test_the_text_of_an_uploaded_docx_is_searchable(db, commit, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with commit():
        document = upload("Liite 2", "liite.docx", docx_bytes("Loppuarviointi tehdään yhdessä"))

    assert found("loppuarviointi") == [f"document:{document.pk}"]
    with commit():
        document.delete()
    assert found("loppuarviointi") == []


def test_a_failing_index_update_never_blocks_or_loses_the_edit(home_page, commit, settings):
    # Nothing listens on this loopback port: every index write fails.
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with commit():
        page = published_page(home_page, "Loppuarviointi", "loppuarviointi")

    assert Page.objects.get(pk=page.pk).live
    assert PendingIndexUpdate.objects.filter(key=f"page:{page.pk}").exists()

    settings.ELASTICSEARCH_URL = ""
    call_command("search_reindex", "--pending", stdout=io.StringIO())

    assert found("loppuarviointi") == [f"page:{page.pk}"]
    assert not PendingIndexUpdate.objects.exists()


def test_search_reindex_rebuilds_everything_and_can_be_rerun(home_page, commit):
    with commit():
        page = published_page(home_page, "Palkkatuki", "palkkatuki")
    SearchEntry.objects.all().delete()
    output = io.StringIO()

    call_command("search_reindex", stdout=output)
    call_command("search_reindex", stdout=output)

    assert found("palkkatuki") == [f"page:{page.pk}"]
    assert SearchEntry.objects.filter(key=f"page:{page.pk}").count() == 1
    assert "documents indexed" in output.getvalue()


def test_the_words_of_neighbouring_blocks_do_not_run_together_in_the_indexed_text():
    html = (
        "<table><tr><th>Tehtävä</th><td>Työvoimaviranomainen</td><td>Vastaa</td></tr></table>"
        "<p>Ensimmäinen<br>toinen</p><ul><li>yksi</li><li>kaksi</li></ul><p>kuntout<b>ava</b></p>"
    )

    words = plain_text(html).split()

    assert words == [
        "Tehtävä",
        "Työvoimaviranomainen",
        "Vastaa",
        "Ensimmäinen",
        "toinen",
        "yksi",
        "kaksi",
        "kuntoutava",
    ]
