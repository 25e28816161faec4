"""The only module that imports spaCy: blank en/zh pipelines, a sentencizer and matchers built from the packs."""

from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from privlint.linear_regex import compile_linear
from privlint.policy.packs import Catalogue

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

LOG = logging.getLogger(__name__)

CHUNK_CHARS = 50_000
_CLAUSE_END = re.compile("[，,；;：:。！？]")


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched label in a sentence: character offsets in the block, and whether a negation governs it."""

    label: str
    start: int
    end: int
    negated: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a block with everything the matchers found in it."""

    block: int
    start: int
    end: int
    qualified: bool
    hits: tuple[Hit, ...]


@functools.lru_cache(maxsize=2)
def pipeline(lang: str) -> Language:
    """A blank spaCy pipeline with a sentencizer; works from `pip install` alone, no model download."""
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.max_length = CHUNK_CHARS * 2
    return nlp


class PolicyMatcher:
    """PhraseMatcher + Matcher + regexes for one language, built from the catalogue's YAML."""

    def __init__(self, catalogue: Catalogue, lang: str) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.lang = lang
        self.nlp = pipeline(lang)
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.tokens = Matcher(self.nlp.vocab)
        self.regexes: list[tuple[str, Any]] = []
        for label, patterns in _labelled_patterns(catalogue, lang):
            self._add(label, patterns)
        negation = catalogue.claims.get("negation", {})
        self.window = int(negation.get("window", {}).get(lang, 6))
        self.cues = frozenset(str(cue).lower() for cue in negation.get("cues", ()))
        self.exceptions = tuple(str(cue).lower() for cue in negation.get("exceptions", ()))

    def _add(self, label: str, patterns: Any) -> None:
        if patterns.phrases:
            self.phrases.add(label, list(self.nlp.tokenizer.pipe(patterns.phrases)))
        if patterns.patterns and self.lang == "en":
            self.tokens.add(label, [list(pattern) for pattern in patterns.patterns])
        self.regexes.extend((label, compile_linear(regex)) for regex in patterns.regexes)

    def analyse(self, texts: Sequence[str]) -> list[Sentence]:
        """Sentences and hits of every block text, offsets relative to each block."""
        sentences: list[Sentence] = []
        pieces = list(_chunks(texts))
        docs = self.nlp.pipe(piece for _, _, piece in pieces)
        for (block, base, _), doc in zip(pieces, docs):
            sentences.extend(self._sentences(block, base, doc))
        return sentences

    def _sentences(self, block: int, base: int, doc: Doc) -> Iterator[Sentence]:
        sents = list(doc.sents)
        starts = [sent.start for sent in sents]
        matches: dict[int, list[tuple[str, int, int]]] = {}
        strings = self.nlp.vocab.strings
        token_matches = self.tokens(doc) if len(self.tokens) else []
        for match_id, start, end in [*self.phrases(doc), *token_matches]:
            index = bisect.bisect_right(starts, start) - 1
            matches.setdefault(index, []).append((strings[match_id], start, end))
        for index, sent in enumerate(sents):
            yield self._sentence(block, base, sent, matches.get(index, []))

    def _sentence(self, block: int, base: int, sent: Span, matches: list[tuple[str, int, int]]) -> Sentence:
        doc = sent.doc
        hits = [Hit(label, base + doc[start].idx, base + doc[end - 1].idx + len(doc[end - 1]),
                    self._negated(sent, start)) for label, start, end in matches]
        for label, regex in self.regexes:
            hits.extend(Hit(label, base + sent.start_char + m.start(), base + sent.start_char + m.end(),
                            _negated_text(sent.text[: m.start()], self.cues, self.window))
                        for m in regex.finditer(sent.text))
        lowered = sent.text.lower()
        qualified = any(cue in lowered for cue in self.exceptions)
        lead = len(sent.text) - len(sent.text.lstrip())
        return Sentence(block, base + sent.start_char + lead, base + sent.end_char, qualified, tuple(hits))

    def _negated(self, sent: Span, start: int) -> bool:
        window = sent.doc[max(sent.start, start - self.window): start]
        if self.lang == "en":
            return any(token.lower_ in self.cues for token in window)
        return _negated_text(window.text, self.cues, self.window)


def _negated_text(before: str, cues: frozenset[str], window: int) -> bool:
    """A Chinese negation cue in the clause before a hit: "当渠道无法退款时，我们会请您提供" does not deny 提供."""
    tail = _CLAUSE_END.split(before[-window * 2:].lower())[-1]
    return any(cue in tail for cue in cues if not cue.isascii())


def _labelled_patterns(catalogue: Catalogue, lang: str) -> Iterator[tuple[str, Any]]:
    from privlint.policy.vocabulary import PatternSet

    for name, disclosure in catalogue.disclosures.items():
        yield f"disclosure:{name}", disclosure.languages[lang]
        yield f"heading:{name}", PatternSet(phrases=disclosure.languages[lang].headings)
        for detail in disclosure.details.values():
            yield f"detail:{name}:{detail.name}", detail.languages[lang]
    claims: Mapping[str, Any] = catalogue.claims
    for category, phrases in claims.get("data_categories", {}).items():
        yield f"category:{category}", PatternSet(phrases=tuple(phrases))
    for kind in ("names", "categories"):
        for name in claims.get("recipients", {}).get(kind, ()):
            yield f"recipient-{kind}:{name}", PatternSet(phrases=(name,))
    for country, phrases in claims.get("countries", {}).items():
        yield f"country:{country}", PatternSet(phrases=tuple(phrases))
    yield "verb", PatternSet(phrases=tuple(claims.get("negation", {}).get("verbs", ())))


def _chunks(texts: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(block index, offset, text) pieces of at most CHUNK_CHARS characters, cut at line ends when possible."""
    for index, text in enumerate(texts):
        start = 0
        while len(text) - start > CHUNK_CHARS:
            cut = text.rfind("\n", start, start + CHUNK_CHARS)
            cut = cut + 1 if cut > start else start + CHUNK_CHARS
            yield index, start, text[start:cut]
            start = cut
        yield index, start, text[start:]


@functools.lru_cache(maxsize=8)
def matcher_for(catalogue: Catalogue, lang: str) -> PolicyMatcher:
    """The matcher of a catalogue and language, built once."""
    return PolicyMatcher(catalogue, lang)
