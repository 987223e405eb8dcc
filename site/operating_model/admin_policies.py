"""Who may use the operating model's Wagtail admin views."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from typ_site.accounts.roles import KEHA_GROUP

from .permissions import can_keep_baseline


class BaselineKeeperPolicy(ModelPermissionPolicy):
    """KEHA staff may do everything with the model, nobody else anything."""

    def user_has_permission(self, user, action):
        return can_keep_baseline(user)

    def user_has_any_permission(self, user, actions):
        return can_keep_baseline(user)

    def users_with_any_permission(self, actions):
        people = get_user_model().objects.filter(is_active=True)
        return people.filter(Q(groups__name=KEHA_GROUP) | Q(is_superuser=True)).distinct()
