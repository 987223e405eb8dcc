"""Any member can submit a practice or a pitfall from the site; it waits for approval."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import WorkflowPage, WorkflowState

from knowledge.forms import MAX_ATTACHMENT_BYTES
from knowledge.models import PracticePage
from tests.factories import make_member, make_network_admin, make_user

from .conftest import make_network_page, pdf_upload

URL = "/knowledge/kaytannot/ehdota/"


def form_data(network=None, **overrides):
    data = {
        "title": "Yhteinen tapaamisaika",
        "kind": "good_practice",
        "network": network.pk if network else "",
        "region": "",
        "organisation_types": ["te", "hva"],
        "summary": "Kiinteä viikoittainen aika yhteisille tapaamisille.",
        "problem": "Yhteistä aikaa oli vaikea löytää.",
        "solution": "Sovimme kiinteän ajan tiistaisin.",
        "results": "Tapaamiset järjestyvät viikossa.",
        "themes": ["asiakasprosessi"],
        "free_tags": "kalenteri",
        "law_sections_text": "",
        "contact_name": "Testi Henkilö",
        "contact_details": "testi@example.fi",
        "attachment_title": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def network_page(tree, network):
    return make_network_page(tree, network)


@pytest.fixture
def member(network):
    return make_member(network)


def test_anonymous_visitors_are_asked_to_sign_in(tree, client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_submission_becomes_a_draft_waiting_for_the_networks_approval(
    tree, network_page, member, network, client
):
    client.force_login(member)

    response = client.post(URL, {**form_data(network), "attachment": pdf_upload()})

    assert response.status_code == 302
    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")
    assert not page.live
    assert page.submitted_by == member
    assert page.get_parent().pk == network_page.pk
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert {tag.slug for tag in page.tags.all()} == {"asiakasprosessi", "kalenteri"}
    assert list(page.networks.all()) == [network]
    assert len(page.attachments) == 1


def test_the_submitter_sees_the_status_of_their_submissions(tree, network_page, member, network, client):
    client.force_login(member)
    client.post(URL, form_data(network))

    waiting = client.get("/knowledge/kaytannot/omat/")
    assert "Yhteinen tapaamisaika" in waiting.content.decode()
    assert waiting.context["submissions"][0].status == "in_moderation"

    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")
    admin = make_network_admin(network)
    state = page.current_workflow_state.current_task_state
    state.task.specific.on_action(state, admin, "approve")

    published = client.get("/knowledge/kaytannot/omat/")
    assert published.context["submissions"][0].status == "published"


def test_a_rejected_submission_shows_the_reason(
    tree, network_page, member, network, client, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(member)
    client.post(URL, form_data(network))
    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")
    admin = make_network_admin(network)
    state = page.current_workflow_state.current_task_state
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        state.task.specific.on_action(state, admin, "reject", comment="Lisää tulokset.")

    submission = client.get("/knowledge/kaytannot/omat/").context["submissions"][0]
    assert submission.status == "needs_changes"
    assert submission.comment == "Lisää tulokset."
    assert [message.to for message in mailoutbox] == [[member.email]]


def test_a_member_cannot_publish_a_submission_themselves(tree, network_page, member, network, client):
    client.force_login(member)
    client.post(URL, form_data(network))
    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")

    assert not page.permissions_for_user(member).can_publish()
    assert client.get(page.url or "/").status_code == 404


def test_a_practice_without_a_network_waits_for_keha(tree, member, client):
    client.force_login(member)

    client.post(URL, form_data())

    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")
    assert page.get_parent().pk == tree.practices.pk
    assert not page.live


def test_the_section_reference_is_stored_when_it_exists(tree, network_page, member, network, client):
    client.force_login(member)

    client.post(URL, form_data(network, law_sections_text="TYM-lain 11 §:n 2 momentti"))

    page = PracticePage.objects.get(title="Yhteinen tapaamisaika")
    assert [block.block_type for block in page.body] == ["law_section"]
    assert page.body[0].value["section"].number == "11"


def _assert_nothing_saved(response, field, text):
    assert response.status_code == 200
    assert text in " ".join(str(error) for error in response.context["form"].errors[field])
    assert not PracticePage.objects.exists()
    assert not get_document_model().objects.exists()


def test_missing_fields_get_a_clear_message_and_nothing_is_saved(tree, member, client):
    client.force_login(member)

    response = client.post(URL, form_data(title="", problem=""))

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"title", "problem"}
    assert not PracticePage.objects.exists()


def test_a_personal_identity_code_is_refused(tree, member, client):
    client.force_login(member)

    response = client.post(URL, form_data(problem="Asiakas 131052-308T jäi ilman palvelua."))

    _assert_nothing_saved(response, "problem", "henkilötunnus")


def test_an_oversized_attachment_is_refused(tree, member, client):
    client.force_login(member)
    big = b"%PDF-1.4\n" + b"0" * MAX_ATTACHMENT_BYTES

    response = client.post(URL, {**form_data(), "attachment": pdf_upload(content=big)})

    _assert_nothing_saved(response, "attachment", "5 MB")


def test_an_attachment_whose_content_is_not_what_its_name_says_is_refused(tree, member, client):
    client.force_login(member)
    fake = SimpleUploadedFile(
        "ohje.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )

    response = client.post(URL, {**form_data(), "attachment": fake})

    _assert_nothing_saved(response, "attachment", "PDF")


def test_an_unsupported_file_type_is_refused(tree, member, client):
    client.force_login(member)
    script = SimpleUploadedFile("skripti.exe", b"MZ\x90\x00", content_type="application/pdf")

    response = client.post(URL, {**form_data(), "attachment": script})

    _assert_nothing_saved(response, "attachment", "PDF")


def test_a_reference_to_a_section_that_does_not_exist_is_refused(tree, member, client):
    client.force_login(member)

    response = client.post(URL, form_data(law_sections_text="381/2023 99 §"))

    _assert_nothing_saved(response, "law_sections_text", "381/2023 99 §")


def test_a_member_cannot_submit_for_a_network_they_do_not_belong_to(tree, network_page, network, client):
    outsider = make_user()
    client.force_login(outsider)

    response = client.post(URL, form_data(network))

    assert "network" in response.context["form"].errors
    assert not PracticePage.objects.exists()


def test_a_submission_that_cannot_start_its_review_leaves_no_file_behind(
    tree, member, client, settings, tmp_path
):
    # A media folder of its own: tests running beside this one store files too.
    settings.MEDIA_ROOT = tmp_path
    WorkflowPage.objects.all().delete()  # no review workflow: the last step of saving fails
    client.force_login(member)
    folder = "documents"
    before = set(default_storage.listdir(folder)[1]) if default_storage.exists(folder) else set()
    assert before == set()

    response = client.post(URL, {**form_data(), "attachment": pdf_upload()})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()  # told why, in the form
    assert not PracticePage.objects.exists()
    assert not get_document_model().objects.exists()
    after = set(default_storage.listdir(folder)[1]) if default_storage.exists(folder) else set()
    assert after == before


def test_the_submitter_is_told_who_decides_not_the_tasks_technical_name(
    tree, network_page, member, network, client
):
    client.force_login(member)
    client.post(URL, form_data(network))

    content = client.get("/knowledge/kaytannot/omat/").content.decode()

    assert f"verkoston {network.name} ylläpitäjät päättävät" in content
    assert network.slug not in content.split("<main", 1)[-1].replace(f"/{network.slug}/", "")
