from django.contrib.auth import get_user_model

from tests.factories import make_user


def test_profile_saves_organisation_role_language_and_notifications(client):
    me = make_user()
    client.force_login(me)

    response = client.post(
        "/accounts/profile/",
        {
            "first_name": "Anna",
            "last_name": "Asiantuntija",
            "organisation_type": "kela",
            "organisation_name": "Kela, Porin palvelupiste",
            "role": "expert",
            "preferred_language": "sv",
            "notification_frequency": "daily",
        },
    )

    assert response.status_code == 302
    saved = get_user_model().objects.get(pk=me.pk)
    assert (saved.organisation_type, saved.preferred_language, saved.notification_frequency) == (
        "kela",
        "sv",
        "daily",
    )


def test_profile_refuses_an_unknown_organisation_type_and_keeps_the_old_values(client):
    me = make_user(organisation_type="te")
    client.force_login(me)

    response = client.post(
        "/accounts/profile/",
        {
            "first_name": "Anna",
            "last_name": "A",
            "organisation_type": "pankki",
            "role": "expert",
            "preferred_language": "fi",
            "notification_frequency": "daily",
        },
    )

    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto" in response.content.decode()
    saved = get_user_model().objects.get(pk=me.pk)
    assert saved.organisation_type == "te"
    assert saved.first_name != "Anna"
