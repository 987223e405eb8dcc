"""The accessibility statement (law 306/2019) and its feedback form."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import make_keha_staff, make_user
from typ_site.core.demo_accessibility import STATEMENT_FI, STATEMENT_SV, create_accessibility_statement
from typ_site.core.demo_content import create_home_page
from typ_site.core.models import AccessibilityFeedback, AccessibilityStatementPage

CODE = "130585-234W"  # valid, for a fictitious birth date
FEEDBACK_URL = "/accessibility/feedback/"


@pytest.fixture
def home(db):
    return create_home_page()


@pytest.fixture
def statement(home):
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    home.copy_for_translation(swedish).save_revision().publish()
    create_accessibility_statement()
    return AccessibilityStatementPage.objects.get(locale=Locale.get_default())


def send(client, **fields):
    data = {"message": "Lomakkeen virheilmoitusta ei lueta ruudunlukijalla.", "website": ""}
    data.update(fields)
    return client.post(FEEDBACK_URL, data)


# --- The statement ----------------------------------------------------------------------------


def test_the_demo_statement_is_in_finnish_and_swedish(client, statement):
    finnish = client.get(statement.url)
    swedish = client.get("/sv/" + statement.slug + "/")

    assert finnish.status_code == 200 and swedish.status_code == 200
    assert STATEMENT_FI["title"] in finnish.content.decode()
    assert "osittain" in finnish.content.decode()
    assert "saavutettavuusvaatimukset.fi" in finnish.content.decode()
    assert STATEMENT_SV["title"] in swedish.content.decode()
    assert "tillganglighetskrav.fi" in swedish.content.decode()


def test_loading_the_demo_again_makes_no_second_statement(statement):
    create_accessibility_statement()

    assert AccessibilityStatementPage.objects.count() == 2  # Finnish and Swedish


def test_every_page_links_to_the_statement_and_the_feedback_form(client, home):
    page = client.get("/").content.decode()

    assert 'href="/accessibility/"' in page
    assert 'href="/accessibility/feedback/?page=/"' in page


def test_the_statement_address_leads_to_the_statement_in_the_visitors_language(client, statement):
    assert client.get("/accessibility/").url == statement.url
    assert client.get("/sv/accessibility/").url == "/sv/saavutettavuusseloste/"


def test_the_statement_address_is_a_404_without_a_statement(client, home):
    assert client.get("/accessibility/").status_code == 404


# --- The feedback form ------------------------------------------------------------------------


def test_feedback_is_stored_and_emailed_to_keha(client, settings, home):
    settings.ACCESSIBILITY_FEEDBACK_EMAIL = "saavutettavuus@keha.example.fi"

    response = send(client, page_address="/ohjeet/", email="lukija@example.fi")

    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.page_address == "/ohjeet/" and feedback.language == "fi" and feedback.sender is None
    [email] = mail.outbox
    assert email.to == ["saavutettavuus@keha.example.fi"]
    assert email.reply_to == ["lukija@example.fi"]
    assert "Lomakkeen virheilmoitusta" in email.body
    assert f"/admin/snippets/core/accessibilityfeedback/inspect/{feedback.pk}/" in email.body
    assert "Kiitos palautteestasi" in client.get(response.url).content.decode()


def test_a_signed_in_sender_is_recorded(client, home):
    person = make_user()
    client.force_login(person)

    send(client)

    assert AccessibilityFeedback.objects.get().sender == person


@pytest.mark.parametrize("field", ["message", "page_address", "name"])
def test_an_identity_code_is_refused_and_nothing_is_saved_or_sent(client, home, field):
    response = send(client, **{field: f"Asiakas {CODE} ei päässyt sivulle"})

    assert response.status_code == 200
    assert not AccessibilityFeedback.objects.exists()
    assert not mail.outbox
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page
    assert "<title>Virhe:" in page
    assert "data-error-summary" in page


def test_the_robot_trap_saves_and_sends_nothing(client, home):
    response = send(client, website="https://roskapostia.example")

    assert response.status_code == 302
    assert not AccessibilityFeedback.objects.exists()
    assert not mail.outbox


def test_a_burst_of_messages_from_one_address_is_refused(client, home):
    for _ in range(5):
        assert send(client).status_code == 302

    response = send(client)

    assert response.status_code == 200
    assert AccessibilityFeedback.objects.count() == 5
    assert "data-error-summary" in response.content.decode()


def test_the_form_page_in_swedish(client, home):
    page = client.get("/sv" + FEEDBACK_URL + "?page=/sv/anvisningar/").content.decode()

    assert '<html lang="sv">' in page
    assert 'value="/sv/anvisningar/"' in page


def test_the_form_page_queries(client, home, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get(FEEDBACK_URL).status_code == 200


# --- The admin ----------------------------------------------------------------------------


def test_keha_staff_read_feedback_in_the_admin_and_nobody_changes_it(client, settings, home):
    settings.MFA_REQUIRED_FOR_STAFF = False
    feedback = AccessibilityFeedback.objects.create(message="Kontrasti on liian heikko.", language="fi")
    staff = make_keha_staff()
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    listing = client.get(reverse("wagtailsnippets_core_accessibilityfeedback:list"))
    inspect = client.get(reverse("wagtailsnippets_core_accessibilityfeedback:inspect", args=[feedback.pk]))
    edit = client.get(reverse("wagtailsnippets_core_accessibilityfeedback:edit", args=[feedback.pk]))

    assert listing.status_code == 200 and "Kontrasti on liian heikko." in listing.content.decode()
    assert inspect.status_code == 200
    assert edit.status_code != 200


def test_other_admin_users_do_not_see_feedback(client, settings, home):
    settings.MFA_REQUIRED_FOR_STAFF = False
    editor = make_user(groups=("Editors",))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(reverse("wagtailsnippets_core_accessibilityfeedback:list")).status_code != 200
