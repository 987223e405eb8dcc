"""The page types and key views that the accessibility tests open, in Finnish and Swedish.

Adding a page is one entry in PAGES: a name, the address (a function of the `people` fixture,
so it can point at objects the fixture made) and who is signed in ("member", "admin",
"outsider" or None for an anonymous visitor). `prepare` runs in the browser after the page has
loaded, for views that only appear after an action (a form with its error messages, a menu
opened on a phone...).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.test import Client
from django.utils import timezone

from knowledge.induction.models import CompletedTask
from tests.e2e import content
from typ_site.core.demo_accessibility import create_accessibility_statement
from typ_site.core.models import AccessibilityStatementPage
from typ_site.networks.models import Membership

LANGUAGE_PREFIXES = {"fi": "", "sv": "/sv"}


@dataclass(frozen=True)
class PageUnderTest:
    name: str
    path: Callable[[object], str]
    signed_in: str | None = None
    prepare: Callable[[object], None] | None = None
    status: int = 200  # what the address answers (error pages)


def _submit_empty_form(page) -> None:
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def _statement(people) -> str:
    create_accessibility_statement()
    return AccessibilityStatementPage.objects.get().url


def _with_errors(page) -> None:
    """Sends the form back with errors: its error summary has the focus and the title says so."""
    _submit_empty_form(page)
    assert page.evaluate("() => document.activeElement.matches('[data-error-summary]')"), (
        f"{page.url}: the error summary did not take the focus"
    )
    assert page.title().startswith(("Virhe:", "Fel:")), f"{page.url}: the title does not start with Error:"


def _someone_elses_post(people) -> str:
    """The edit form of the member's post, opened by the network admin: a 403."""
    return f"/forums/post/{content.topic_with_posts(people).posts.first().pk}/edit/"


def _with_pending_request(people) -> str:
    """The management page with a request waiting, so that its decision table is shown."""
    Membership.objects.get_or_create(
        user=people.outsider,
        network=people.network,
        defaults={
            "status": Membership.Status.PENDING,
            "message": "Aloitin juuri työvalmentajana ja haluaisin mukaan verkostoon.",
        },
    )
    return "/networks/manage/"


def _with_guidance(people) -> str:
    return content.guidance_page().url


def _tag_page(people) -> str:
    tree = content.knowledge_tree()
    content.guidance_page(tree)
    content.practice_page(tree)
    return tree.themes.tag_url("asiakasprosessi")


def _section_index(key: str, make_child):
    def path(people) -> str:
        tree = content.knowledge_tree()
        make_child(tree, people)
        return getattr(tree, key).url

    return path


def _forum(people) -> str:
    content.topic_with_posts(people)
    return content.network_forum(people.network).get_absolute_url()


def _new_topic(people) -> str:
    return content.network_forum(people.network).get_absolute_url() + "new/"


def _topic(people) -> str:
    return content.topic_with_posts(people).get_absolute_url()


def _notifications(people) -> str:
    content.topic_with_posts(people)
    return "/forums/notifications/"


def _moderation_queue(people) -> str:
    content.reported_topic(people)
    return "/forums/moderation/"


def _calendar(path: str):
    def with_events(people) -> str:
        content.event()
        content.event(
            people.network, title="Verkoston ohjausryhmä", visibility="network", registration_enabled=False
        )
        return path

    return with_events


def _event(people) -> str:
    return content.event(people.network).get_absolute_url()


def _search(query: str):
    def with_guidance(people) -> str:
        content.guidance_page()
        return f"/search/?q={query}"

    return with_guidance


def _shows(text: str):
    """A `prepare` that makes sure the page shows what it is checked with (e.g. search hits)."""

    def check(page) -> None:
        assert text in page.locator("main").inner_text(), f"{page.url} does not show {text!r}"

    return check


def _participation_index(people) -> str:
    content.voting_round(networks=[people.network])
    content.closed_round_with_results()
    content.case_story_page()
    return "/participate/"


def _voting_round(people) -> str:
    return f"/participate/rounds/{content.voting_round(networks=[people.network]).pk}/"


def _round_results(people) -> str:
    return f"/participate/rounds/{content.closed_round_with_results().pk}/results/"


def _shows_ballot_form(page) -> None:
    assert page.locator("main form.participation-ballot input[type=checkbox]").count() == len(
        content.NEEDS
    ), f"{page.url} shows no ballot form"


def _shows_breakdowns(page) -> None:
    """The totals table and both breakdowns (by role, by organisation type) are shown."""
    assert page.locator("main table").count() == 3, f"{page.url} hides a breakdown"


def _case_story(people) -> str:
    story = content.case_story_page()
    content.answer_story(story, agree=5, disagree=1)
    return story.url


def _shows_story_form(page) -> None:
    assert page.locator("#story-answers form input[type=radio]").count() == 3, (
        f"{page.url} shows no answer form"
    )


def _induction_started(people):
    """The induction section, with the member's suggested path started: step 1 done."""
    section = content.induction_section()
    content.induction_progress(people.member, section.te_expert)
    return section


