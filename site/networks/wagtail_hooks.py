from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Membership, Network


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    list_display = ["name", "region"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 250


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    list_display = ["user", "network", "role", "status"]
    list_filter = ["network", "role", "status"]


register_snippet(NetworkViewSet)
register_snippet(MembershipViewSet)
