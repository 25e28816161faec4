"""Whether a policy makes each disclosure: the trained reader's verdict, with the phrase evidence beside it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from privlint.policy.analysis import Analysis
from privlint.policy.decision import document_signals, features
from privlint.policy.reader import ABSENT, PRESENT, Passage, available, combiners, corpus_words, cutoffs, \
    pipeline, read, score_rows


@dataclass(frozen=True, slots=True)
class Judgement:
    """One disclosure's state and the passage that decided it (the closest one when the state is not present)."""

    state: str
    score: float | None = None
    passage: Passage | None = None


def judge(analysis: Analysis, disclosures: Iterable[str]) -> dict[str, Judgement]:
    """Present, unsure or absent per disclosure. The reader decides where the wheel has one for the language:
    phrase matches or the cutoff on the best passage's score make a disclosure present, below it the reader is
    unsure, and only the disclosure's document-level combiner (privlint/policy/decision.py) finds it absent; a
    disclosure the reader does not know, or a language without a reader, falls back to the phrase evidence; a
    precise extractor (an e-mail address, a dated "last updated" line...) makes a disclosure present whatever the
    score."""
    names = list(disclosures)
    if not available(analysis.lang):
        return {name: _by_phrases(analysis, name) for name in names}
    nlp = pipeline(analysis.lang)
    rows = score_rows(analysis.passages, nlp)
    readings = read(analysis.passages, nlp, rows)
    cuts, combined = cutoffs(analysis.lang), combiners(analysis.lang)
    best = {name: reading.score for name, reading in readings.items()}
    shared = document_signals(analysis, rows, corpus_words(analysis.lang))
    judged: dict[str, Judgement] = {}
    for name in names:
        reading, cut, combiner = readings.get(name), cuts.get(name), combined.get(name)
        if reading is None or cut is None:
            judged[name] = _by_phrases(analysis, name)
            continue
        state = cut.state(reading.score, bool(analysis.found.get(name)))
        if combiner is not None and combiner.missing(features(name, analysis, rows, best, shared)):
            state = ABSENT
        judged[name] = Judgement(state, reading.score, reading.passage)
        if state != PRESENT and (passage := analysis.extracted.get(name)) is not None:
            judged[name] = Judgement(PRESENT, reading.score, passage)
    return judged


def _by_phrases(analysis: Analysis, name: str) -> Judgement:
    return Judgement(PRESENT if analysis.found.get(name) else ABSENT)
