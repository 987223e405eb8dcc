import os
import re
import subprocess
import sys

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import DEFAULT_PASSWORD, make_user

SIGNUP = {
    "email": "uusi.tyontekija@te-palvelut.example.fi",
    "password1": "Kuusi-Kuukautta-2025",
    "password2": "Kuusi-Kuukautta-2025",
    "first_name": "Noora",
    "last_name": "Uusi",
    "organisation_type": "te",
    "organisation_name": "Porin työllisyysalue",
    "role": "expert",
}


def _confirmation_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_sign_up_verify_and_sign_in(client):
    response = client.post("/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    assert response.url.endswith("/accounts/confirm-email/")
    user = get_user_model().objects.get(email=SIGNUP["email"])
    assert user.organisation_name == "Porin työllisyysalue"
    assert (user.role, user.requested_role) == ("", "expert")  # waits for confirmation
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1

    # Unverified: signing in is refused until the address is confirmed.
    client.logout()
    client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert "_auth_user_id" not in client.session

    link = _confirmation_link(mail.outbox[-1])
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_remembers_the_language_it_was_made_in(client):
    client.post("/sv/accounts/signup/", SIGNUP)

    assert get_user_model().objects.get(email=SIGNUP["email"]).preferred_language == "sv"


def test_malformed_email_is_refused_with_a_finnish_message(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "ei-osoite"})

    assert response.status_code == 200
    assert "Syötä kelvollinen sähköpostiosoite" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_already_used_email_is_refused_and_nothing_is_saved(client):
    client.post("/accounts/signup/", SIGNUP)
    client.logout()
    mail.outbox.clear()

    response = client.post("/accounts/signup/", {**SIGNUP, "first_name": "Toinen"})

    assert response.status_code == 200
    assert get_user_model().objects.filter(email=SIGNUP["email"]).count() == 1
    assert "käytössä" in response.content.decode()


def test_weak_password_is_refused_with_a_clear_message(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "password1": "12345678", "password2": "12345678"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Salasana on liian lyhyt" in content or "liian yleinen" in content
    assert not get_user_model().objects.exists()


def test_swedish_sign_up_page_shows_swedish_messages(client):
    response = client.post("/sv/accounts/signup/", {**SIGNUP, "email": "inte-en-adress"})

    assert "Fyll i en giltig e-postadress" in response.content.decode()


def test_failed_sign_ins_are_rate_limited(client):
    make_user("kohde@example.fi")
    statuses = [
        client.post("/accounts/login/", {"login": "kohde@example.fi", "password": "väärä"}) for _ in range(7)
    ]

    assert "_auth_user_id" not in client.session
    assert statuses[-1].status_code == 429 or "Liian monta" in statuses[-1].content.decode()


def _sign_in_from(client, address: str, email: str, password: str):
    return client.post(
        "/accounts/login/",
        {"login": email, "password": password},
        REMOTE_ADDR="10.0.0.2",  # the proxy
        HTTP_X_FORWARDED_FOR=address,
    )


def test_two_people_behind_one_proxy_are_limited_separately(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    cache.clear()
    targets = [make_user(f"kohde{number}@example.fi") for number in range(6)]
    make_user("viaton@example.fi")
    for target in targets:  # one attacker, a different account each time: only the address limit
        _sign_in_from(client, "198.51.100.7", target.email, "väärä-salasana")
    assert "Liian monta" in _sign_in_from(client, "198.51.100.7", "viaton@example.fi", "x").content.decode()

    innocent = Client()
    response = _sign_in_from(innocent, "203.0.113.20", "viaton@example.fi", DEFAULT_PASSWORD)

    assert response.status_code == 302
    assert innocent.session["_auth_user_id"]


def _setting_with_environment(name: str, **environment) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "typ_site.settings_test", **environment}
    return subprocess.run(  # noqa: S603  (our own interpreter and a fixed snippet)
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_the_trusted_proxies_are_read_from_the_environment():
    assert _setting_with_environment("ALLAUTH_TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="2").strip() == "2"
    assert _setting_with_environment("ALLAUTH_TRUSTED_PROXY_COUNT").strip() == "0"
    header = _setting_with_environment(
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", TRUSTED_CLIENT_IP_HEADER="X-Real-IP"
    )
    assert header.strip() == "X-Real-IP"
