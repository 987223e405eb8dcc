"""The editor's pickers: law sections as check boxes, "replaced by" among the interpretations."""

from django.forms import CheckboxSelectMultiple
from wagtail.models import Page

from knowledge.models import GuidancePage, LawInterpretationPage

from .conftest import make_interpretation


def form_fields(model):
    return model.get_edit_handler().get_form_class().base_fields


def test_law_sections_are_chosen_with_check_boxes_not_a_ctrl_click_list(tree):
    assert isinstance(form_fields(LawInterpretationPage)["sections"].widget, CheckboxSelectMultiple)
    assert isinstance(form_fields(GuidancePage)["related_sections"].widget, CheckboxSelectMultiple)


def test_the_replaced_by_picker_offers_interpretations_and_opens_at_their_index(tree):
    make_interpretation(tree)
    make_interpretation(tree)
    widget = form_fields(LawInterpretationPage)["superseded_by"].widget

    assert widget.target_models == [LawInterpretationPage]
    start = Page.objects.type(*widget.target_models).first_common_ancestor()
    assert start.specific == tree.interpretations.specific