def _induction_step_done(people) -> str:
    """A done step, at its own anchor, whose linked guidance has changed since it was done: the
    step was done three days ago, and the guidance has a change note from yesterday."""
    section = _induction_started(people)
    CompletedTask.objects.filter(user=people.member).update(
        completed_at=timezone.now() - datetime.timedelta(days=3)
    )
    guidance = section.guidance
    note_model = type(guidance)._meta.get_field("change_notes").related_model
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    guidance.change_notes.add(note_model(date=yesterday, note="Työnjakoa tarkennettu."))
    content.publish(guidance)
    return section.te_expert.url + "#step-1"


def _shows_done_step_with_updated_reading(page) -> None:
    step = page.locator("#step-1")
    assert step.locator(".induction-updated").count() == 1, f"{page.url} shows no updated page"
    assert "induction-step-done" in (step.get_attribute("class") or ""), f"{page.url}: not done"


def _induction_follow_up(person: bool):
    def path(people) -> str:
        index = _induction_started(people).index  # no language prefix: the test adds it
        if person:
            return index.url + index.reverse_subpage("person", args=[people.member.pk])
        return index.url + index.reverse_subpage("follow_up")

    return path


PAGES = [
    PageUnderTest("home", lambda people: "/"),
    PageUnderTest("home signed in", lambda people: "/", signed_in="member"),
    PageUnderTest("sign-in", lambda people: "/accounts/login/"),
    PageUnderTest("sign-in with errors", lambda people: "/accounts/login/", prepare=_with_errors),
    PageUnderTest("sign-up", lambda people: "/accounts/signup/"),
    PageUnderTest("sign-up with errors", lambda people: "/accounts/signup/", prepare=_with_errors),
    PageUnderTest("password reset", lambda people: "/accounts/password/reset/"),
    PageUnderTest("networks", lambda people: "/networks/"),
    PageUnderTest("networks signed in", lambda people: "/networks/", signed_in="outsider"),
    PageUnderTest("membership management", _with_pending_request, signed_in="admin"),
    PageUnderTest("profile", lambda people: "/accounts/profile/", signed_in="member"),
    PageUnderTest("account removal", lambda people: "/accounts/profile/remove/", signed_in="member"),
    PageUnderTest("two-step verification", lambda people: "/accounts/2fa/", signed_in="member"),
    PageUnderTest("e-mail addresses", lambda people: "/accounts/email/", signed_in="member"),
    PageUnderTest("change password", lambda people: "/accounts/password/change/", signed_in="member"),
    # Knowledge base
    PageUnderTest("guidance", _with_guidance),
    PageUnderTest("law interpretation", lambda people: content.interpretation_page().url),
    PageUnderTest("practice", lambda people: content.practice_page().url),
    PageUnderTest("network page", lambda people: content.network_page(people.network).url),
    PageUnderTest(
        "guidance index", _section_index("guidance", lambda tree, people: content.guidance_page(tree))
    ),
    PageUnderTest(
        "interpretation index",
        _section_index("interpretations", lambda tree, people: content.interpretation_page(tree)),
    ),
    PageUnderTest(
        "practice index", _section_index("practices", lambda tree, people: content.practice_page(tree))
    ),
    PageUnderTest(
        "network index",
        _section_index("networks", lambda tree, people: content.network_page(people.network, tree)),
    ),
    PageUnderTest("theme index", _section_index("themes", lambda tree, people: content.guidance_page(tree))),
    PageUnderTest("tag page", _tag_page),
    PageUnderTest("law section", lambda people: content.law_section().get_absolute_url()),
    PageUnderTest(
        "practice submission form", lambda people: "/knowledge/kaytannot/ehdota/", signed_in="member"
    ),
    # Forums
    PageUnderTest("forum list", lambda people: _forum(people) and "/forums/", signed_in="member"),
    PageUnderTest("forum", _forum, signed_in="member"),
    PageUnderTest("forum topic", _topic, signed_in="member", prepare=_shows("Se nopeuttaa ensitapaamista.")),
    PageUnderTest("new topic form", _new_topic, signed_in="member"),
    PageUnderTest(
        "notifications", _notifications, signed_in="member", prepare=_shows("Alkukartoituksen lomake")
    ),
    PageUnderTest(
        "moderation queue",
        _moderation_queue,
        signed_in="admin",
        prepare=_shows("Viesti kuuluu toiselle alueelle."),
    ),
    # Calendar
    PageUnderTest("calendar month", _calendar("/calendar/"), signed_in="member"),
    PageUnderTest(
        "agenda", _calendar("/calendar/agenda/"), signed_in="member", prepare=_shows("Verkoston ohjausryhmä")
    ),
    PageUnderTest("annual wheel", _calendar("/calendar/wheel/"), signed_in="member"),
    PageUnderTest("event", _event, signed_in="member"),
    # Participation
    PageUnderTest(
        "participation index", _participation_index, signed_in="member", prepare=_shows(content.ROUND_TITLE)
    ),
    PageUnderTest("voting round", _voting_round, signed_in="member", prepare=_shows_ballot_form),
    PageUnderTest("round results", _round_results, signed_in="member", prepare=_shows_breakdowns),
    PageUnderTest("customer story", _case_story, signed_in="member", prepare=_shows_story_form),
    # Induction
    PageUnderTest(
        "induction path list", lambda people: _induction_started(people).index.url, signed_in="member"
    ),
    PageUnderTest(
        "induction path",
        lambda people: _induction_started(people).te_expert.url,
        signed_in="member",
        prepare=_shows("Tapaa verkoston väki"),
    ),
    PageUnderTest(
        "induction step done",
        _induction_step_done,
        signed_in="member",
        prepare=_shows_done_step_with_updated_reading,
    ),
    PageUnderTest(
        "home with induction progress",
        lambda people: _induction_started(people) and "/",
        signed_in="member",
        prepare=_shows("TE-asiantuntijan perehdytys"),
    ),
    PageUnderTest(
        "induction follow-up",
        _induction_follow_up(person=False),
        signed_in="admin",
        prepare=_shows("Maija Meikäläinen"),
    ),
    PageUnderTest(
        "induction person progress",
        _induction_follow_up(person=True),
        signed_in="admin",
        prepare=_shows("Tapaa verkoston väki"),
    ),
    # Search
    PageUnderTest(
        "search results", _search("tyollistymissuunnitelma"), prepare=_shows(content.GUIDANCE_TITLE)
    ),
    PageUnderTest("search without hits", _search("xyzzyvaara")),
    # Accessibility statement and feedback, error pages and forms sent back with errors
    PageUnderTest("accessibility statement", _statement),
    PageUnderTest("accessibility feedback", lambda people: "/accessibility/feedback/"),
    PageUnderTest(
        "accessibility feedback with errors", lambda people: "/accessibility/feedback/", prepare=_with_errors
    ),
    PageUnderTest(
        "practice submission with errors",
        lambda people: "/knowledge/kaytannot/ehdota/",
        signed_in="member",
        prepare=_with_errors,
    ),
    PageUnderTest("new topic with errors", _new_topic, signed_in="member", prepare=_with_errors),
    # The operating model, the network indicators, the barometer and the criteria workspace
    PageUnderTest("responsibility baseline", lambda people: "/operating-model/"),
    PageUnderTest(
        "local agreement", lambda people: f"/operating-model/{people.network.slug}/", signed_in="member"
    ),
    PageUnderTest(
        "who's who", lambda people: f"/operating-model/{people.network.slug}/people/", signed_in="admin"
    ),
    PageUnderTest("service catalogue", lambda people: "/operating-model/services/", signed_in="member"),
    PageUnderTest(
        "national decisions of a network",
        lambda people: f"/operating-model/{people.network.slug}/adoption/",
        signed_in="admin",
    ),
    PageUnderTest("network indicators", lambda people: "/indicators/", signed_in="member"),
    PageUnderTest(
        "indicators of a network",
        lambda people: f"/indicators/network/{people.network.slug}/",
        signed_in="admin",
    ),
    PageUnderTest(
        "indicator upload",
        lambda people: f"/indicators/network/{people.network.slug}/upload/",
        signed_in="admin",
    ),
    PageUnderTest("barometer", lambda people: "/participate/barometer/", signed_in="member"),
    PageUnderTest("criteria workspace", lambda people: "/participate/criteria/", signed_in="member"),
    PageUnderTest("page not found", lambda people: "/ei-tallaista-sivua/", status=404),
    PageUnderTest("no access", _someone_elses_post, signed_in="admin", status=403),
]

