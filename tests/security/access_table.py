"""Who may open what: ONE declarative table for every URL of the site.

test_url_permissions walks every URL pattern of the URLconf and, as each role, opens it with
GET and compares the answer with this table. A pattern without a row fails the test, so a new
view cannot be added without deciding who may see it.

Adding a view is one line: `"app:url_name": Access(LEVEL)`, or with the objects it needs,
`Access(LEVEL, kwargs=lambda world: {"pk": world.topic.pk})` (`world` is the fixture of
test_url_permissions: networks, people and sample objects; add an object there when a new
view needs one).

Roles (the columns): an anonymous visitor; a member of the network `world.network`; a member of
another network only (`world.other_network`); the admin of `world.network`; a KEHA staff editor;
a superuser. Outcomes: what a GET answers.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "member", "other_member", "network_admin", "keha_editor", "superuser")
SIGNED_IN_ROLES = ROLES[1:]

# --- Outcomes ---------------------------------------------------------------------------------
OK = "200"
LOGIN = "redirect to sign-in"  # a redirect to the sign-in page
ADMIN_LOGIN = "redirect to admin sign-in"
REDIRECT = "redirect elsewhere"  # e.g. a signed-in person sent on from the sign-in page
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"  # the view only answers POST
DENIED = "not 200"  # any refusal: 3xx, 403 or 404 (used for the Wagtail admin, below)
NOT_CHECKED = None  # the role is not checked here (says why where used)


def level(anonymous, signed_in=None, **per_role) -> dict[str, str | None]:
    """Expected outcome per role: `signed_in` for every signed-in role unless named."""
    expected = {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN_ROLES, signed_in)}
    unknown = set(per_role) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles: {unknown}")
    expected.update(per_role)
    return expected


# --- Access levels ----------------------------------------------------------------------------
PUBLIC = level(OK, OK)
SIGNED_IN = level(LOGIN, OK)
# The sign-in and sign-up pages send someone already signed in onwards.
ANONYMOUS_ONLY = level(OK, REDIRECT)
# Membership management: a network's admins (and a superuser), and KEHA staff, who confirm
# roles there. KEHA staff see and decide no network's requests by their role.
NETWORK_ADMIN = level(LOGIN, NOT_FOUND, network_admin=OK, keha_editor=OK, superuser=OK)
# login_required around require_POST: a visitor is sent to sign in, a member is told GET is
# not allowed. The POST itself is covered by the view's own tests and by test_csrf.
POST_ONLY = level(LOGIN, NOT_ALLOWED)
PUBLIC_POST_ONLY = level(NOT_ALLOWED, NOT_ALLOWED)
REDIRECTS = level(REDIRECT, REDIRECT)
MISSING = level(NOT_FOUND, NOT_FOUND)  # addresses of objects that do not exist
# The Wagtail admin checks its own permissions (tested by Wagtail); here: nobody without admin
# access gets in. Network admins, editors and superusers may open the admin (network admins
# for their network's pages and events); what they may do there is Wagtail's permission
# model, so their answers are not checked here.
# A network's private forum content (forums.selectors): its members and admins, and a
# superuser. Everyone else signed in gets a 404, KEHA staff included unless they are members.
NETWORK_FORUM = level(LOGIN, OK, other_member=NOT_FOUND, keha_editor=NOT_FOUND)
# The same, for what only the moderators of that forum (its network's admins) may open.
NETWORK_FORUM_MODERATORS = level(
    LOGIN,
    FORBIDDEN,
    other_member=NOT_FOUND,
    network_admin=OK,
    keha_editor=NOT_FOUND,
    superuser=OK,
)
# A calendar event for the organising network's members only (calendar_app.selectors: access
# keys). No sign-in prompt: an event one may not see does not exist. As in the forums, KEHA
# staff see a network's events only as members of the network, and a superuser sees them all.
NETWORK_EVENT = level(NOT_FOUND, OK, other_member=NOT_FOUND, keha_editor=NOT_FOUND)
WAGTAIL_ADMIN = level(
    DENIED, DENIED, network_admin=NOT_CHECKED, keha_editor=NOT_CHECKED, superuser=NOT_CHECKED
)


@dataclass(frozen=True)
class Access:
    expected: dict[str, str | None]
    # Keyword arguments (or a tuple of positional ones) for the address, from the `world`.
    kwargs: Callable[[object], dict | tuple] | None = None
    note: str = field(default="", compare=False)


# --- The table --------------------------------------------------------------------------------
ACCESS_TABLE: dict[str, Access] = {
    # Project shell
    "healthz": Access(PUBLIC),
    "set_language": Access(REDIRECTS, note="Django's view: redirects back (POST sets it)"),
    "javascript-catalog": Access(PUBLIC),
    "wagtail_serve": Access(PUBLIC, kwargs=lambda world: ("",)),
    "wagtailcore_login": Access(PUBLIC, note="sign-in for password-protected pages"),
    "wagtailcore_authenticate_with_password": Access(
        MISSING, kwargs=lambda world: {"page_view_restriction_id": 999999, "page_id": world.home.pk}
    ),
    "wagtaildocs_serve": Access(PUBLIC, kwargs=lambda world: (world.document.pk, world.document.filename)),
    "wagtaildocs_authenticate_with_password": Access(
        MISSING, kwargs=lambda world: {"restriction_id": 999999}
    ),
    # Accounts (ours)
    "accounts:profile": Access(SIGNED_IN),
    "accounts:export": Access(SIGNED_IN),
    "accounts:remove": Access(SIGNED_IN),
    # Accounts (allauth)
    "account_login": Access(ANONYMOUS_ONLY),
    "account_signup": Access(ANONYMOUS_ONLY),
    "account_logout": Access(level(REDIRECT, OK), note="signed in: the confirmation page"),
    "account_inactive": Access(PUBLIC),
    "account_reauthenticate": Access(SIGNED_IN),
    # Reauthentication by an e-mailed code (allauth 65.22): refused, since whoever reads the
    # mailbox could then turn off two-step verification (ACCOUNT_REAUTHENTICATION_METHODS).
    "account_request_reauthentication_code": Access(
        level(LOGIN, FORBIDDEN), note="code reauthentication is off"
    ),
    "account_confirm_reauthentication_code": Access(
        level(LOGIN, FORBIDDEN), note="code reauthentication is off"
    ),
    "account_email": Access(SIGNED_IN),
    "account_email_verification_sent": Access(PUBLIC),
    "account_change_password": Access(SIGNED_IN),
    "account_set_password": Access(level(LOGIN, REDIRECT), note="everyone has a password"),
    "account_reset_password": Access(PUBLIC),
    "account_reset_password_done": Access(PUBLIC),
    "account_reset_password_from_key": Access(
        PUBLIC,
        kwargs=lambda world: {"uidb36": "zz", "key": "not-a-valid-key"},
        note="an invalid key shows the 'link is invalid' page",
    ),
    "account_reset_password_from_key_done": Access(PUBLIC),
    "account_confirm_email": Access(PUBLIC, kwargs=lambda world: {"key": "not-a-valid-key"}),
    "account_confirm_login_code": Access(level(LOGIN, REDIRECT), note="sign-in by code is off"),
    # Two-step verification. Members have no authenticator; the network admin, the editor and
    # the superuser have one (TOTP, no recovery codes). Changes ask for the password again
    # first (a redirect to reauthenticate).
    "mfa_index": Access(SIGNED_IN),
    "mfa_authenticate": Access(level(LOGIN, REDIRECT), note="only during a sign-in that asks for the code"),
    "mfa_reauthenticate": Access(level(LOGIN, OK, member=REDIRECT, other_member=REDIRECT)),
    "mfa_activate_totp": Access(level(LOGIN, REDIRECT)),
    "mfa_deactivate_totp": Access(level(LOGIN, REDIRECT, member=NOT_FOUND, other_member=NOT_FOUND)),
    "mfa_view_recovery_codes": Access(level(LOGIN, NOT_FOUND)),
    "mfa_generate_recovery_codes": Access(level(LOGIN, REDIRECT)),
    "mfa_download_recovery_codes": Access(level(LOGIN, NOT_FOUND)),
    # Networks
    "networks:list": Access(PUBLIC),
    "networks:manage": Access(NETWORK_ADMIN),
    "networks:decide": Access(POST_ONLY, kwargs=lambda world: {"pk": world.pending_request.pk}),
    "networks:decide_role": Access(POST_ONLY, kwargs=lambda world: {"pk": world.users["member"].pk}),
    "networks:join": Access(POST_ONLY, kwargs=lambda world: {"slug": world.network.slug}),
    # Forums (forums.selectors decides who sees what). The objects are the private forum of
    # world.network and its topic; national and theme forums are open to everyone signed in.
    "forums:index": Access(PUBLIC, note="anonymous: a page asking to sign in"),
    "forums:forum": Access(NETWORK_FORUM, kwargs=lambda world: {"slug": world.network_forum.slug}),
    "forums:new_topic": Access(NETWORK_FORUM, kwargs=lambda world: {"slug": world.network_forum.slug}),
    "forums:follow_forum": Access(POST_ONLY, kwargs=lambda world: {"slug": world.network_forum.slug}),
    "forums:create_feed_address": Access(POST_ONLY, kwargs=lambda world: {"slug": world.network_forum.slug}),
    "forums:topic": Access(NETWORK_FORUM, kwargs=lambda world: {"pk": world.topic.pk}),
    "forums:reply": Access(NETWORK_FORUM, kwargs=lambda world: {"pk": world.topic.pk}),
    "forums:follow_topic": Access(POST_ONLY, kwargs=lambda world: {"pk": world.topic.pk}),
    "forums:accept_answer": Access(POST_ONLY, kwargs=lambda world: {"pk": world.topic.pk}),
    "forums:move_topic": Access(NETWORK_FORUM_MODERATORS, kwargs=lambda world: {"pk": world.topic.pk}),
    "forums:moderate_topic": Access(POST_ONLY, kwargs=lambda world: {"pk": world.topic.pk, "action": "lock"}),
    "forums:post": Access(
        level(LOGIN, REDIRECT, other_member=NOT_FOUND, keha_editor=NOT_FOUND),
        kwargs=lambda world: {"pk": world.post.pk},
        note="a post's address sends on to its place on the topic page",
    ),
    "forums:edit_post": Access(
        level(LOGIN, FORBIDDEN, member=OK, other_member=NOT_FOUND, keha_editor=NOT_FOUND),
        kwargs=lambda world: {"pk": world.post.pk},
        note="only the author edits; moderators hide instead",
    ),
    "forums:post_history": Access(
        level(LOGIN, OK, other_member=NOT_FOUND, keha_editor=NOT_FOUND),
        kwargs=lambda world: {"pk": world.post.pk},
        note="the author (member) and the forum's moderators",
    ),
    "forums:report_post": Access(NETWORK_FORUM, kwargs=lambda world: {"pk": world.reply.pk}),
    "forums:react": Access(POST_ONLY, kwargs=lambda world: {"pk": world.post.pk}),
    "forums:moderate_post": Access(POST_ONLY, kwargs=lambda world: {"pk": world.reply.pk, "action": "hide"}),
    "forums:attachment": Access(
        NETWORK_FORUM,
        kwargs=lambda world: {"pk": world.attachment.pk, "filename": world.attachment.original_name},
    ),
    "forums:notifications": Access(SIGNED_IN),
    "forums:mark_all_read": Access(POST_ONLY),
    "forums:open_notification": Access(
        level(LOGIN, NOT_FOUND, member=REDIRECT),
        kwargs=lambda world: {"pk": world.notification.pk},
        note="the member's own notification; anyone else's is a 404",
    ),
    # The queue opens for those who moderate some forum: network admins their network's
    # forums, KEHA staff the national and theme forums.
    "forums:moderation": Access(NETWORK_ADMIN),
    "forums:handle_report": Access(
        POST_ONLY, kwargs=lambda world: {"pk": world.report.pk, "action": "dismiss"}
    ),
    "forums:reset_feed_address": Access(POST_ONLY),
    "forums:feed": Access(
        MISSING,
        kwargs=lambda world: {
            "token": world.outsider_forum_feed.key,
            "slug": world.network_forum.slug,
        },
        note="feed readers do not sign in: the token is the key, and the token of someone "
        "outside the network does not open its forum, whoever asks",
    ),
    # Calendar (calendar_app.selectors.visible_events_for decides). Listings are public and
    # filtered per person.
    "calendar_app:month": Access(PUBLIC),
    "calendar_app:month_of": Access(PUBLIC, kwargs=lambda world: {"year": 2026, "month": 3}),
    "calendar_app:agenda": Access(PUBLIC),
    "calendar_app:wheel": Access(PUBLIC),
    "calendar_app:wheel_of": Access(PUBLIC, kwargs=lambda world: {"year": 2026}),
    "calendar_app:event": Access(NETWORK_EVENT, kwargs=lambda world: {"pk": world.network_event.pk}),
    "calendar_app:event_ics": Access(
        level(NOT_FOUND, OK),
        kwargs=lambda world: {"pk": world.members_event.pk},
        note="an event for signed-in members",
    ),
    "calendar_app:register": Access(POST_ONLY, kwargs=lambda world: {"pk": world.public_event.pk}),
    "calendar_app:cancel": Access(POST_ONLY, kwargs=lambda world: {"pk": world.public_event.pk}),
    "calendar_app:registrants": Access(
        NETWORK_ADMIN,
        kwargs=lambda world: {"pk": world.public_event.pk},
        note="organisers only: the organising network's admins and KEHA staff",
    ),
    "calendar_app:feed_public": Access(PUBLIC),
    "calendar_app:feed_theme": Access(PUBLIC, kwargs=lambda world: {"theme": "asiakasprosessi"}),
    "calendar_app:feed_private": Access(
        PUBLIC,
        kwargs=lambda world: {"token": world.calendar_feed.token},
        note="the token is the key (calendar apps do not sign in); it shows its owner's events",
    ),
    "calendar_app:feed_network": Access(
        MISSING,
        kwargs=lambda world: {
            "token": world.outsider_calendar_feed.token,
            "network": world.network.slug,
        },
        note="the token of someone outside the network does not open the network's feed",
    ),
    "calendar_app:feed_token_create": Access(POST_ONLY),
    "calendar_app:feed_token_revoke": Access(POST_ONLY),
    # Knowledge base (its pages are Wagtail pages, served by wagtail_serve above).
    "knowledge:statute": Access(PUBLIC, kwargs=lambda world: {"statute_slug": "381-2023"}),
    "knowledge:law_section": Access(
        PUBLIC,
        kwargs=lambda world: {"statute_slug": "381-2023", "section": "11"},
        note="lists the interpretations and guidance the person may see",
    ),
    "knowledge:submit_practice": Access(SIGNED_IN),
    "knowledge:my_submissions": Access(SIGNED_IN),
    "knowledge:following": Access(SIGNED_IN),
    "knowledge:follow": Access(POST_ONLY, kwargs=lambda world: {"page_id": world.home.pk}),
    "knowledge:unfollow": Access(POST_ONLY, kwargs=lambda world: {"page_id": world.home.pk}),
    # Search: public; every hit is filtered by the searcher's access keys.
    "search:search": Access(PUBLIC),
    "search:suggest": Access(PUBLIC),
    # Participation (forums.participation.engine decides). The round is for the members of
    # world.network; KEHA staff run rounds and see them all.
    "participation:index": Access(PUBLIC, note="anonymous: a page asking to sign in"),
    "participation:round": Access(
        level(LOGIN, OK, other_member=NOT_FOUND), kwargs=lambda world: {"pk": world.network_round.pk}
    ),
    "participation:results": Access(
        level(LOGIN, OK, other_member=NOT_FOUND),
        kwargs=lambda world: {"pk": world.network_round.pk},
        note="live results: those who may vote, and KEHA staff",
    ),
    "participation:results_csv": Access(
        level(LOGIN, NOT_FOUND, keha_editor=OK, superuser=OK),
        kwargs=lambda world: {"pk": world.network_round.pk},
        note="the export is for KEHA staff (permissions.can_export_results), a 404 to others",
    ),
    "participation:needs": Access(SIGNED_IN),
    "participation:propose_need": Access(SIGNED_IN),
    "participation:need": Access(SIGNED_IN, kwargs=lambda world: {"pk": world.need.pk}),
    "participation:merge_need": Access(POST_ONLY, kwargs=lambda world: {"pk": world.need.pk}),
    "participation:answer_story": Access(POST_ONLY, kwargs=lambda world: {"page_id": world.home.pk}),
    # Wagtail admin: the pages one can open before signing in.
    "wagtailadmin_login": Access(level(OK, NOT_CHECKED)),
    "wagtailadmin_logout": Access(level(ADMIN_LOGIN, NOT_CHECKED)),
    "wagtailadmin_password_reset": Access(level(OK, NOT_CHECKED)),
    "wagtailadmin_password_reset_done": Access(level(OK, NOT_CHECKED)),
    "wagtailadmin_password_reset_confirm": Access(
        level(OK, NOT_CHECKED), kwargs=lambda world: {"uidb64": "zz", "token": "not-a-valid-token"}
    ),
    "wagtailadmin_password_reset_complete": Access(level(OK, NOT_CHECKED)),
    # Wagtail's page chooser browser; the narrowed one (knowledge.admin_views), listed before
    # it at the same address, answers there (tests/security/test_admin_object_scope.py).
    "wagtailadmin_choose_page_child": Access(
        WAGTAIL_ADMIN, kwargs=lambda world: {"parent_page_id": world.home.pk}
    ),
    # The admin's icon sprite and translations of its scripts: static assets, public.
    "wagtailadmin_sprite": Access(PUBLIC),
    "wagtailadmin_javascript_catalog": Access(PUBLIC),
}

# Rules for whole families of patterns that are not ours, by the start of their route (after
# the language prefix). A named row above wins over a prefix rule.
PREFIX_RULES: dict[str, Access] = {
    "admin/": Access(WAGTAIL_ADMIN),
}


def access_for(route) -> Access | None:
    if route.key in ACCESS_TABLE:
        return ACCESS_TABLE[route.key]
    for prefix, access in PREFIX_RULES.items():
        if route.route.startswith(prefix):
            return access
    return None
