"""The shared form template (includes/form_fields.html): errors tied to their fields, an error
summary that links to them, and "Error:" at the start of the page title."""

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory

from typ_site.core.templatetags.typ_tags import has_form_errors


class ExampleForm(forms.Form):
    title = forms.CharField(label="Otsikko", help_text="Lyhyt otsikko.")
    kind = forms.ChoiceField(
        label="Laji",
        choices=[("good", "Hyvä käytäntö"), ("pitfall", "Sudenkuoppa")],
        widget=forms.RadioSelect,
    )


def render(form) -> str:
    return Template('{% include "includes/form_fields.html" %}').render(Context({"form": form}))


def test_a_fields_error_is_the_description_django_points_to():
    page = render(ExampleForm(data={}))

    assert 'aria-describedby="id_title_helptext id_title_error"' in page
    assert 'id="id_title_error"' in page
    assert 'aria-invalid="true"' in page


def test_a_radio_groups_error_describes_its_fieldset():
    page = render(ExampleForm(data={"title": "Otsikko"}))

    assert '<fieldset class="field field-group field-error" aria-describedby="id_kind_error">' in page
    assert 'id="id_kind_error"' in page
    assert "<legend>Laji" in page


def test_the_error_summary_links_to_each_field():
    page = render(ExampleForm(data={}))

    assert "data-error-summary" in page
    assert 'href="#id_title"' in page
    assert 'href="#id_kind_0"' in page


def test_no_summary_before_the_form_is_sent():
    page = render(ExampleForm())

    assert "data-error-summary" not in page
    assert "aria-invalid" not in page


@pytest.mark.parametrize(
    ("data", "expected"), [(None, False), ({}, True), ({"title": "x", "kind": "good"}, False)]
)
def test_the_page_title_says_error_only_for_a_form_sent_back(data, expected):
    form = ExampleForm(data=data) if data is not None else ExampleForm()

    assert has_form_errors(Context({"form": form, "request": RequestFactory().get("/")})) is expected


def test_asking_for_form_errors_sets_no_csrf_cookie(client, db):
    """Pages without a form set no CSRF cookie: the check does not evaluate the lazy token."""
    response = client.get("/accessibility/")

    assert "csrftoken" not in response.cookies
