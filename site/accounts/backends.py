"""Permissions read in one query per request.

Django's ModelBackend reads a person's permissions in two queries (their own, their groups'),
the first time anything asks `user.has_perm` in a request; the page header, Wagtail's editing
bar and the admin policies of the apps ask it on most pages. `OneQueryPermissionsBackend`
stands first in AUTHENTICATION_BACKENDS and reads the same rows in one query, keeping them
where ModelBackend keeps them (`_perm_cache` on the user object, which lives as long as the
request): ModelBackend then answers from there without a query. The rule stays Django's: the
same permissions, for the same people (active, signed in, not superusers: a superuser holds
every permission and ModelBackend answers for them). It authenticates nobody: signing in
stays with the backends after it. It loads the user of a session like ModelBackend (a test's
`force_login` names the first backend).
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class OneQueryPermissionsBackend(ModelBackend):
    def authenticate(self, request, **credentials):
        return None

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None or user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            rows = (
                Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
                .values_list("content_type__app_label", "codename")
                .distinct()
            )
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache
