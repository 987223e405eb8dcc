from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from .models import User
from .signals import account_removed


def request_role(user: User, role: str) -> User:
    """The person states their role. A change waits for confirmation (`requested_role`);
    choosing the confirmed role again withdraws a change still waiting."""
    user.requested_role = "" if role == user.role else role
    user.save(update_fields=["requested_role"])
    return user


@transaction.atomic
def save_profile(form) -> User:
    """The profile form's fields, and its role as a request: one transaction."""
    user = form.save()
    return request_role(user, form.cleaned_data["role"])


@transaction.atomic
def remove_account(user: User) -> None:
    """Remove a person's account while what they wrote stays readable.

    The user row stays so that posts keep their author; everything that identifies the person
    is erased and the account can no longer sign in.
    """
    account_removed.send(sender=User, user=user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"removed-{user.pk}@removed.invalid"
    user.first_name = ""
    user.last_name = ""
    user.organisation_name = ""
    user.organisation_type = ""
    user.role = ""
    user.requested_role = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_removed = True
    user.removed_at = timezone.now()
    user.set_unusable_password()
    user.save()
    _end_sessions_of(user)


def _end_sessions_of(user: User) -> None:
    for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
