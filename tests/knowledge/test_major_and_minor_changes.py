"""GOV.UK's "last updated": the date of the newest change note. The editor chooses, on every
edit of a published page, between a major change (a change note; the followers are e-mailed)
and a minor one (no note; nobody is told; "last updated" stays)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from knowledge.models import GuidanceChangeNote, GuidancePage, PageFollow
from tests.factories import make_user
from tests.helpers import queries_for

from .conftest import make_guidance, make_interpretation, publish

OLD_NOTE = (datetime.date(2025, 3, 1), "Ohje julkaistu.")


@pytest.fixture
def guidance(tree):
    page = make_guidance(tree, title="Asiakasprosessin ohje", slug="asiakasprosessi")
    page.change_notes.add(GuidanceChangeNote(date=OLD_NOTE[0], note=OLD_NOTE[1]))
    return publish(page)


@pytest.fixture
def follower(guidance):
    person = make_user(email="seuraaja@example.fi")
    PageFollow.objects.create(user=person, page=guidance)
    return person


@pytest.fixture
def publisher(db):
    return make_user(email="julkaisija@example.fi", is_superuser=True, is_staff=True)


def fresh(page):
    return GuidancePage.objects.get(pk=page.pk)


def edit_form_data(page, *, kind=None, new_notes=(), title=None):
    notes = [(note.pk, note.date, note.note) for note in fresh(page).change_notes.all()]
    notes += [(None, date, text) for date, text in new_notes]
    data = {
        "title": title or page.title,
        "slug": page.slug,
        "action-publish": "publish",
        "publisher": page.publisher,
        "status": page.status,
        "intro": page.intro,
        "next_review_date": "",
        "body-count": "0",
        "attachments-count": "0",
        "tags": "",
        "change_notes-TOTAL_FORMS": str(len(notes)),
        "change_notes-INITIAL_FORMS": str(sum(1 for pk, _date, _note in notes if pk)),
        "change_notes-MIN_NUM_FORMS": "0",
        "change_notes-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    for number, (pk, date, text) in enumerate(notes):
        prefix = f"change_notes-{number}-"
        data.update(
            {
                prefix + "id": str(pk or ""),
                prefix + "date": date.isoformat(),
                prefix + "note": text,
                prefix + "ORDER": str(number + 1),
                prefix + "DELETE": "",
            }
        )
    if kind is not None:
        data["change_kind"] = kind
    return data


def post_edit(client, publisher, page, **kwargs):
    client.force_login(publisher)
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), edit_form_data(page, **kwargs))


# --- "Last updated" and the history -----------------------------------------------------------


def test_last_updated_is_the_newest_change_notes_date_not_the_last_publication(guidance, client):
    guidance.intro = "Korjattu kirjoitusvirhe."
    publish(guidance)

    page = client.get(guidance.url).content.decode()

    assert fresh(guidance).last_updated == OLD_NOTE[0]
    assert '<time datetime="2025-03-01">1.3.2025</time>' in page
    assert fresh(guidance).last_published_at.date() != OLD_NOTE[0]


def test_a_page_without_notes_was_last_updated_when_first_published(tree):
    page = make_guidance(tree)
    first = page.first_published_at
    page.intro = "Toinen versio."
    publish(page)

    assert fresh(page).last_updated == timezone.localdate(first)


def test_the_history_is_newest_first_and_same_day_notes_latest_written_first(tree, client):
    page = make_guidance(tree)
    for date, text in [
        (datetime.date(2025, 5, 2), "Toukokuun ensimmäinen."),
        (datetime.date(2024, 1, 9), "Vanhin."),
        (datetime.date(2025, 5, 2), "Toukokuun toinen."),
        (datetime.date(2025, 11, 20), "Uusin."),
    ]:
        page.change_notes.add(GuidanceChangeNote(date=date, note=text))
    publish(page)

    html = client.get(page.url).content.decode()
    history = html[html.index('id="history-heading"') :]

    order = [
        history.index(text) for text in ("Uusin.", "Toukokuun toinen.", "Toukokuun ensimmäinen.", "Vanhin.")
    ]
    assert order == sorted(order)
    assert fresh(page).last_updated == datetime.date(2025, 11, 20)


def test_an_interpretation_shows_its_newest_notes_date_as_last_updated(tree, client):
    page = make_interpretation(tree)
    page.change_notes.add(
        page.change_notes.model(date=datetime.date(2025, 2, 12), note="Tulkinta hyväksytty.")
    )
    publish(page)

    assert '<time datetime="2025-02-12">12.2.2025</time>' in client.get(page.url).content.decode()


def test_the_guidance_listing_shows_the_newest_notes_date(guidance, client):
    html = client.get(guidance.get_parent().url).content.decode()

    assert '<time datetime="2025-03-01">1.3.2025</time>' in html


# --- The choice in the page editor ----------------------------------------------------------


def test_the_editor_offers_the_choice_and_says_the_followers_are_emailed(
    guidance, follower, publisher, client
):
    client.force_login(publisher)

    html = client.get(reverse("wagtailadmin_pages:edit", args=(guidance.pk,))).content.decode()

    assert 'name="change_kind"' in html
    assert 'value="major"' in html and 'value="minor"' in html
    assert "sähköpostilla sivun seuraajalle (1 henkilö)" in html


def test_a_new_page_has_no_choice_to_make(tree, publisher, client):
    client.force_login(publisher)

    html = client.get(reverse("wagtailadmin_pages:add", args=("knowledge", "guidancepage", tree.guidance.pk)))

    assert 'name="change_kind"' not in html.content.decode()


def test_a_major_change_with_a_note_is_published_and_emailed_to_the_followers(
    guidance, follower, publisher, client, django_capture_on_commit_callbacks
):
    new_note = (datetime.date(2025, 10, 6), "Lisätty etätapaamisten ohje.")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(client, publisher, guidance, kind="major", new_notes=[new_note])

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [follower.email]
    assert "Lisätty etätapaamisten ohje." in message.body
    assert fresh(guidance).last_updated == new_note[0]
    assert '<time datetime="2025-10-06">6.10.2025</time>' in client.get(guidance.url).content.decode()


def test_a_major_change_without_a_new_note_is_refused(guidance, follower, publisher, client):
    before = fresh(guidance).last_published_at

    response = post_edit(client, publisher, guidance, kind="major", title="Uusi otsikko")

    assert response.status_code == 200
    assert response.context["form"].errors["change_kind"]
    assert fresh(guidance).title == "Asiakasprosessin ohje"
    assert fresh(guidance).last_published_at == before
    assert mail.outbox == []


def test_a_minor_change_is_published_emails_nobody_and_keeps_last_updated(
    guidance, follower, publisher, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_edit(
            client, publisher, guidance, kind="minor", title="Asiakasprosessin ohje (korjattu)"
        )

    assert response.status_code == 302
    assert fresh(guidance).title == "Asiakasprosessin ohje (korjattu)"
    assert mail.outbox == []
    assert fresh(guidance).last_updated == OLD_NOTE[0]


def test_a_minor_change_with_a_new_note_is_refused(guidance, follower, publisher, client):
    response = post_edit(
        client, publisher, guidance, kind="minor", new_notes=[(datetime.date(2025, 10, 6), "Uusi osio.")]
    )

    assert response.status_code == 200
    assert response.context["form"].errors["change_kind"]
    assert fresh(guidance).change_notes.count() == 1
    assert mail.outbox == []


def test_publishing_an_edit_without_choosing_is_refused(guidance, publisher, client):
    response = post_edit(client, publisher, guidance, title="Valitsematta")

    assert response.status_code == 200
    assert fresh(guidance).title == "Asiakasprosessin ohje"


# --- Query counts -----------------------------------------------------------------------------


def test_a_guidance_page_costs_the_same_with_one_or_many_notes(guidance, client):
    few = queries_for(client, guidance.url)
    for day in range(1, 30):
        guidance.change_notes.add(GuidanceChangeNote(date=datetime.date(2024, 1, day), note=f"Muutos {day}."))
    publish(guidance)

    assert queries_for(client, guidance.url) == few


def test_a_draft_keeps_the_choice_made_when_it_was_saved(guidance, publisher, client):
    draft = fresh(guidance)
    draft.change_notes.add(GuidanceChangeNote(date=datetime.date(2025, 10, 6), note="Uusi osio."))
    draft.save_revision(user=publisher)
    client.force_login(publisher)

    form = client.get(reverse("wagtailadmin_pages:edit", args=(guidance.pk,))).context["form"]

    assert form["change_kind"].initial == "major"


def test_a_fresh_edit_starts_with_no_choice(guidance, publisher, client):
    client.force_login(publisher)

    form = client.get(reverse("wagtailadmin_pages:edit", args=(guidance.pk,))).context["form"]

    assert form["change_kind"].initial is None
