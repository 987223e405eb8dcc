from datetime import timedelta

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forums.participation.models import VotingRound
from tests.factories import DEFAULT_PASSWORD, make_keha_staff, make_member, make_network_admin, make_user
from typ_site.accounts.mfa import user_requires_mfa

SECRET = "JBSWY3DPEHPK3PXPTESTMFA2"


def _current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def test_editor_without_an_authenticator_is_sent_to_set_one_up(client):
    editor = make_keha_staff("Editors", with_mfa=False)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"
    assert client.get("/networks/").url == "/accounts/2fa/totp/activate/"


def test_after_signing_in_the_setup_page_itself_stays_reachable(client):
    make_user("uusi.toimittaja@example.fi", is_staff=True, with_mfa=False)

    response = client.post(
        "/accounts/login/", {"login": "uusi.toimittaja@example.fi", "password": DEFAULT_PASSWORD}
    )
    assert client.get(response.url).url == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before an authenticator is added.
    reauthenticate = client.get("/accounts/2fa/totp/activate/").url
    assert reauthenticate.startswith("/accounts/reauthenticate/")
    client.post(reauthenticate, {"password": DEFAULT_PASSWORD})

    assert client.get("/accounts/2fa/totp/activate/").status_code == 200


def test_editor_with_an_authenticator_gets_in_after_the_code(client):
    editor = make_user("toimittaja@example.fi", is_superuser=True, with_mfa=False)
    TOTP.activate(editor, SECRET)

    response = client.post(
        "/accounts/login/", {"login": "toimittaja@example.fi", "password": DEFAULT_PASSWORD}
    )
    assert response.url == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    client.post("/accounts/2fa/authenticate/", {"code": _current_code(SECRET)})

    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_ordinary_member_is_not_forced_to_use_mfa(client):
    member = make_user()
    client.force_login(member)

    assert client.get("/networks/").status_code == 200
    assert not user_requires_mfa(member)


def test_network_admins_and_superusers_must_use_mfa(network):
    assert user_requires_mfa(make_network_admin(network, with_mfa=False))
    assert user_requires_mfa(make_user(is_superuser=True, with_mfa=False))


def test_members_may_turn_on_mfa_voluntarily(client):
    member = make_user()
    client.force_login(member)

    assert client.get("/accounts/2fa/").status_code == 200


def test_admin_access_through_a_group_or_directly_requires_mfa():
    editors = Group.objects.create(name="Sisällön muokkaajat")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    through_group = make_user(with_mfa=False)
    through_group.groups.add(editors)
    directly = make_user(with_mfa=False)
    directly.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other_permission_only = make_user(with_mfa=False)
    other_permission_only.user_permissions.add(Permission.objects.get(codename="add_group"))

    assert user_requires_mfa(through_group)
    assert user_requires_mfa(directly)
    assert not user_requires_mfa(other_permission_only)


def test_every_role_with_more_power_than_a_member_must_use_mfa(network):
    powerful = [
        make_keha_staff(with_mfa=False),
        make_keha_staff("Editors", with_mfa=False),
        make_keha_staff("Moderators", with_mfa=False),
        make_user(groups=("Editors",), with_mfa=False),
        make_user(groups=("Moderators",), with_mfa=False),
        make_network_admin(network, with_mfa=False),
        make_user(is_staff=True, with_mfa=False),
        make_user(is_superuser=True, with_mfa=False),
    ]
    for person in powerful:
        assert user_requires_mfa(type(person).objects.get(pk=person.pk)), person


def test_members_and_inactive_people_are_not_asked_for_mfa(network):
    for person in (make_user(), make_member(network), make_keha_staff(is_active=False, with_mfa=False)):
        assert not user_requires_mfa(type(person).objects.get(pk=person.pk)), person


def test_keha_staff_without_admin_access_must_set_up_mfa_before_managing_or_exporting(client):
    make_keha_staff(email="keha.tuki@example.fi", with_mfa=False)
    poll = VotingRound.objects.create(title="Kierros", opens_at=timezone.now() - timedelta(days=1))

    response = client.post(
        "/accounts/login/", {"login": "keha.tuki@example.fi", "password": DEFAULT_PASSWORD}
    )
    assert client.session["_auth_user_id"]

    assert client.get(response.url).url == "/accounts/2fa/totp/activate/"
    assert client.get("/networks/manage/").url == "/accounts/2fa/totp/activate/"
    assert client.get(f"/participate/rounds/{poll.pk}/results.csv").url == "/accounts/2fa/totp/activate/"


def test_a_members_page_view_asks_one_question_about_permissions(client):
    member = make_user()
    client.force_login(member)

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/networks/").status_code == 200

    permission_reads = [q["sql"] for q in queries.captured_queries if "auth_permission" in q["sql"]]
    assert len(permission_reads) == 1


def test_the_editing_bar_is_shown_only_to_people_who_can_open_the_admin(client):
    member = make_user()
    client.force_login(member)
    assert "wagtail-userbar" not in client.get("/networks/").content.decode()

    editor = make_keha_staff("Editors")
    client.force_login(editor)
    assert "wagtail-userbar" in client.get("/networks/").content.decode()
