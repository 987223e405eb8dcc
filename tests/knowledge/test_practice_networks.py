"""A network admin attributes practices to their own networks only; KEHA staff to any."""

from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.models import PracticePage
from tests.factories import make_keha_staff, make_network, make_network_admin

from .conftest import make_network_page, make_practice


def networks_errors(user, practice, networks):
    form_class = PracticePage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": practice.title,
            "slug": practice.slug,
            "kind": practice.kind,
            "problem": rich_text(practice.problem),
            "solution": rich_text(practice.solution),
            "body": streamfield([]),
            "attachments": streamfield([]),
            "organisations": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["networks"] = [network.pk for network in networks]
    form = form_class(
        data,
        instance=practice,
        for_user=user,
        parent_page=practice.get_parent(),
    )
    form.is_valid()
    return form.errors.get("networks", [])


def test_a_network_admin_cannot_attribute_a_practice_to_another_network(tree, network):
    other = make_network(name="Vieras verkosto")
    practice = make_practice(make_network_page(tree, network), networks=[network])

    with translation.override("fi"):
        errors = networks_errors(make_network_admin(network), practice, [network, other])

    assert errors
    assert "Vieras verkosto" in errors[0]
    practice.refresh_from_db()
    assert list(practice.networks.all()) == [network]


def test_a_network_admin_attributes_to_their_own_network_and_keeps_existing_ones(tree, network):
    other = make_network()
    practice = make_practice(make_network_page(tree, network), networks=[other])

    assert networks_errors(make_network_admin(network), practice, [other, network]) == []


def test_keha_staff_may_attribute_a_practice_to_any_network(tree, network):
    practice = make_practice(tree.practices)

    assert networks_errors(make_keha_staff(), practice, [network, make_network()]) == []
