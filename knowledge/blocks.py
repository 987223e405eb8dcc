"""StreamField blocks shared by every knowledge page type."""

import copy

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class Organisation:
    """The three organisations of the TYP/TYM cooperation model, plus shared work."""

    TE = "te"
    HVA = "hva"
    KELA = "kela"
    MUNICIPALITY = "municipality"
    JOINT = "joint"

    CHOICES = [
        (TE, _("Employment authority")),
        (HVA, _("Wellbeing services county")),
        (KELA, _("Kela")),
        (MUNICIPALITY, _("Municipality")),
        (JOINT, _("Together")),
    ]


class Involvement:
    RESPONSIBLE = "responsible"
    TAKES_PART = "takes_part"
    INFORMED = "informed"
    NONE = "none"

    CHOICES = [
        (RESPONSIBLE, _("Responsible")),
        (TAKES_PART, _("Takes part")),
        (INFORMED, _("Informed")),
        (NONE, _("Not involved")),
    ]


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
        label=_("kind"),
    )
    title = blocks.CharBlock(required=False, label=_("title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "knowledge/blocks/callout.html"


class ProcessStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"))
    description = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul"], required=False, label=_("description")
    )
    responsible = blocks.ChoiceBlock(choices=Organisation.CHOICES, label=_("responsible organisation"))


class ProcessStepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("title"))
    steps = blocks.ListBlock(ProcessStepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        label = _("Process steps")
        template = "knowledge/blocks/process_steps.html"


class ResponsibilityRowBlock(blocks.StructBlock):
    step = blocks.CharBlock(label=_("step"))
    te = blocks.ChoiceBlock(choices=Involvement.CHOICES, default="none", label=_("Employment authority"))
    hva = blocks.ChoiceBlock(
        choices=Involvement.CHOICES, default="none", label=_("Wellbeing services county")
    )
    kela = blocks.ChoiceBlock(choices=Involvement.CHOICES, default="none", label="Kela")


class ResponsibilityMatrixBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("caption"))
    rows = blocks.ListBlock(ResponsibilityRowBlock(), label=_("rows"))

    class Meta:
        icon = "table"
        label = _("Responsibility matrix")
        template = "knowledge/blocks/responsibility_matrix.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("answer"))


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("title"))
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("questions"))

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "knowledge/blocks/faq.html"


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("title"))
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("documents"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "knowledge/blocks/downloads.html"


class LawSectionChooserBlock(SnippetChooserBlock):
    """Chooses a law section; loads the sections with their statutes in one query."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.select_related("statute").in_bulk(values)
        result, seen = [], set()
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in seen:
                obj = copy.copy(obj)
            seen.add(pk)
            result.append(obj)
        return result


class LawSectionReferenceBlock(blocks.StructBlock):
    section = LawSectionChooserBlock("knowledge.LawSection", label=_("law section"))
    note = blocks.TextBlock(required=False, label=_("note"))

    class Meta:
        icon = "link"
        label = _("Law section reference")
        template = "knowledge/blocks/law_section_reference.html"


def body_blocks():
    """The blocks of every body StreamField (a fresh list for each field)."""
    return [
        (
            "text",
            blocks.RichTextBlock(
                features=RICH_TEXT_FEATURES, label=_("Rich text"), template="knowledge/blocks/rich_text.html"
            ),
        ),
        ("callout", CalloutBlock()),
        ("process_steps", ProcessStepsBlock()),
        ("responsibility_matrix", ResponsibilityMatrixBlock()),
        ("faq", FAQBlock()),
        ("downloads", DownloadsBlock()),
        ("law_section", LawSectionReferenceBlock()),
    ]


def stream_plain_text(stream_value) -> str:
    """Plain text of a StreamField value, for search (what a reader sees, without markup)."""
    parts: list[str] = []

    def walk(block, value):
        if value is None:
            return
        if isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                walk(child, value.get(name))
        elif isinstance(block, blocks.ListBlock):
            for item in value:
                walk(block.child_block, item)
        elif isinstance(block, blocks.StreamBlock):
            for child in value:
                walk(child.block, child.value)
        elif isinstance(block, blocks.RichTextBlock):
            parts.append(strip_tags(value.source))
        elif isinstance(block, blocks.ChoiceBlock):
            label = dict(block.field.choices).get(value)
            if label and value != Involvement.NONE:
                parts.append(str(label))
        elif isinstance(block, DocumentChooserBlock):
            parts.append(value.title)
        elif isinstance(block, (SnippetChooserBlock, blocks.CharBlock, blocks.TextBlock)):
            parts.append(str(value))

    for child in stream_value:
        walk(child.block, child.value)
    return "\n".join(part.strip() for part in parts if part and part.strip())
