"""The embedded search index: one row per document, plus the database's full-text table.

`SearchEntry` holds what a result shows and what filters use (the access key, facets); the
full-text side is an SQLite FTS5 table `search_fts` (rowid = entry id) or, on PostgreSQL, a
`search_vector` table with a GIN-indexed tsvector. Both are created by migration 0002.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    access_key = models.CharField(max_length=60, db_index=True)
    network = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    themes = models.JSONField(default=list, blank=True)
    tags = models.JSONField(default=list, blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.IntegerField(null=True, blank=True, db_index=True)
    language = models.CharField(max_length=10, default="fi")
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["access_key", "kind"]),
            # Covering index for the rows a search reads per match (facets, date order),
            # so that SQLite never reads the long body to reach them.
            models.Index(
                fields=[
                    "id",
                    "access_key",
                    "kind",
                    "year",
                    "date",
                    "network",
                    "organisation",
                    "themes",
                ],
                name="search_entry_facets",
            ),
        ]

    def __str__(self):
        return self.key


class PendingIndexUpdate(models.Model):
    """An index update that failed after its retries; `search_reindex --pending` redoes it."""

    key = models.CharField(max_length=120, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending index update")
        verbose_name_plural = _("pending index updates")

    def __str__(self):
        return self.key


class SynonymGroup(models.Model):
    """Expressions that name the same thing, for the search (`search.vocabulary`): a query
    word or run of words matching one of them also finds texts with the others."""

    expressions = models.TextField(
        _("expressions"),
        help_text=_(
            "One per line: an abbreviation, a name or a term, e.g. HVA and hyvinvointialue. "
            "A search for any of them also finds the others."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("search synonym group")
        verbose_name_plural = _("search synonym groups")
        ordering = ["id"]

    def __str__(self):
        return " / ".join(self.expression_list()[:4])

    def expression_list(self) -> list[str]:
        return [line.strip() for line in self.expressions.splitlines() if line.strip()]


class ZeroResultSearch(models.Model):
    """How many searches for a query found nothing on one day: the query (normalised) and a
    count, nothing about who searched. A query with a personal identity code is never stored
    (`search.zero_results`); rows older than `zero_results.KEEP_DAYS` are purged by a timer."""

    query = models.CharField(_("query"), max_length=200)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="search_zero_result_query_day")]
        indexes = [models.Index(fields=["day", "query"], name="search_zero_result_day")]

    def __str__(self):
        return f"{self.query} ({self.day}: {self.count})"
