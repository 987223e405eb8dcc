"""Networks in the Wagtail admin.

Memberships are not in the admin: a network's admins decide them on the site
(`networks.services`, with its rules and the admin group kept in step), and an admin listing
beside it would show every network's members and pending requests to anyone it let in.
"""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from typ_site.accounts.exports import ExportSection

from .exports import memberships_rows, memberships_section
from .home import membership_requests_section
from .models import Network


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    list_display = ["name", "region"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(NetworkViewSet)


@hooks.register("typ_export_sections")
def memberships_export():
    return ExportSection("network_memberships", memberships_section, memberships_rows)


hooks.register("typ_home_sections", membership_requests_section)