# Pages checked at a phone's size (375 × 667 CSS pixels): nothing may scroll sideways.
PHONE_VIEWPORT = {"width": 375, "height": 667}
PHONE_PAGES = [
    PageUnderTest("home", lambda people: "/"),
    PageUnderTest("networks", lambda people: "/networks/", signed_in="outsider"),
    PageUnderTest("membership management", _with_pending_request, signed_in="admin"),
    PageUnderTest("profile", lambda people: "/accounts/profile/", signed_in="member"),
    PageUnderTest("forum", _forum, signed_in="member"),
    PageUnderTest("calendar month", _calendar("/calendar/"), signed_in="member"),
    PageUnderTest("guidance", _with_guidance),
    PageUnderTest(
        "induction path", lambda people: _induction_started(people).te_expert.url, signed_in="member"
    ),
    PageUnderTest("voting round", _voting_round, signed_in="member", prepare=_shows_ballot_form),
    # Its breakdown tables scroll sideways inside their own focusable regions.
    PageUnderTest("round results", _round_results, signed_in="member", prepare=_shows_breakdowns),
]


def sign_in_with_session(context, user, base_url: str) -> None:
    """Puts a signed-in session cookie into the browser context (the fast way, for tests whose
    subject is a page, not the sign-in itself; journeys sign in through the form)."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
