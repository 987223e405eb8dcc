"""Wagtail's editing bar on the site's pages, in the editor's language, without a read of its own.

Wagtail's `{% wagtailuserbar %}` reads the editor's profile (`UserProfile.get_for_user`, a
get-or-create) for the admin language it renders in, although the person of a session comes
with their profile (`typ_site.accounts.backends.load_signed_in_user`). `Userbar` below is
Wagtail's bar with that one difference: it takes the profile already loaded (and reads or
creates it as Wagtail does when the person has none), and its "add a child page" item asks
the person's page permissions (read once per request) before it counts the page's children
of each kind that has a maximum per parent: the answer is Wagtail's, without the count for
the many who may add nothing here. The rest follows Wagtail 7.4's
`wagtail.admin.userbar.Userbar.get_context_data` (the preview panel, a revision, a page or
another object), less its deprecated ways of rendering items; tests/core/test_userbar.py
compares the two bars' HTML, so a Wagtail upgrade that changes the bar shows there.
"""

from django.forms import Media
from django.utils import translation
from wagtail import hooks
from wagtail.admin import userbar as wagtail_userbar
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Page, Revision
from wagtail.users.models import UserProfile


def loaded_profile(user) -> UserProfile:
    """The person's Wagtail profile: the one loaded with them, else read or made."""
    try:
        return user.wagtail_userprofile
    except UserProfile.DoesNotExist:
        return UserProfile.get_for_user(user)


class AddPageItem(wagtail_userbar.AddPageItem):
    """Wagtail's item, asking first whether the person may add pages here at all
    (`PagePermissionTester.can_add_subpage` asks it last, after the counts)."""

    def render_html(self, parent_context):
        user = parent_context.get("request").user
        may_ask = self.page.id and user.is_active and not user.is_superuser
        if may_ask and "add" not in self.page.permissions_for_user(user).permissions:
            return ""
        return super().render_html(parent_context)


class Userbar(wagtail_userbar.Userbar):
    def get_context_data(self, parent_context):
        request = parent_context.get("request")
        if not request or request.user.is_anonymous:
            language = None
        else:
            language = loaded_profile(request.user).get_preferred_language()
        with translation.override(language):
            revision_id = getattr(request, "revision_id", None)
            if getattr(request, "in_preview_panel", False):
                items = [wagtail_userbar.AccessibilityItem()]
            elif isinstance(self.object, Page) and self.object.pk:
                shown = Revision.page_revisions.get(id=revision_id).content_object if revision_id else None
                items = [
                    wagtail_userbar.AdminItem(),
                    wagtail_userbar.ExplorePageItem(shown or self.object),
                    wagtail_userbar.EditPageItem(shown or self.object),
                ]
                if shown is None:
                    items.append(AddPageItem(self.object))
                items.append(wagtail_userbar.AccessibilityItem())
            else:
                items = [wagtail_userbar.AdminItem(), wagtail_userbar.AccessibilityItem()]
            for hook in hooks.get_hooks("construct_wagtail_userbar"):
                hook(request, items, self.object)
            rendered_items = []
            media = Media()
            for item in items:
                content = item.render_html(parent_context)
                if content:
                    rendered_items.append(content)
                if hasattr(item, "media"):
                    media += item.media
            origin = f"//{request.get_host()}" if request else get_admin_base_url() or ""
            return {
                "request": request,
                "origin": origin,
                "items": rendered_items,
                "media": media,
                "position": self.position,
                "page": self.object,
                "revision_id": revision_id,
            }
