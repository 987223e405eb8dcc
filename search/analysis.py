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
`11pykala`, and a statute number such as "381/2023" becomes `381s2023`. An abbreviation with
its case ending written on ("TYPPIstä", "HVAlle") is the abbreviation. A noun made from a
verb ("koulutus", "kouluttaja") is also indexed with `kouluttaa0n`, which the verb and its
other nouns find (word families through Voikko's analysis).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Set
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .vocabulary import FIELD_WORDS, FUNCTION_WORDS, STATIC_VOCABULARY, Vocabulary

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


# An abbreviation with its case ending written on without a colon: "TYPPIstä", "URAan",
# "HVAlle" (at least two capitals, then at most four small letters).
ABBREVIATION_WITH_ENDING = re.compile(r"([A-ZÄÖÅ]{2,})[a-zäöå]{1,4}")


def scan(text: str):
    """(lower-cased surface, special term or "", start, end) for every token of the text.

    An abbreviation with its case ending ("TYPPIstä", "HVAlle") is the abbreviation's word
    ("typpi", "hva"), as "TYPPI:stä" and "HVA:lle" are: the ending is no part of the name."""
    for match in TOKEN_RE.finditer(text or ""):
        kind = match.lastgroup
        if kind == "word":
            abbreviation = ABBREVIATION_WITH_ENDING.fullmatch(match.group())
            surface = abbreviation.group(1) if abbreviation else match.group()
            yield surface.lower(), "", match.start(), match.end()
        elif kind == "number":
            yield match.group().lower(), "", match.start(), match.end()
        elif kind == "statute":
            number, year = match.group().split("/")
            special = STATUTE_TERM.format(number=int(number), year=year)
            yield match.group(), special, match.start(), match.end()
        else:
            leading = re.match(r"\d+[a-z]?", match.group(), re.IGNORECASE)
            if leading is None:  # a section reference starts with its number
                continue
            special = SECTION_TERM.format(number=leading.group(0).lower())
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
    # Word families through Voikko's analysis: the verbs a noun is made from ("koulutus",
    # "kouluttaja" ← "kouluttaa"), as written, and the terms that find the word's relatives:
    # the verb and `ACTION_NOUN_TERM` of the verb (every noun made from it), for a noun made
    # from a verb and for a verb alike.
    derived_from: tuple[str, ...] = ()
    relatives: frozenset[str] = frozenset()


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
        import Stemmer  # noqa: PLC0415 (optional: loaded only when this analyser is chosen)

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
        import libvoikko  # noqa: PLC0415 (optional: Voikko's library may be missing)

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
        verbs: list[str] = []
        for analysis in analyses:
            parts.update(compound_parts(word, analysis))
            verb = derived_verb(analysis.get("WORDBASES", ""))
            if verb and verb not in verbs and fold(verb) not in query_terms and self._is_verb(verb):
                verbs.append(verb)
        derived = {fold(verb) for verb in verbs}
        own_verbs = {
            fold(a["BASEFORM"]) for a in analyses if a.get("CLASS") == "teonsana" and a.get("BASEFORM")
        }
        relatives = derived | {ACTION_NOUN_TERM.format(verb=verb) for verb in derived | own_verbs}
        index_terms = query_terms | parts | {ACTION_NOUN_TERM.format(verb=verb) for verb in derived}
        return WordAnalysis(
            query_terms, frozenset(index_terms), derived_from=tuple(verbs), relatives=frozenset(relatives)
        )

    @property
    def _is_verb(self):
        cache = self.__dict__.get("_is_verb_cache")
        if cache is None:

            def is_verb(word: str) -> bool:
                return any(analysis.get("CLASS") == "teonsana" for analysis in self.analyse(word))

            cache = self.__dict__["_is_verb_cache"] = lru_cache(maxsize=20_000)(is_verb)
        return cache


# Suffixes of nouns made from a verb (Voikko's WORDBASES): the action (kokeil+u, ohja+us,
# perehdyt+ys, arvioi+n+ti, neuvo+n+ta, hyväksy+n+tä) and the one who does it (koulutta+ja:
# "kuka kouluttaa" finds "kouluttaja"; on the development half nDCG@10 0.808 → 0.810).
ACTION_NOUN_SUFFIXES = frozenset({"+u", "+y", "+us", "+ys", "+ti", "+ta", "+tä", "+ja", "+jä"})
# The index term of a noun made from a verb, naming the verb: "koulutus" and "kouluttaja"
# are indexed with "kouluttaa0n" (a digit keeps it apart from every word), which the verb
# and the verb's other nouns find as a relative.
ACTION_NOUN_TERM = "{verb}0n"
WORDBASES_RE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")


def derived_verb(wordbases: str, compounds: bool = False) -> str | None:
    """The verb a noun is made from, by Voikko's WORDBASES: "+kokeil(kokeilla)+u(+u)"
    → "kokeilla" ("kokeilu"), "+arvioi(arvioida)+n+ti(+ti)" → "arvioida". None for any other
    word, for a noun made from a noun ("+asiakku(asiakas)+us(+us)": the caller checks that the
    base is a verb) and, unless `compounds`, for a compound ("+työ(työ)+kokeil(kokeilla)+u(+u)":
    its parts are indexed already, and joining compounds' heads to their verbs lowered the
    development half's nDCG@10, 0.808 → 0.804)."""
    entries = WORDBASES_RE.findall(wordbases)
    if len(entries) < 2 or entries[-1][1] not in ACTION_NOUN_SUFFIXES:
        return None
    index = len(entries) - 2
    while index >= 0 and not entries[index][1]:
        index -= 1  # a linking "+n" has no base
    if index < 0 or entries[index][1].startswith("+"):
        return None
    if index > 0 and not compounds:
        return None
    base = entries[index][1]
    return base if base.endswith(("a", "ä")) else None


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
    text: str  # as typed (lower-cased); a run of words when it matched a vocabulary expression
    terms: frozenset[str]  # any of these matches the word
    known: bool = True
    # Synonyms (abbreviations, statute names): each is a sequence of words, each word a set of
    # terms; the word matches when every word of one sequence does.
    alternatives: tuple[tuple[frozenset[str], ...], ...] = ()
    optional: bool = False  # a question or function word: it adds to the score only
    synonyms: tuple[str, ...] = ()  # the alternatives as text (for Elasticsearch)
    family: tuple[str, ...] = ()  # the other words of its word family (for Elasticsearch)
    family_terms: frozenset[str] = frozenset()  # their terms (part of `terms`)
    group: int | None = None  # the vocabulary group of a word that spelled an expression

    @property
    def own_terms(self) -> frozenset[str]:
        """The terms of the word itself, without its family's."""
        return self.terms - self.family_terms


@dataclass
class ParsedQuery:
    text: str
    words: list[QueryWord] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)  # folded surface forms, in order
    # The field's own words weighting a one-word query (optional, never marked, no typos).
    context: list[QueryWord] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    @property
    def required_words(self) -> list[QueryWord]:
        """The meaningful words; all words when the query has nothing but function words."""
        meaningful = [word for word in self.words if not word.optional]
        if meaningful or self.phrases:
            return meaningful
        return list(self.words)

    @property
    def optional_words(self) -> list[QueryWord]:
        required = self.required_words
        return [word for word in self.words if word not in required] + self.context

    def highlight_terms(self) -> set[str]:
        terms: set[str] = set()
        for word in self.words:
            terms |= word.terms
            for alternative in word.alternatives:
                for alternative_word in alternative:
                    terms |= alternative_word
        for phrase in self.phrases:
            terms |= set(phrase)
        return terms


