from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories import make_user
from typ_site.accounts.allauth_forms import ChangeEmailForm

ALLOWED = ["kela.example.fi", "hyvinvointialue.example.fi"]
SIGNUP = {
    "password1": "Kuusi-Kuukautta-2025",
    "password2": "Kuusi-Kuukautta-2025",
    "first_name": "Aada",
    "last_name": "Alku",
    "organisation_type": "kela",
    "role": "expert",
}


def test_sign_up_with_an_address_outside_the_allowed_domains_is_refused(client, settings):
    settings.ALLOWED_SIGNUP_EMAIL_DOMAINS = ALLOWED

    response = client.post("/accounts/signup/", {**SIGNUP, "email": "aada@gmail.example"})

    assert response.status_code == 200
    assert "kela.example.fi" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_sign_up_with_an_allowed_domain_and_its_subdomain_works(client, settings):
    settings.ALLOWED_SIGNUP_EMAIL_DOMAINS = ALLOWED

    client.post("/accounts/signup/", {**SIGNUP, "email": "aada@kela.example.fi"})
    client.logout()
    client.post("/accounts/signup/", {**SIGNUP, "email": "bea@pori.hyvinvointialue.example.fi"})

    assert get_user_model().objects.count() == 2


def test_adding_an_address_outside_the_allowed_domains_is_refused(client, settings):
    settings.ALLOWED_SIGNUP_EMAIL_DOMAINS = ALLOWED
    user = make_user("aada@kela.example.fi")
    client.force_login(user)

    response = client.post("/accounts/email/", {"action_add": "", "email": "aada@muu.example"})

    assert response.status_code == 200
    assert not EmailAddress.objects.filter(email="aada@muu.example").exists()


def test_changing_the_address_during_verification_checks_the_domain(settings):

    settings.ALLOWED_SIGNUP_EMAIL_DOMAINS = ALLOWED

    form = ChangeEmailForm(data={"email": "aada@muu.example"}, email="aada@kela.example.fi")

    assert not form.is_valid()
    assert "email" in form.errors


def test_without_a_domain_list_any_address_may_sign_up(client, settings):
    settings.ALLOWED_SIGNUP_EMAIL_DOMAINS = []

    client.post("/accounts/signup/", {**SIGNUP, "email": "aada@muu.example"})

    assert get_user_model().objects.filter(email="aada@muu.example").exists()
