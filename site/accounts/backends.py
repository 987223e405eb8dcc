"""The signed-in person, and what every page asks of them, in two queries per request.

Every page of a signed-in person asks who they are (the session's user), what they may do
(their groups and permissions: the two-step verification rule, the page header, Wagtail's
editing bar and the admin policies) and where they belong (their memberships). Read one by
one that was five or six queries before a view did anything. Here:

- `load_signed_in_user` reads the user with the two things the frame of every page of an
  editor or admin reads about them: whether they have an authenticator app (`mfa.TOTP_FLAG`,
  asked by `RequireMFAMiddleware`) and Wagtail's user profile (the editing bar's theme), as a
  join. Then `load_standing` reads their groups, permissions and approved memberships in one
  query (a UNION of the three rules, each built where it lives) and keeps each answer where its
  owner looks for it: the group names and memberships as the request's answers
  (`core.request_cache`), the permissions in `_perm_cache`, where Django's ModelBackend keeps
  them (it then answers `has_perm` without a query).
- Every backend that signs people in loads them this way (`SignedInUserLoading`): a session
  names the backend that signed its person in, and Django loads the person through that
  backend's `get_user`. `OneQueryPermissionsBackend` stands first (a test's `force_login`
  names it); `EmailPasswordBackend` (the email and password form, Django's ModelBackend) and
  `AllauthBackend` (allauth's logins by code, after sign-up and e-mail confirmation) follow.
  Sessions signed in through Django's or allauth's own backends before these replaced them
  are no longer recognised: those people sign in once more.

The rules stay Django's: the same permissions for the same people (active, signed in, not
superusers: a superuser holds every permission and ModelBackend answers for them). Objects of
other people (permission checks of someone else) read their permissions in one query
(`get_all_permissions`), as before.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import CharField, F, Q, QuerySet, Value
from django.db.models.functions import Cast

from typ_site.core.request_cache import per_request
from typ_site.core.sql import PreparedInstance, PreparedRows
from typ_site.networks.selectors import MEMBERSHIPS_KEY, approved_memberships

from .mfa import TOTP_FLAG, totp_exists
from .roles import GROUP_NAMES_KEY, group_names_of

# The kinds of rows of the standing query.
_GROUP, _PERMISSION, _MEMBERSHIP = "group", "permission", "membership"


def _permissions_of(user) -> QuerySet:
    """(app label, codename) of the person's own and their groups' permissions."""
    return Permission.objects.filter(Q(user=user) | Q(group__user=user)).order_by()


def _keeps_permissions(user) -> bool:
    """Whether `_perm_cache` answers for this person (see the module docstring)."""
    return user.is_active and not user.is_anonymous and not user.is_superuser


def _standing_of(user_id: int) -> QuerySet:
    """The rows of the standing query: (kind, key, value) of each group, permission and
    approved membership of the person."""
    person = get_user_model()(pk=user_id)
    text = CharField()
    columns = ("standing_kind", "standing_key", "standing_value")
    groups = group_names_of(person).annotate(
        standing_kind=Value(_GROUP, output_field=text),
        standing_key=F("name"),
        standing_value=Value("", output_field=text),
    )
    permissions = _permissions_of(person).annotate(
        standing_kind=Value(_PERMISSION, output_field=text),
        standing_key=F("content_type__app_label"),
        standing_value=F("codename"),
    )
    memberships = approved_memberships(person).annotate(
        standing_kind=Value(_MEMBERSHIP, output_field=text),
        standing_key=Cast("network_id", output_field=text),
        standing_value=F("role"),
    )
    return groups.values_list(*columns).union(
        permissions.values_list(*columns), memberships.values_list(*columns)
    )


# Built once per database: building it cost ten times its answer (see `PreparedRows`).
_STANDING = PreparedRows(_standing_of)


def load_standing(user) -> None:
    """Groups, permissions and approved memberships of `user` in one query, kept on the object
    for the rest of the request."""
    group_names, permission_names, roles = set(), set(), {}
    for kind, key, value in _STANDING.rows(user.pk):
        if kind == _GROUP:
            group_names.add(key)
        elif kind == _PERMISSION:
            permission_names.add(f"{key}.{value}")
        else:
            roles[int(key)] = value
    per_request(user, GROUP_NAMES_KEY, lambda: frozenset(group_names))
    per_request(user, MEMBERSHIPS_KEY, lambda: roles)
    if _keeps_permissions(user):
        user._perm_cache = permission_names


def _signed_in_user(user_id: int) -> QuerySet:
    return (
        get_user_model()
        ._default_manager.select_related("wagtail_userprofile")
        .annotate(**{TOTP_FLAG: totp_exists()})
        .filter(pk=user_id)
    )


# Built once per database, like the standing: building it cost more than its answer.
_SIGNED_IN_USER = PreparedInstance(_signed_in_user)


def load_signed_in_user(user_id):
    """The user of a session with their authenticator flag, Wagtail profile and standing, or
    None when there is no such user."""
    user = _SIGNED_IN_USER.get(int(user_id))
    if user is not None and user.is_active:
        load_standing(user)
    return user


class SignedInUserLoading:
    """`get_user` for a ModelBackend: the person of a session, loaded by `load_signed_in_user`."""

    def get_user(self, user_id):
        user = load_signed_in_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class OneQueryPermissionsBackend(SignedInUserLoading, ModelBackend):
    """First of the backends: authenticates nobody, reads permissions in one query."""

    def authenticate(self, request, **credentials):
        return None

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if obj is not None or not _keeps_permissions(user_obj):
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            rows = _permissions_of(user_obj).values_list("content_type__app_label", "codename").distinct()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache


class EmailPasswordBackend(SignedInUserLoading, ModelBackend):
    """Django's ModelBackend (email and password)."""


class AllauthBackend(SignedInUserLoading, AuthenticationBackend):
    """allauth's backend."""
