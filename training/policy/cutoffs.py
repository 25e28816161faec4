"""Decision cutoffs of the policy reader, chosen per disclosure on out-of-fold scores of train and dev documents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Mapping, Sequence

from privlint.policy.decision import document_signals, features
from privlint.policy.naming import COMMON_IN, common_words, word_counts
from privlint.policy.reader import read, score_rows
from scoring import scored_documents

PRESENT_PRECISION = 0.95
PRESENT_FLOOR = 0.2


Scores = list[tuple[dict[str, str], dict[str, float], set[str]]]


def document_frequencies(lang: str, splits: set[str], mirrors: Path, ids: set[str]) -> Counter[str]:
    """How many of the labelled documents `ids` use each word (privlint.policy.naming.word_counts)."""
    frequencies: Counter[str] = Counter()
    for doc in scored_documents(lang, splits, mirrors, ids):
        frequencies.update(word_counts(doc.analysis.passages, lang).keys())
    return frequencies


def document_scores(model: Path, lang: str, splits: set[str], mirrors: Path, ids: set[str],
                    frequencies: Mapping[str, int]) -> list[dict]:
    """Per labelled document of `ids`, read by the reader `model`: its id, labels, best score per disclosure,
    the disclosures with phrase evidence, and the decision features of every disclosure (privlint.policy.decision).
    A word is common to a document when naming.COMMON_IN other documents counted in `frequencies` use it, as the
    installed reader's common words are those of the documents it was trained on: only the document's own words
    matter, and each of them counts the document itself once, hence one more."""
    import spacy

    nlp = spacy.load(model)
    others = common_words(frequencies, least=COMMON_IN + 1)
    records = []
    for doc in scored_documents(lang, splits, mirrors, ids):
        rows = score_rows(doc.analysis.passages, nlp)
        best = {name: reading.score for name, reading in read(doc.analysis.passages, nlp, rows).items()}
        shared = document_signals(doc.analysis, rows, others)
        records.append({"doc": doc.id, "labels": doc.labels, "best": best,
                        "found": sorted(name for name, items in doc.analysis.found.items() if items),
                        "features": {name: features(name, doc.analysis, rows, best, shared) for name in best}})
    return records


def choose_cutoffs(scores: Scores) -> dict:
    """Per disclosure, `present`: the lowest best-passage score from which PRESENT_PRECISION of the documents
    without phrase matches make the disclosure, and never below PRESENT_FLOOR (a disclosure nearly every policy
    makes is not "present" in one where the reader saw nothing of it). Whether a document lacks a disclosure is
    the document-level combiner's decision (combine.py)."""
    names = sorted({name for _, best, _ in scores for name in best})
    chosen = {}
    for name in names:
        without = [(labels.get(name), best[name]) for labels, best, found in scores if name not in found]
        chosen[name] = {"present": max(PRESENT_FLOOR, _present_cutoff(without))}
    return {"documents": len(scores), "present_precision": PRESENT_PRECISION, "cutoffs": chosen}


def _present_cutoff(pairs: Sequence[tuple[str | None, float]]) -> float:
    for cut in sorted({round(score, 6) for _, score in pairs}):
        above = [status for status, score in pairs if score >= cut]
        if above and sum(status != "absent" for status in above) / len(above) >= PRESENT_PRECISION:
            return cut
    return 1.0