PHRASE_RE = re.compile(r'"([^"]+)"')


# Endings of nouns that name an action's result: "sopimus", "suunnitelma".
RESULT_NOUN_ENDINGS = ("mus", "mys", "elma", "elmä")


@dataclass(frozen=True)
class Expression:
    """One expression of a synonym group, analysed: the terms of each of its words."""

    text: str
    words: tuple[frozenset[str], ...]  # every word, stop words included (for matching)
    content: tuple[frozenset[str], ...]  # without stop words (for searching)
    group: int


class CompiledVocabulary:
    """A vocabulary analysed with one analyser: expressions by the terms of their first word,
    and word families by the terms of their members."""

    def __init__(self, vocabulary: Vocabulary, analyzer: Analyzer):
        self.groups: list[list[Expression]] = []
        self.by_first_term: dict[str, list[Expression]] = {}
        for number, group in enumerate(vocabulary.groups):
            expressions = []
            for text in group:
                tokens = tokenize(text)
                if not tokens:
                    continue
                words = tuple(analyzer.word(token).query_terms for token in tokens)
                content = tuple(
                    analyzer.word(token).query_terms for token in tokens if not token.is_stop_word
                )
                expression = Expression(text, words, content or words, number)
                expressions.append(expression)
                for term in words[0]:
                    self.by_first_term.setdefault(term, []).append(expression)
            self.groups.append(expressions)
        for candidates in self.by_first_term.values():
            candidates.sort(key=lambda expression: -len(expression.words))
        # The group naming each statute (by its term, "381s2023"), and the statutes that have
        # each section ("11pykala" → the groups of the statutes with a section 11).
        self.statute_groups: dict[str, int] = {}
        for expressions in self.groups:
            for expression in expressions:
                tokens = tokenize(expression.text)
                if len(tokens) == 1 and tokens[0].special and "s" in tokens[0].special:
                    self.statute_groups[tokens[0].special] = expression.group
        self.section_laws: dict[str, tuple[int, ...]] = {}
        for section, statute in vocabulary.sections:
            statute_tokens = tokenize(statute)
            law = self.statute_groups.get(statute_tokens[0].special) if len(statute_tokens) == 1 else None
            term = SECTION_TERM.format(number="".join(section.split()).lower())
            if law is not None and law not in self.section_laws.get(term, ()):
                self.section_laws[term] = (*self.section_laws.get(term, ()), law)
        self.families: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for family in vocabulary.families:
            members = [(word, analyzer.word(tokenize(word)[0]).query_terms) for word in family]
            for _word, terms in members:
                for term in terms:
                    self.families.setdefault(term, []).extend(members)

    def match(self, tokens: list[Token], start: int, analyzer: Analyzer) -> Expression | None:
        """The longest expression that the words from `start` on spell (each word in a form)."""
        first = analyzer.word(tokens[start]).query_terms
        candidates = {id(e): e for term in first for e in self.by_first_term.get(term, ())}
        for expression in sorted(candidates.values(), key=lambda e: -len(e.words)):
            end = start + len(expression.words)
            if end > len(tokens):
                continue
            if all(
                terms & analyzer.word(tokens[start + offset]).query_terms
                for offset, terms in enumerate(expression.words)
            ):
                return expression
        return None

    def family(self, terms: frozenset[str]) -> tuple[tuple[str, ...], frozenset[str]]:
        """The other words of the families the word belongs to, and all their terms.

        A noun naming the result of an action ("sopimus", "suunnitelma") keeps to itself: a
        contract is not the agreeing, while the action ("sopiminen", "sopia") finds the
        contract too."""
        if any(term.endswith(RESULT_NOUN_ENDINGS) for term in terms):
            return (), frozenset()
        words: list[str] = []
        family_terms: set[str] = set()
        for term in sorted(terms):
            for word, member_terms in self.families.get(term, ()):
                if member_terms & terms:
                    continue
                if word not in words:
                    words.append(word)
                family_terms |= member_terms
        return tuple(words), frozenset(family_terms)


