"""Proposing development needs, and KEHA staff merging duplicates (votes and links move)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Event
from forums.models import Forum, Topic
from forums.participation import selectors, services
from forums.participation.models import BallotChoice, DevelopmentNeed, Poll, PollOption
from tests.factories import make_keha_staff, make_network, make_user

from .conftest import add_ballot, make_need, make_round, options_of


def test_a_member_proposes_a_need(client, member):
    client.force_login(member)

    response = client.post(
        reverse("participation:propose_need"),
        {
            "title": "Yhteinen lomake palvelutarpeen arviointiin",
            "themes": ["asiakasprosessi"],
            "description": "Sama pohja kaikille verkostoille.",
        },
        follow=True,
    )

    need = DevelopmentNeed.objects.get()
    assert (need.status, need.proposed_by) == (DevelopmentNeed.Status.PROPOSED, member)
    assert "Kiitos! Ehdotuksesi tallennettiin." in response.content.decode()


def test_a_personal_identity_code_in_a_proposal_is_refused(client, member):
    client.force_login(member)

    response = client.post(
        reverse("participation:propose_need"),
        {
            "title": "Asiakas 131052-308T",
            "themes": ["asiakasprosessi"],
            "description": "Kuvaus.",
        },
    )

    assert response.status_code == 200
    assert not DevelopmentNeed.objects.exists()


def test_the_needs_list_groups_by_theme_and_leaves_out_merged_needs(client, member):
    kept = make_need(title="Vastuunjako", theme="tym-laki")
    make_need(title="Vastuunjako uudelleen", theme="tym-laki", merged_into=kept)
    client.force_login(member)

    page = client.get(reverse("participation:needs")).content.decode()

    assert "TYM-laki" in page or "TYM" in page
    assert "Vastuunjako" in page and "Vastuunjako uudelleen" not in page


@pytest.fixture(autouse=True)
def _totals_of_single_ballots(settings):
    """These tests read the totals of one or two ballots: shown from the first ballot."""
    settings.PARTICIPATION_MIN_GROUP_SIZE = 1


@pytest.fixture
def duplicate_pair():
    target = make_need(title="Perehdytysmateriaali")
    duplicate = make_need(title="Perehdytyskansio uusille")
    return duplicate, target


def test_merging_moves_the_votes_to_the_target(duplicate_pair):
    duplicate, target = duplicate_pair
    poll = make_round([target, duplicate])
    target_option, duplicate_option = options_of(poll)
    add_ballot(poll, points={duplicate_option: 1})
    add_ballot(poll, points={target_option: 1})

    services.merge_needs(make_keha_staff(), duplicate, target)

    totals = {option.need_id: option.total for option in selectors.results_of(poll).options}
    assert totals == {target.pk: 2}
    assert not PollOption.objects.filter(need=duplicate).exists()


def test_a_ballot_that_picked_both_keeps_one_pick(duplicate_pair):
    duplicate, target = duplicate_pair
    poll = make_round([target, duplicate])
    target_option, duplicate_option = options_of(poll)
    ballot = add_ballot(poll, points={duplicate_option: 1, target_option: 1})

    services.merge_needs(make_keha_staff(), duplicate, target)

    assert list(BallotChoice.objects.filter(ballot=ballot).values_list("option_id", "points")) == [
        (target_option.pk, 1)
    ]


def test_points_given_to_both_are_added_up(duplicate_pair):
    duplicate, target = duplicate_pair
    poll = make_round([target, duplicate], method=Poll.Method.POINTS)
    target_option, duplicate_option = options_of(poll)
    add_ballot(poll, points={duplicate_option: 4, target_option: 3})

    services.merge_needs(make_keha_staff(), duplicate, target)

    assert selectors.results_of(poll).options[0].total == 7


def test_a_round_with_only_the_duplicate_now_lists_the_target(duplicate_pair):
    duplicate, target = duplicate_pair
    poll = make_round([duplicate])
    add_ballot(poll, points={options_of(poll)[0]: 1})

    services.merge_needs(make_keha_staff(), duplicate, target)

    assert [(option.need_id, option.total) for option in selectors.results_of(poll).options] == [
        (target.pk, 1)
    ]


def test_merging_moves_the_topic_and_events(duplicate_pair):

    duplicate, target = duplicate_pair
    forum = Forum.objects.create(name="Kansallinen", slug="kansallinen", kind="national")
    topic = Topic.objects.create(forum=forum, title="Perehdytyskansio")
    event = Event.objects.create(
        title="Perehdytyspäivä",
        start=timezone.now(),
        end=timezone.now() + timedelta(hours=2),
        event_type=Event.Type.TRAINING,
    )
    duplicate.topic = topic
    duplicate.save()
    duplicate.events.add(event)

    services.merge_needs(make_keha_staff(), duplicate, target)

    target.refresh_from_db()
    duplicate.refresh_from_db()
    assert target.topic == topic
    assert list(target.events.all()) == [event]
    assert duplicate.merged_into == target


def test_only_keha_staff_may_merge(client, duplicate_pair):
    duplicate, target = duplicate_pair
    client.force_login(make_user())

    response = client.post(reverse("participation:merge_need", args=[duplicate.pk]), {"target": target.pk})

    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.merge_needs(make_user(), duplicate, target)
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None


def test_staff_merge_on_the_need_page_and_the_duplicate_redirects(client, duplicate_pair):
    duplicate, target = duplicate_pair
    client.force_login(make_keha_staff())

    response = client.post(
        reverse("participation:merge_need", args=[duplicate.pk]), {"target": target.pk}, follow=True
    )

    assert "yhdistettiin tarpeeseen" in response.content.decode()
    redirect = client.get(reverse("participation:need", args=[duplicate.pk]))
    assert redirect["Location"] == target.get_absolute_url()


def test_a_need_cannot_be_merged_into_itself(duplicate_pair):
    duplicate, _target = duplicate_pair

    with pytest.raises(ValidationError):
        services.merge_needs(make_keha_staff(), duplicate, duplicate)


def test_the_need_page_shows_its_topic_only_to_those_who_may_see_it(client, member):

    network = make_network()
    forum = Forum.objects.create(name="Oma", slug="oma", kind="network", network=network)
    topic = Topic.objects.create(forum=forum, title="Verkoston oma ketju")
    need = make_need(topic=topic)
    client.force_login(member)

    page = client.get(reverse("participation:need", args=[need.pk])).content.decode()

    assert "Verkoston oma ketju" not in page


def test_a_need_with_several_themes_is_listed_under_each_and_one_with_none_last(client, member):
    make_need(title="Vastuunjako toimijoiden kesken", themes=["tym-laki", "perehdytys", "asiakasprosessi"])
    make_need(title="Sitoutuminen yhteiseen työhön", themes=[])
    client.force_login(member)

    page = client.get(reverse("participation:needs")).content.decode()

    assert page.count("Vastuunjako toimijoiden kesken") == 3
    assert page.count("Sitoutuminen yhteiseen työhön") == 1
    assert page.index("Ei mikään teema") > page.rindex("Vastuunjako toimijoiden kesken")


def test_a_proposal_may_name_several_themes(client, member):
    client.force_login(member)

    client.post(
        reverse("participation:propose_need"),
        {
            "title": "Yhteinen kirjaamisohje",
            "themes": ["vaikuttavuus", "asiakasprosessi"],
            "description": "Sama ohje kaikille.",
        },
    )

    assert DevelopmentNeed.objects.get().theme_slugs == ["vaikuttavuus", "asiakasprosessi"]


def test_the_export_lists_every_theme_of_a_need(client, settings):
    settings.PARTICIPATION_MIN_GROUP_SIZE = 1  # totals are shown from the first ballot
    need = make_need(title="Vastuunjako", themes=["asiakasprosessi", "tym-laki"])
    poll = make_round([need])
    add_ballot(poll, points={options_of(poll)[0]: 1})
    client.force_login(make_keha_staff())

    rows = client.get(reverse("participation:results_csv", args=[poll.pk])).content.decode("utf-8-sig")

    assert selectors.results_of(poll).options[0].themes == ["tym-laki", "asiakasprosessi"]
    assert rows.splitlines()[1].split(";")[3] == "TYM-laki ja sen soveltaminen, Asiakasprosessi"
