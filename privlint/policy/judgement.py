"""Whether a policy makes each disclosure: the trained reader's verdict, with the phrase evidence beside it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from privlint.policy.analysis import Analysis
from privlint.policy.extractors import extracted
from privlint.policy.reader import ABSENT, PRESENT, Passage, available, cutoffs, pipeline, read


@dataclass(frozen=True, slots=True)
class Judgement:
    """One disclosure's state and the passage that decided it (the closest one when the state is not present)."""

    state: str
    score: float | None = None
    passage: Passage | None = None


def judge(analysis: Analysis, disclosures: Iterable[str]) -> dict[str, Judgement]:
    """Present, unsure or absent per disclosure. The reader decides where the wheel has one for the language;
    a disclosure it does not know, or a language without a reader, falls back to the phrase evidence; a precise
    extractor (an e-mail address, a dated "last updated" line...) makes a disclosure present whatever the score."""
    names = list(disclosures)
    if not available(analysis.lang):
        return {name: _by_phrases(analysis, name) for name in names}
    readings = read(analysis.passages, pipeline(analysis.lang))
    cuts = cutoffs(analysis.lang)
    judged: dict[str, Judgement] = {}
    for name in names:
        reading, cut = readings.get(name), cuts.get(name)
        if reading is None or cut is None:
            judged[name] = _by_phrases(analysis, name)
        else:
            state = cut.state(reading.score, bool(analysis.found.get(name)))
            judged[name] = Judgement(state, reading.score, reading.passage)
        if judged[name].state != PRESENT and (passage := extracted(name, analysis.passages)) is not None:
            judged[name] = Judgement(PRESENT, judged[name].score, passage)
    return judged


def _by_phrases(analysis: Analysis, name: str) -> Judgement:
    return Judgement(PRESENT if analysis.found.get(name) else ABSENT)