_compiled: dict[tuple[int, Vocabulary], CompiledVocabulary] = {}
_compiled_lock = threading.Lock()


def compiled_vocabulary(vocabulary: Vocabulary, analyzer: Analyzer) -> CompiledVocabulary:
    key = (id(analyzer), vocabulary)
    with _compiled_lock:
        compiled = _compiled.get(key)
    if compiled is None:
        compiled = CompiledVocabulary(vocabulary, analyzer)
        with _compiled_lock:
            if len(_compiled) > 16:
                _compiled.clear()
            _compiled[key] = compiled
    return compiled


def is_function_word(token: Token, analysis: WordAnalysis) -> bool:
    """A question word or auxiliary verb ("milloin", "voiko", "tarvitaanko")."""
    return token.folded in FUNCTION_WORDS or bool(analysis.known and analysis.query_terms & FUNCTION_WORDS)


def is_case_ending(text: str, token: Token) -> bool:
    """The ending after an abbreviation's colon ("KEHA:n", "HVA:lle"): not a word of its own."""
    return token.start > 0 and text[token.start - 1] == ":" and len(token.surface) <= 4


def parse_query(
    text: str, analyzer: Analyzer | None = None, vocabulary: Vocabulary | None = None
) -> ParsedQuery:
    """Words (each in any of its forms, its family's and its synonyms') and "quoted phrases".

    A run of words that spells an expression of the vocabulary ("TYM-lain", "KEHA-keskus")
    becomes one query word that any expression of its group matches. Question and function
    words are marked optional.
    """
    analyzer = analyzer or get_analyzer()
    compiled = compiled_vocabulary(vocabulary or STATIC_VOCABULARY, analyzer)
    text = (text or "").strip()[:500]
    parsed = ParsedQuery(text=text)
    for phrase in PHRASE_RE.findall(text):
        folded = [token.folded for token in tokenize(phrase)]
        if folded:
            parsed.phrases.append(folded)
    rest = PHRASE_RE.sub(" ", text).replace('"', " ")
    tokens = [token for token in tokenize(rest) if not is_case_ending(rest, token)]
    only_stop_words = all(token.is_stop_word for token in tokens)
    seen: set[frozenset[str]] = set()
    named_groups: set[int] = set()
    position = 0
    while position < len(tokens):
        token = tokens[position]
        expression = compiled.match(tokens, position, analyzer)
        if expression is not None:
            span = tokens[position : position + len(expression.words)]
            position += len(span)
            word = expression_word(rest, span, expression, compiled, analyzer)
            named_groups.add(expression.group)
        else:
            position += 1
            if token.is_stop_word and not only_stop_words:
                continue
            word = plain_word(token, compiled, analyzer)
        key = word.terms or frozenset(term for words in word.alternatives for w in words for term in w)
        if key in seen:
            continue
        seen.add(key)
        parsed.words.append(word)
    if len(parsed.words) == 1 and not parsed.phrases and not parsed.words[0].optional:
        parsed.context = field_context(parsed.words[0], analyzer)
    named_laws = named_groups & set(compiled.statute_groups.values())
    if named_laws:
        parsed.words = laws_with_their_sections(parsed.words, named_laws, compiled)
    elif len(parsed.required_words) > 1:  # a section with an organisation or another word
        parsed.words = [section_with_its_laws(word, compiled) for word in parsed.words]
    return parsed


def field_context(word: QueryWord, analyzer: Analyzer) -> list[QueryWord]:
    """A query of one word ("kartoitus", "typpi") is often a word of other fields too: the
    field's own most frequent words (`FIELD_WORDS`) are added as optional words, so that among
    the texts with the word those of this field (about customers and services) come first,
    before a building's condition survey or nitrogen in a garden. They decide no match and
    are not marked in the snippets."""
    context = []
    for text in FIELD_WORDS:
        terms = analyzer.word(tokenize(text)[0]).query_terms
        if not terms & word.terms:
            context.append(QueryWord(text, terms, True, optional=True))
    return context


def laws_with_their_sections(
    words: list[QueryWord], named_laws: set[int], compiled: CompiledVocabulary
) -> list[QueryWord]:
    """A law named with one of its sections ("TYM-laki 11 §") is also found in the texts that
    name only the section ("11 §:n tietojenvaihto"), when the section is one of that law's
    in the knowledge base (`LawSection`)."""
    sections = {
        group: term
        for word in words
        if len(word.terms) == 1
        for term in word.terms
        for group in compiled.section_laws.get(term, ())
        if group in named_laws
    }
    result = []
    for word in words:
        if word.group in sections:
            word = replace(word, alternatives=(*word.alternatives, (frozenset({sections[word.group]}),)))
        result.append(word)
    return result


def section_with_its_laws(word: QueryWord, compiled: CompiledVocabulary) -> QueryWord:
    """A section named without its law, with other words ("Kela 11 §"), is also found in the
    texts that name the law the section belongs to (the knowledge base's `LawSection`s:
    381/2023 has a section 11), by its number or any of its names, as its alternatives."""
    if len(word.terms) != 1 or word.alternatives:
        return word
    (term,) = word.terms
    groups = compiled.section_laws.get(term, ())
    if not groups:
        return word
    laws = [expression for group in groups for expression in compiled.groups[group]]
    return replace(
        word,
        alternatives=tuple(law.content for law in laws),
        synonyms=tuple(law.text for law in laws),
    )


