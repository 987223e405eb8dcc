"""Finnish text analysis for the embedded search, applied in Python at index and query time.

Every word becomes a small set of *terms*: its lower-cased form with ä/ö/å folded to a/o/a,
and its base forms (also folded). At index time a compound word also gives its parts
("työllistymissuunnitelmaan" → "suunnitelma"), so that a part typed alone finds the compound;
queries never expand to parts, which keeps "työkokeilu" from matching every text with "työ".

The base forms come from Voikko (Debian's libvoikko1 + voikko-fi through the libvoikko
package) when it is installed: it knows consonant gradation ("asiakkaille" → "asiakas") and
compound structure. Without it the analysis falls back to Snowball's Finnish stemmer
(PyStemmer), which stems both sides the same way but misses gradation and compounds; a
warning is logged once.

Section references are kept as single terms: "11 §" and "11. pykälä" both become
`11pykala`, and a statute number such as "381/2023" becomes `381s2023`.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

logger = logging.getLogger(__name__)

# Snowball's Finnish stop words (the same list as Elasticsearch's `_finnish_`).
FINNISH_STOP_WORDS = frozenset(
    [
        "olla",
        "olen",
        "olet",
        "on",
        "olemme",
        "olette",
        "ovat",
        "ole",
        "oli",
        "olisi",
        "olisit",
        "olisin",
        "olisimme",
        "olisitte",
        "olisivat",
        "olit",
        "olin",
        "olimme",
        "olitte",
        "olivat",
        "ollut",
        "olleet",
        "en",
        "et",
        "ei",
        "emme",
        "ette",
        "eivät",
        "minä",
        "minun",
        "minut",
        "minua",
        "minussa",
        "minusta",
        "minuun",
        "minulla",
        "minulta",
        "minulle",
        "sinä",
        "sinun",
        "sinut",
        "sinua",
        "sinussa",
        "sinusta",
        "sinuun",
        "sinulla",
        "sinulta",
        "sinulle",
        "hän",
        "hänen",
        "hänet",
        "häntä",
        "hänessä",
        "hänestä",
        "häneen",
        "hänellä",
        "häneltä",
        "hänelle",
        "me",
        "meidän",
        "meidät",
        "meitä",
        "meissä",
        "meistä",
        "meihin",
        "meillä",
        "meiltä",
        "meille",
        "te",
        "teidän",
        "teidät",
        "teitä",
        "teissä",
        "teistä",
        "teihin",
        "teillä",
        "teiltä",
        "teille",
        "he",
        "heidän",
        "heidät",
        "heitä",
        "heissä",
        "heistä",
        "heihin",
        "heillä",
        "heiltä",
        "heille",
        "tämä",
        "tämän",
        "tätä",
        "tässä",
        "tästä",
        "tähän",
        "tällä",
        "tältä",
        "tälle",
        "tänä",
        "täksi",
        "tuo",
        "tuon",
        "tuota",
        "tuossa",
        "tuosta",
        "tuohon",
        "tuolla",
        "tuolta",
        "tuolle",
        "tuona",
        "tuoksi",
        "se",
        "sen",
        "sitä",
        "siinä",
        "siitä",
        "siihen",
        "sillä",
        "siltä",
        "sille",
        "sinä",
        "siksi",
        "nämä",
        "näiden",
        "näitä",
        "näissä",
        "näistä",
        "näihin",
        "näillä",
        "näiltä",
        "näille",
        "näinä",
        "näiksi",
        "nuo",
        "noiden",
        "noita",
        "noissa",
        "noista",
        "noihin",
        "noilla",
        "noilta",
        "noille",
        "noina",
        "noiksi",
        "ne",
        "niiden",
        "niitä",
        "niissä",
        "niistä",
        "niihin",
        "niillä",
        "niiltä",
        "niille",
        "niinä",
        "niiksi",
        "kuka",
        "kenen",
        "kenet",
        "ketä",
        "kenessä",
        "kenestä",
        "keneen",
        "kenellä",
        "keneltä",
        "kenelle",
        "kenenä",
        "keneksi",
        "ketkä",
        "keiden",
        "keitä",
        "keissä",
        "keistä",
        "keihin",
        "keillä",
        "keiltä",
        "keille",
        "keinä",
        "keiksi",
        "mikä",
        "minkä",
        "mitä",
        "missä",
        "mistä",
        "mihin",
        "millä",
        "miltä",
        "mille",
        "miksi",
        "mitkä",
        "joka",
        "jonka",
        "jota",
        "jossa",
        "josta",
        "johon",
        "jolla",
        "jolta",
        "jolle",
        "jona",
        "joksi",
        "jotka",
        "joiden",
        "joita",
        "joissa",
        "joista",
        "joihin",
        "joilla",
        "joilta",
        "joille",
        "joina",
        "joiksi",
        "että",
        "ja",
        "jos",
        "koska",
        "kuin",
        "mutta",
        "niin",
        "sekä",
        "tai",
        "vaan",
        "vai",
        "vaikka",
        "kanssa",
        "mukaan",
        "noin",
        "poikki",
        "yli",
        "kun",
        "nyt",
        "itse",
    ]
)

# Abbreviations of the field, expanded at query time in both backends.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "typ": ("työllistymistä edistävä monialainen yhteispalvelu",),
    "tym": ("työllistymistä edistävä monialainen yhteispalvelu",),
    "hva": ("hyvinvointialue",),
    "hyvinvointialue": ("hva",),
    "keha": ("keha-keskus",),
    "te-toimisto": ("työvoimaviranomainen",),
    "kela": ("kansaneläkelaitos",),
}

STATUTE_TERM = "{number}s{year}"
SECTION_TERM = "{number}pykala"

TOKEN_RE = re.compile(
    r"(?P<word>[^\W\d_]+)"
    r"|(?P<statute>\b\d{1,4}/\d{4})(?!\d)"
    r"|(?P<section>\b\d{1,3}[a-z]?\s*(?:§(?::[^\W\d_]+)?|\.?\s*(?:pykäl|pykal)\w*))"
    r"|(?P<number>\d[^\W_]*)",
    re.IGNORECASE,
)


FOLD_TABLE = str.maketrans({"ä": "a", "ö": "o", "å": "a"})


def fold(text: str) -> str:
    """Lower-case and strip accents: "Työllistymis" → "tyollistymis" (like asciifolding)."""
    text = text.lower().translate(FOLD_TABLE)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


FOLDED_STOP_WORDS = frozenset(fold(word) for word in FINNISH_STOP_WORDS)
cached_fold = lru_cache(maxsize=200_000)(fold)


class Token:
    """One word of a text (lower-cased, diacritics kept) or a statute/section reference."""

    __slots__ = ("surface", "position", "special", "start", "end", "folded")

    def __init__(self, surface: str, position: int, special: str = "", start=0, end=0):
        self.surface = surface
        self.position = position
        self.special = special  # a statute or section term, already final
        self.start = start  # where the token stands in the text
        self.end = end
        self.folded = special or fold(surface)

    @property
    def is_stop_word(self) -> bool:
        return not self.special and (self.surface in FINNISH_STOP_WORDS or self.folded in FOLDED_STOP_WORDS)


def scan(text: str):
    """(lower-cased surface, special term or "", start, end) for every token of the text."""
    for match in TOKEN_RE.finditer(text or ""):
        kind = match.lastgroup
        if kind == "word" or kind == "number":
            yield match.group().lower(), "", match.start(), match.end()
        elif kind == "statute":
            number, year = match.group().split("/")
            special = STATUTE_TERM.format(number=int(number), year=year)
            yield match.group(), special, match.start(), match.end()
        else:
            number = re.match(r"\d+[a-z]?", match.group(), re.IGNORECASE).group(0)
            special = SECTION_TERM.format(number=number.lower())
            yield match.group(), special, match.start(), match.end()


def tokenize(text: str) -> list[Token]:
    return [
        Token(surface, position, special, start, end)
        for position, (surface, special, start, end) in enumerate(scan(text))
    ]


@dataclass
class WordAnalysis:
    """The terms of one word: `query_terms` for matching a query word, `index_terms` ⊇ them."""

    query_terms: frozenset[str]
    index_terms: frozenset[str]
    known: bool = True  # the analyser recognised the word


class Analyzer:
    name = "base"

    def analyse_word(self, word: str) -> WordAnalysis:
        raise NotImplementedError

    # The cache is per analyser instance; words repeat a lot in both content and queries.
    def __init__(self):
        self._cached = lru_cache(maxsize=200_000)(self.analyse_word)

    def word(self, token: Token) -> WordAnalysis:
        if token.special:
            terms = frozenset({token.special})
            return WordAnalysis(terms, terms)
        return self._cached(token.surface)

    def index_terms(self, text: str) -> list[str]:
        """Analysed text for the index: the terms of every word that is not a stop word."""
        terms: list[str] = []
        word_terms = self._word_index_terms
        for surface, special, _start, _end in scan(text):
            if special:
                terms.append(special)
            else:
                terms.extend(word_terms(surface))
        return terms

    def exact_terms(self, text: str) -> list[str]:
        """The folded words in order, stop words included (for phrase matching)."""
        return [special or cached_fold(surface) for surface, special, _s, _e in scan(text)]

    @property
    def _word_index_terms(self):
        cache = self.__dict__.get("_word_terms_cache")
        if cache is None:

            def word_terms(surface: str) -> tuple[str, ...]:
                token = Token(surface, 0)
                if token.is_stop_word:
                    return ()
                return tuple(sorted(self._cached(surface).index_terms))

            cache = self.__dict__["_word_terms_cache"] = lru_cache(maxsize=200_000)(word_terms)
        return cache


class SnowballAnalyzer(Analyzer):
    """Fallback: Snowball's Finnish stemmer on the folded and unfolded forms."""

    name = "snowball"

    def __init__(self):
        import Stemmer

        self._stemmer = Stemmer.Stemmer("finnish")
        self._lock = threading.Lock()  # a PyStemmer object is not thread-safe
        super().__init__()

    def stem(self, word: str) -> str:
        with self._lock:
            return self._stemmer.stemWord(word)

    def analyse_word(self, word: str) -> WordAnalysis:
        folded = fold(word)
        terms = frozenset({folded, fold(self.stem(word)), self.stem(folded)})
        return WordAnalysis(terms, terms)


class VoikkoAnalyzer(Analyzer):
    """Base forms and compound parts from Voikko's morphology."""

    name = "voikko"
    MAX_RESTORED_LETTERS = 8

    def __init__(self):
        import libvoikko

        self._voikko = libvoikko.Voikko("fi")
        self._lock = threading.Lock()  # a Voikko handle must not be used by two threads at once
        self._snowball = SnowballAnalyzer()
        super().__init__()

    def analyse(self, word: str) -> list[dict]:
        with self._lock:
            return self._voikko.analyze(word)

    def suggest(self, word: str) -> list[str]:
        with self._lock:
            return self._voikko.suggest(word)

    def _analyses_with_restored_letters(self, word: str) -> list[dict]:
        """Text typed without ä/ö ("tyollistymissuunnitelma"): try the a→ä / o→ö variants."""
        positions = [i for i, char in enumerate(word) if char in "ao"]
        if not positions or len(positions) > self.MAX_RESTORED_LETTERS or re.search("[äöå]", word):
            return []
        found: list[dict] = []
        masks = sorted(range(1, 2 ** len(positions)), key=lambda mask: bin(mask).count("1"))
        for mask in masks:
            letters = list(word)
            for bit, position in enumerate(positions):
                if mask >> bit & 1:
                    letters[position] = "ä" if letters[position] == "a" else "ö"
            found.extend(self.analyse("".join(letters)))
            if found:
                break  # the variant with the fewest restored letters wins
        return found

    def analyse_word(self, word: str) -> WordAnalysis:
        folded = fold(word)
        analyses = self.analyse(word) or self._analyses_with_restored_letters(word)
        if not analyses:
            # Unknown to Voikko (names, abbreviations, typos): stem it like the fallback does.
            stemmed = self._snowball.analyse_word(word)
            return WordAnalysis(stemmed.query_terms, stemmed.index_terms, known=False)
        bases = {fold(analysis["BASEFORM"]) for analysis in analyses if analysis.get("BASEFORM")}
        query_terms = frozenset({folded} | bases)
        parts: set[str] = set()
        for analysis in analyses:
            parts.update(compound_parts(word, analysis))
        return WordAnalysis(query_terms, frozenset(query_terms | parts))


