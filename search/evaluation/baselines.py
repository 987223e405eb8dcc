"""Independent rankers for pooling judgments: they share no code with the search's analysis.

- ``tokens``: bm25 over lower-cased words with ä/ö/å folded, no stemming, any word may match.
- ``ngrams``: bm25 over the character 4-grams of each folded word (padded with ``_``), so
  inflected and compound forms meet their base forms without a dictionary.

Title and tags count three times (their terms are repeated), the body once.
"""

from __future__ import annotations

import math
import re
from collections import Counter

WORD = re.compile(r"[0-9a-zåäöšž]+", re.IGNORECASE)
FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "š": "s", "ž": "z"})


def words(text: str) -> list[str]:
    return [word.translate(FOLD) for word in WORD.findall(text.lower())]


def ngrams(text: str, size: int = 4) -> list[str]:
    grams = []
    for word in words(text):
        padded = f"_{word}_"
        if len(padded) <= size:
            grams.append(padded)
        else:
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


class BM25:
    """Okapi bm25 (k1 1.2, b 0.75) with OR semantics over whatever terms ``terms`` yields."""

    def __init__(self, rows: list[dict], terms, k1: float = 1.2, b: float = 0.75):
        self.terms = terms
        self.k1, self.b = k1, b
        self.ids: list[str] = []
        self.counts: list[Counter] = []
        for row in rows:
            tags = " ".join(row.get("tags") or [])
            heading = f"{row.get('title') or ''} {tags}"
            self.ids.append(str(row["id"]))
            self.counts.append(Counter(terms(heading) * 3 + terms(row.get("body") or "")))
        self.lengths = [sum(counts.values()) for counts in self.counts]
        self.average = sum(self.lengths) / len(self.lengths) if self.lengths else 0.0
        frequency: Counter = Counter()
        for counts in self.counts:
            frequency.update(counts.keys())
        total = len(self.ids)
        self.idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}

    def rank(self, query: str, depth: int = 100) -> list[str]:
        wanted = Counter(self.terms(query))
        scores = []
        for doc, (counts, length) in enumerate(zip(self.counts, self.lengths, strict=True)):
            score = 0.0
            for term in wanted:
                tf = counts.get(term)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * length / self.average)
                    score += self.idf[term] * tf * (self.k1 + 1) / (tf + norm)
            if score > 0:
                scores.append((-score, self.ids[doc]))
        return [doc for _score, doc in sorted(scores)[:depth]]


SYSTEMS = {"tokens": words, "ngrams": ngrams}


def baseline(name: str, rows: list[dict]) -> BM25:
    return BM25(rows, SYSTEMS[name])