def plain_word(token: Token, compiled: CompiledVocabulary, analyzer: Analyzer) -> QueryWord:
    analysis = analyzer.word(token)
    family, family_terms = compiled.family(analysis.query_terms) if analysis.known else ((), frozenset())
    if analysis.relatives:
        # A verb finds the nouns made from it; such a noun its verb and the verb's other nouns.
        family += tuple(verb for verb in analysis.derived_from if verb not in family)
        family_terms |= analysis.relatives
    parts = compound_pieces(analysis)
    return QueryWord(
        token.surface,
        analysis.query_terms | family_terms,
        analysis.known,
        alternatives=(tuple(frozenset({part}) for part in parts),) if parts else (),
        optional=is_function_word(token, analysis),
        family=family,
        family_terms=family_terms - analysis.query_terms,
    )


# A compound's piece shorter than this ("työ") would match nearly everything with the others.
MIN_PIECE = 4


def compound_pieces(analysis: WordAnalysis) -> tuple[str, ...]:
    """A compound query word's parts ("suunnitelmapohja": suunnitelma, pohja), which the word
    also matches when a text has every one of them, as separate words or in other compounds
    ("työllistymissuunnitelman pohja"). A part is never enough on its own: "työllistymis-
    suunnitelma" does not match every text with "suunnitelma". Runs of adjacent parts are left
    out, unless a part is shorter than `MIN_PIECE` letters: then it is joined to its neighbour
    ("työkokeilusopimus": työkokeilu, sopimus), and a word that has no such split ("työpäivä")
    is left as it is."""
    parts = analysis.index_terms - analysis.query_terms
    if len(parts) < 2:
        return ()

    def is_run(part: str) -> bool:
        return any(part != head and part.startswith(head) and part[len(head) :] in parts for head in parts)

    pieces = tuple(sorted(part for part in parts if not is_run(part)))
    if len(pieces) >= 2 and all(len(piece) >= MIN_PIECE for piece in pieces):
        return pieces
    best: tuple[str, ...] = ()
    for whole in sorted(analysis.query_terms):
        split = split_into_runs(whole, parts)
        if len(split) > len(best):
            best = split
    return tuple(sorted(best))


def split_into_runs(word: str, parts: Set[str]) -> tuple[str, ...]:
    """`word` as the most pieces of at least `MIN_PIECE` letters, each a part or a run of
    adjacent parts: "tyokokeilusopimus" → tyokokeilu, sopimus (the short "tyo" joined to
    its neighbour). () when there is no such split into two or more."""
    best: dict[int, tuple[str, ...]] = {0: ()}
    for end in range(1, len(word) + 1):
        for start in [start for start in best if end - start >= MIN_PIECE]:
            piece = word[start:end]
            if piece in parts and len(best[start]) + 1 > len(best.get(end, ())):
                best[end] = (*best[start], piece)
    split = best.get(len(word), ())
    return split if len(split) >= 2 else ()


def law_subjects(group: list[Expression]) -> tuple[tuple[frozenset[str], ...], ...]:
    """What a law named "laki <subject>" is about, as words: "laki kuntouttavasta
    työtoiminnasta" → kuntouttava, työtoiminta. A text on the subject that does not name the
    law ("kuntouttava työtoiminta järjestetään…") is found by the law's number or name too
    (the subject is one more alternative, ranked like a synonym by bm25: such a text may come
    before one that names the law)."""
    return tuple(
        expression.content[1:]
        for expression in group
        if len(expression.content) > 2 and tokenize(expression.text)[0].folded == "laki"
    )


def expression_word(
    text: str, span: list[Token], expression: Expression, compiled: CompiledVocabulary, analyzer: Analyzer
) -> QueryWord:
    group = compiled.groups[expression.group]
    terms: frozenset[str] = frozenset()
    if len(span) == 1:
        terms = analyzer.word(span[0]).query_terms
    alternatives = tuple(other.content for other in group)
    if expression.group in compiled.statute_groups.values():
        alternatives += tuple(subject for subject in law_subjects(group) if subject not in alternatives)
    synonyms = tuple(other.text for other in group if other is not expression)
    surface = text[span[0].start : span[-1].end].lower()
    return QueryWord(surface, terms, True, alternatives, synonyms=synonyms, group=expression.group)