def compound_parts(word: str, analysis: dict) -> set[str]:
    """The parts of a compound, the last one in its base form, plus runs of adjacent parts.

    Voikko's STRUCTURE marks where each part of the surface form starts with "=". The parts
    before the last are in their compound form ("työllistymis", "palvelu"); the last one's
    base form is the tail of the whole word's base form ("tarve" of "palvelutarve").
    """
    structure = analysis.get("STRUCTURE", "")
    base = analysis.get("BASEFORM", "")
    if structure.count("=") < 2 or not base:
        return set()
    pieces: list[str] = []
    surface_index = 0
    for char in structure:
        if char == "=":
            pieces.append("")
            continue
        if surface_index < len(word):
            if char != "-":
                pieces[-1] += word[surface_index]
            surface_index += 1
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2:
        return set()
    prefix = "".join(pieces[:-1])
    if fold(base).startswith(fold(prefix)):
        pieces[-1] = base[len(prefix) :]
    folded = [fold(piece) for piece in pieces if len(piece) > 1]
    parts = set(folded)
    for start in range(len(folded)):
        for end in range(start + 2, len(folded) + 1):
            if (start, end) != (0, len(folded)):
                parts.add("".join(folded[start:end]))
    return parts


_analyzer: Analyzer | None = None
_analyzer_lock = threading.Lock()


