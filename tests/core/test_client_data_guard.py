"""The client-data guard as one layer: what a reader reads as a code is refused, on every
path a text is saved by, with the message on the field concerned and nothing saved."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from taggit.models import Tag
from wagtail.documents import get_document_model

from calendar_app.models import Event
from tests.factories import make_member, make_network, make_user
from typ_site.core.validators import find_personal_identity_codes
from typ_site.networks.models import Membership

CODE = "130585-234W"  # valid, for a fictitious birth date (13 May 1985)
MESSAGE_WORD = "henkilötunnus"


@pytest.mark.parametrize(
    "text",
    [
        "130585\\-234W",  # a Markdown escape
        "130585&#45;234W",  # an HTML entity
        "130585&minus;234W",
        "&#49;30585-234W",
        "**1305**85-234W",  # emphasis splitting it
        "1305_85_-234W",
        "130~~585~~-234W",
        "`130585`-234W",
        "1305\u200b85-234W",  # zero-width space
        "1305\u200d85-2\u200c34W",  # zero-width joiners
        "130585-2\u2060\ufeff34W",  # word joiner, byte-order mark
        "1305\u00ad85-234W",  # soft hyphen
        "130585\uff0d234W",  # full-width hyphen-minus
        "130585\ufe63234W",  # small hyphen-minus
        "130585\u2015234W",  # horizontal bar
        "130585\u2212234W",  # minus sign
        "130585\u2010234W",
        "130585\u2011234W",
        "130585\u2e3a234W",
        "\uff11\uff13\uff10\uff15\uff18\uff15-\uff12\uff13\uff14\uff37",  # full-width
        "130585 - 234 W",  # the parts apart
        "130585 -234W",
        "13 05 85-234W",
        "<b>130585</b>-234W",
        "<https://example.fi/asiakas/130585-234W>",
        "[linkki](https://example.fi/?hetu=130585-234W)",
        "1\u03323\u03320585-234W",  # combining underlines drawn over digits
    ],
)
def test_rewritings_that_read_as_a_code_are_caught(text):
    assert find_personal_identity_codes(f"Asiakkaan tunnus: {text}.") == [CODE]


@pytest.mark.parametrize(
    "text",
    [
        "Tapaaminen 13.05.1985 klo 10",
        "Puhelin 040 123 4567",
        "Diaarinumero 130/585/2023",
        "Laki 381/2023 11 §",
        "Y-tunnus 2345678-3",
        "130585-234X on väärä tarkiste",
        "Tili FI21 1234 5600 0007 85",
        "**Tärkeää:** 12 % asiakkaista",
    ],
)
def test_professional_text_passes(text):
    assert find_personal_identity_codes(text) == []


# --- The backstop: writes that skip forms -----------------------------------------------------


def test_a_save_that_skips_model_validation_is_refused_and_nothing_is_saved(db):
    user = make_user(first_name="Aada")
    user.first_name = f"Aada {CODE}"

    with pytest.raises(ValidationError) as error:
        user.save()

    assert set(error.value.message_dict) == {"first_name"}
    assert MESSAGE_WORD in error.value.message_dict["first_name"][0]
    user.refresh_from_db()
    assert user.first_name == "Aada"


@pytest.mark.parametrize(
    "create",
    [
        lambda: Event.objects.create(
            title=f"Asiakas {CODE}",
            start=datetime(2026, 1, 5, 9, tzinfo=UTC),
            end=datetime(2026, 1, 5, 10, tzinfo=UTC),
        ),
        lambda: Tag.objects.create(name=CODE, slug="tunnus"),
        lambda: get_document_model().objects.create(title=f"Asiakas {CODE}", file="x.pdf"),
    ],
    ids=["calendar event", "taggit tag", "wagtail document"],
)
def test_writes_of_services_imports_and_commands_are_refused(db, create):
    with pytest.raises(ValidationError):
        create()


def test_a_save_of_other_fields_does_not_stop_on_an_older_row(db):
    user = make_user()
    get_user_model().objects.filter(pk=user.pk).update(last_name=f"Vanha {CODE}")
    user.refresh_from_db()

    user.is_active = False
    user.save(update_fields=["is_active"])  # e.g. a sign-in writing last_login

    with pytest.raises(ValidationError):
        user.save(update_fields=["last_name"])


# --- Sign-up, profile, membership request, search ---------------------------------------------

SIGNUP = {
    "email": "aada@example.fi",
    "password1": "Kuusi-Kuukautta-2025",
    "password2": "Kuusi-Kuukautta-2025",
    "first_name": "Aada",
    "last_name": "Alku",
    "organisation_type": "kela",
    "organisation_name": "Kela Pori",
    "role": "expert",
}


@pytest.mark.parametrize("field", ["first_name", "last_name", "organisation_name"])
def test_sign_up_refuses_a_code_in_a_name_on_that_field(client, db, field):
    response = client.post("/accounts/signup/", {**SIGNUP, field: f"{SIGNUP[field]} {CODE}"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert MESSAGE_WORD in response.context["form"].errors[field][0]
    assert not get_user_model().objects.filter(email=SIGNUP["email"]).exists()


def test_the_profile_refuses_a_code_in_a_name(client, db):
    user = make_user(last_name="Alku")
    client.force_login(user)

    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Aada",
            "last_name": "Alku 130505A\u200b2348",
            "organisation_type": "kela",
            "organisation_name": "",
            "role": "expert",
            "preferred_language": "fi",
            "notification_frequency": "immediate",
        },
    )

    assert response.status_code == 200
    assert MESSAGE_WORD in response.context["form"].errors["last_name"][0]
    user.refresh_from_db()
    assert user.last_name == "Alku"


def test_a_membership_request_message_with_a_code_is_refused(client, db):
    network = make_network()
    user = make_user()
    client.force_login(user)

    response = client.post(
        reverse("networks:join", args=[network.slug]),
        {"message": f"Asiakkaani {CODE} haluaa mukaan"},
        follow=True,
    )

    assert MESSAGE_WORD in response.content.decode()
    assert not Membership.objects.filter(user=user, network=network).exists()


def test_a_search_for_a_code_is_refused_and_not_run(client, db):
    response = client.get(reverse("search:search"), {"q": f"hetu {CODE}"})

    page = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE_WORD in page
    assert "results_html" not in response.context
    assert 'class="search-results"' not in page
    assert CODE not in page


def test_search_suggestions_for_a_code_are_not_looked_up(client, db):
    response = client.get(reverse("search:suggest"), {"q": CODE})

    assert response.json() == {"results": []}


def test_a_member_can_still_search_for_a_date_or_a_section(client, db):
    member = make_member(make_network())
    client.force_login(member)

    response = client.get(reverse("search:search"), {"q": "381/2023 11 § 13.05.2025"})

    assert response.context["query_error"] is None
