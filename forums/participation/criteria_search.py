"""Criterion statements and recording rules in the site search, for members (the workspace is
for verified members: `criteria_permissions.can_see_criteria`). A declined statement is not
indexed. Answers and results are never in the index."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.contracts import SearchDocument, SearchSource
from search.registry import register_source
from typ_site.core.access import MEMBERS

from .criteria_models import CriterionStatement, RecordingRule


def statement_document(statement: CriterionStatement) -> SearchDocument | None:
    if statement.status == CriterionStatement.Status.DECLINED:
        return None
    return SearchDocument(
        key=f"criterion:{statement.pk}",
        kind="criterion",
        title=statement.text[:200],
        body="\n".join([statement.get_column_display(), statement.text, statement.explanation]),
        url=statement.get_absolute_url(),
        access_key=MEMBERS,
        date=statement.created_at.date() if statement.created_at else None,
    )


def rule_document(rule: RecordingRule) -> SearchDocument:
    return SearchDocument(
        key=f"recordingrule:{rule.pk}",
        kind="recordingrule",
        title=rule.title,
        body=rule.rule,
        url=reverse("participation:criteria") + "#rules-heading",
        access_key=MEMBERS,
        date=rule.agreed_on,
    )


def register_criteria_search() -> None:
    register_source(
        SearchSource(
            name="criterion",
            label=_("Client criteria"),
            model=CriterionStatement,
            document_for=statement_document,
            kinds={"criterion": _("Client criterion")},
        )
    )
    register_source(
        SearchSource(
            name="recordingrule",
            label=_("Recording rules"),
            model=RecordingRule,
            document_for=rule_document,
            kinds={"recordingrule": _("Recording rule")},
        )
    )
