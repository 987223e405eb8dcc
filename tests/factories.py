"""Small factories for the tests: each makes one valid object, overridable by keyword."""

import itertools

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from typ_site.networks.models import Membership, Network, Region

_sequence = itertools.count(1)

DEFAULT_PASSWORD = "Test-salasana-123"
# Editors and admins must have two-step verification; factories give them this authenticator.
# Base32 with a length that is a multiple of 8, so codes can be computed from it.
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPTESTSUITE2345672"


def give_authenticator(user):
    TOTP.activate(user, TEST_TOTP_SECRET)
    return user


def make_user(
    email: str | None = None,
    *,
    password: str = DEFAULT_PASSWORD,
    groups=(),
    verified: bool = True,
    with_mfa: bool | None = None,
    **fields,
):
    """A verified user. Staff, superusers and group members get an authenticator unless
    with_mfa=False (the site demands one of them)."""
    number = next(_sequence)
    email = email or f"user{number}@example.fi"
    fields.setdefault("first_name", "Testi")
    fields.setdefault("last_name", f"Käyttäjä{number}")
    fields.setdefault("organisation_type", "te")
    fields.setdefault("role", "expert")
    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    if with_mfa is None:
        with_mfa = bool(groups or user.is_staff or user.is_superuser)
    if with_mfa:
        give_authenticator(user)
    return user


def make_network(name: str | None = None, **fields):
    number = next(_sequence)
    name = name or f"Testiverkosto {number}"
    fields.setdefault("slug", f"testiverkosto-{number}")
    fields.setdefault("region", Region.SATAKUNTA)
    return Network.objects.create(name=name, **fields)


def make_membership(user, network, *, role=Membership.Role.MEMBER, status=Membership.Status.APPROVED):
    return Membership.objects.create(user=user, network=network, role=role, status=status)


def make_member(network, **user_fields):
    user = make_user(**user_fields)
    make_membership(user, network)
    return user


def make_network_admin(network, *, with_mfa: bool = True, **user_fields):
    user = make_user(with_mfa=with_mfa, **user_fields)
    make_membership(user, network, role=Membership.Role.ADMIN)
    return user


def make_keha_staff(*extra_groups, **user_fields):
    return make_user(groups=("KEHA", *extra_groups), **user_fields)


# The kinds of person the permission tests tell apart (the keys of `make_people_of_each_kind`).
EVERY_KIND_OF_PERSON = [
    "member",
    "admin",
    "other_member",
    "other_admin",
    "partner",
    "removed_member",
    "removed_account",
    "keha",
    "superuser",
]


def make_people_of_each_kind() -> dict:
    """Two networks (Satakunta and Kymenlaakso) and one person of each kind: a member and an
    admin of each network, a partner, a member who left, a removed account, KEHA and a superuser."""
    network = make_network("Satakunnan TYP", slug="satakunta")
    other = make_network("Kymenlaakson TYP", slug="kymenlaakso")
    removed = make_member(network)
    removed.network_memberships.all().delete()
    removed_account = make_member(network)
    removed_account.is_removed = True
    removed_account.save()
    return {
        "network": network,
        "other_network": other,
        "member": make_member(network),
        "admin": make_network_admin(network),
        "other_member": make_member(other),
        "other_admin": make_network_admin(other),
        "partner": make_user(organisation_type="other", role="partner"),
        "removed_member": removed,
        "removed_account": removed_account,
        "keha": make_keha_staff("Editors"),
        "superuser": make_user(is_superuser=True, is_staff=True),
    }
