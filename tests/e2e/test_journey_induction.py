"""A new employee's first day on the site: an account, then the induction path for their role."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from knowledge.induction.models import CompletedTask, Enrolment
from knowledge.induction.structure import path_structure
from tests.e2e import content
from typ_site.accounts.models import User

pytestmark = pytest.mark.e2e

ADDRESS = "aino.alku@pori.kela.example.fi"
PASSWORD = "Perehdytys-alkaa-2025"


def _verification_link(address: str) -> str:
    message = next(message for message in mail.outbox if address in message.to)
    return re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)


def _sign_up(page, address: str) -> None:
    page.goto("/")
    page.get_by_role("main").get_by_role("link", name="Luo tili").click()
    page.locator("input[name=email]").fill(address)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_label("Etunimi").fill("Aino")
    page.get_by_label("Sukunimi").fill("Alku")
    page.locator("select[name=organisation_type]").select_option("kela")
    page.locator("select[name=role]").select_option("expert")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))


def test_new_employee_signs_up_verifies_the_address_starts_the_path_for_their_role_and_ticks_a_step(
    page, new_context, settings
):
    settings.ALLOWED_SIGNUP_EMAIL_DOMAINS = ["kela.example.fi"]  # a subdomain is allowed too
    section = content.induction_section()
    path = section.kela_expert
    first_step = path_structure(path)[0]

    _sign_up(page, ADDRESS)
    page.goto(_verification_link(ADDRESS))
    page.locator("main form button[type=submit]").click()
    # Confirming the address in the browser that signed up also signs the person in.
    expect(page.locator("header a[href$='/accounts/profile/']")).to_have_count(1)

    page.goto("/")
    suggestion = page.locator("section.induction-home")
    expect(suggestion).to_contain_text(path.title)  # Kela + expert: the most specific match
    suggestion.get_by_role("link", name="Avaa polku").click()
    expect(page.locator("h1")).to_have_text(path.title)

    page.get_by_role("button", name="Aloita polku").click()
    expect(page.locator(".messages")).to_contain_text("Aloitit polun.")

    step = page.locator("#step-1")
    next_link = page.locator(".induction-status").get_by_role("link", name=re.compile("^Vaihe"))
    expect(next_link).to_have_text(re.compile("^Vaihe 1"))
    # Ticks save themselves: no "Save" button while the script runs.
    expect(page.get_by_role("button", name="Tallenna merkinnät")).to_have_count(0)
    step.get_by_label(content.INDUCTION_FIRST_TASK).check()  # saved at once by checklist.js

    # Everything a reload would show changes in place; "Saved" is said beside the checklist.
    expect(step.get_by_role("status")).to_have_text("Tallennettu. Polusta on tehty 25 %.")
    expect(step).to_have_class(re.compile(r"\binduction-step-done\b"))
    expect(step.locator(".induction-step-state")).to_contain_text("Tehty")
    expect(page.locator("label[for=path-progress]")).to_have_text("25 % tehty (1/4 tehtävää)")
    expect(next_link).to_have_text(re.compile("^Vaihe 2"))
    expect(next_link).to_have_attribute("href", "#step-2")
    expect(page.locator("#step-2")).to_have_class(re.compile(r"\binduction-step-next\b"))
    expect(page.locator("#step-2 .induction-step-state .status-pending")).to_be_visible()

    # Without scripts the form's own button saves: the same tick sent once more is still one tick.
    no_script = new_context(storage_state=page.context.storage_state(), java_script_enabled=False).new_page()
    no_script.goto(page.url)
    no_script.locator("#step-1").get_by_role("button", name="Tallenna merkinnät").click()
    page = no_script

    expect(page.locator(".messages")).to_contain_text("Polusta on tehty 25 %.")
    expect(page.locator("#step-1 .induction-step-state")).to_contain_text("Tehty")
    expect(page.locator("#step-1").get_by_label(content.INDUCTION_FIRST_TASK)).to_be_checked()
    expect(page.locator("#path-progress")).to_have_attribute("value", "25")
    expect(page.locator(".induction-status").get_by_role("link", name=re.compile("^Vaihe 2"))).to_be_visible()

    person = User.objects.get(email=ADDRESS)
    # The role chosen at sign-up waits for a network admin's confirmation; the path follows it.
    assert (person.organisation_type, person.requested_role, person.role) == ("kela", "expert", "")
    assert Enrolment.objects.filter(user=person).count() == 1
    ticks = CompletedTask.objects.filter(user=person)
    assert list(ticks.values_list("path_id", "task_id")) == [(path.pk, first_step.tasks[0].id)]
