"""The trained policy reader: how strongly each passage of a policy makes each disclosure (spaCy, in the wheel)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    from spacy.language import Language

    from privlint.policy.decision import Combiner

MODELS = Path(__file__).parent / "models"
PRESENT, UNSURE, ABSENT = "present", "unsure", "absent"
HEADING_CHARS = 120
PASSAGE_CHARS = 1_500
CUE_BASE = 0xE000


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence or list item of a policy, with the nearest heading above it, the disclosures whose phrase
    lists (rules/policy/disclosures.yml) match it or that heading, and its section number (see `sections`)."""

    heading: str
    text: str
    block: int = 0
    start: int = 0
    cues: tuple[str, ...] = ()
    section: int = 0


@dataclass(frozen=True, slots=True)
class Reading:
    """The reader's strongest passage for one disclosure and its score (0-1)."""

    disclosure: str
    score: float
    passage: Passage | None


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """A document whose phrase lists match a disclosure makes it; one without such a match makes it from the
    best passage score `present` on, and below it the reader is unsure. Only the document-level combiner
    (privlint/policy/decision.py) finds a disclosure absent."""

    present: float

    def state(self, score: float, phrases: bool) -> str:
        """PRESENT or UNSURE for a document's best score."""
        return PRESENT if phrases or score >= self.present else UNSURE


def passage_text(passage: Passage, disclosures: Sequence[str]) -> str:
    """What the classifier reads of a passage: its heading, a line break, the passage itself (white space
    collapsed, so hard-wrapped text reads as the same words), then one cue character per phrase-list match (a
    private-use character per disclosure, a single token in both languages)."""
    heading = " ".join(passage.heading.lstrip("#").split())[:HEADING_CHARS]
    text = " ".join(passage.text.split())[:PASSAGE_CHARS]
    cues = " ".join(chr(CUE_BASE + disclosures.index(name)) for name in sorted(set(passage.cues))
                    if name in disclosures)
    return "\n".join(part for part in (heading, text, cues) if part)


def available(lang: str) -> bool:
    """True when the wheel carries a trained reader for `lang`."""
    return (MODELS / lang / "config.cfg").is_file()


@functools.lru_cache(maxsize=2)
def pipeline(lang: str) -> Language:
    """The trained pipeline of `lang` ("en" or "zh"), loaded once from the package."""
    import spacy

    return spacy.load(MODELS / lang)


@functools.lru_cache(maxsize=2)
def cutoffs(lang: str) -> dict[str, Cutoffs]:
    """Per-disclosure decision cutoffs chosen on the development documents at training time."""
    raw = json.loads((MODELS / lang / "cutoffs.json").read_text(encoding="utf-8"))
    return {name: Cutoffs(present=float(pair["present"])) for name, pair in raw["cutoffs"].items()}


@functools.lru_cache(maxsize=2)
def combiners(lang: str) -> dict[str, Combiner]:
    """Per-disclosure document-level combiners (privlint/policy/decision.py), when the reader ships them."""
    from privlint.policy.decision import Combiner

    raw = json.loads((MODELS / lang / "cutoffs.json").read_text(encoding="utf-8"))
    return {name: Combiner.from_json(model) for name, model in raw.get("decision", {}).items()}


@functools.lru_cache(maxsize=2)
def corpus_words(lang: str) -> frozenset[str]:
    """The words that naming.COMMON_IN or more of the reader's training policies use (naming.own_word_mentions)."""
    return frozenset((MODELS / lang / "common_words.txt").read_text(encoding="utf-8").splitlines())


def score_rows(passages: Sequence[Passage], nlp: Language) -> list[dict[str, float]]:
    """Every passage's score for every disclosure the reader `nlp` knows, in passage order."""
    labels: Iterable[str] = nlp.get_pipe("textcat_multilabel").labels
    cue_names = sorted(labels)
    texts = (passage_text(passage, cue_names) for passage in passages)
    return [{label: float(score) for label, score in doc.cats.items()} for doc in nlp.pipe(texts, batch_size=256)]


def read(passages: Sequence[Passage], nlp: Language,
         rows: Sequence[Mapping[str, float]] | None = None) -> dict[str, Reading]:
    """The strongest passage of every disclosure the reader `nlp` knows (from `rows`, the passages' scores, when
    they are already known)."""
    labels: Iterable[str] = nlp.get_pipe("textcat_multilabel").labels
    best = {label: Reading(label, 0.0, None) for label in labels}
    for passage, cats in zip(passages, score_rows(passages, nlp) if rows is None else rows):
        _keep_best(best, passage, cats)
    return best


def _keep_best(best: dict[str, Reading], passage: Passage, cats: Mapping[str, float]) -> None:
    for label, score in cats.items():
        if score > best[label].score:
            best[label] = Reading(label, float(score), passage)