def get_analyzer() -> Analyzer:
    """The best analyser this machine has: Voikko, else Snowball with a warning."""
    global _analyzer
    if _analyzer is None:
        with _analyzer_lock:
            if _analyzer is None:
                _analyzer = build_analyzer()
    return _analyzer


def build_analyzer(prefer: str = "voikko") -> Analyzer:
    if prefer == "voikko":
        try:
            return VoikkoAnalyzer()
        except Exception as error:  # noqa: BLE001  (missing library or dictionary)
            logger.warning(
                "Voikko is not available (%s); Finnish search uses the Snowball stemmer, "
                "which misses consonant gradation and compounds. Install the Debian packages "
                "libvoikko1 and voikko-fi.",
                error,
            )
    return SnowballAnalyzer()


# --- Queries -------------------------------------------------------------------------------


@dataclass
class QueryWord:
    text: str  # as typed (lower-cased)
    terms: frozenset[str]  # any of these matches the word
    known: bool = True
    # Synonyms (abbreviations): each is a sequence of words, each word a set of terms.
    alternatives: tuple[tuple[frozenset[str], ...], ...] = ()


@dataclass
class ParsedQuery:
    text: str
    words: list[QueryWord] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)  # folded surface forms, in order

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    def highlight_terms(self) -> set[str]:
        terms: set[str] = set()
        for word in self.words:
            terms |= word.terms
        for phrase in self.phrases:
            terms |= set(phrase)
        return terms


PHRASE_RE = re.compile(r'"([^"]+)"')


def parse_query(text: str, analyzer: Analyzer | None = None) -> ParsedQuery:
    """Words (all must match, each in any of its forms) and "quoted phrases" (exactly)."""
    analyzer = analyzer or get_analyzer()
    text = (text or "").strip()[:500]
    parsed = ParsedQuery(text=text)
    for phrase in PHRASE_RE.findall(text):
        folded = [token.folded for token in tokenize(phrase)]
        if folded:
            parsed.phrases.append(folded)
    rest = PHRASE_RE.sub(" ", text).replace('"', " ")
    tokens = tokenize(rest)
    content = [token for token in tokens if not token.is_stop_word] or tokens
    seen: set[frozenset[str]] = set()
    for token in content:
        analysis = analyzer.word(token)
        if analysis.query_terms in seen:
            continue
        seen.add(analysis.query_terms)
        alternatives = tuple(
            tuple(
                analyzer.word(synonym_token).query_terms
                for synonym_token in tokenize(synonym)
                if not synonym_token.is_stop_word
            )
            for synonym in SYNONYMS.get(token.folded, ())
        )
        parsed.words.append(QueryWord(token.surface, analysis.query_terms, analysis.known, alternatives))
    return parsed
