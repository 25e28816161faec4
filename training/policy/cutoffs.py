"""Decision cutoffs of the policy reader, chosen per disclosure on out-of-fold scores of train and dev documents."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from privlint.policy.decision import document_signals, features
from privlint.policy.reader import read, score_rows
from scoring import scored_documents

MAX_FALSE_MISSING = 0.02
PRESENT_PRECISION = 0.95
PRESENT_FLOOR = 0.2


Scores = list[tuple[dict[str, str], dict[str, float], set[str]]]


def document_scores(model: Path, lang: str, splits: set[str], mirrors: Path, ids: set[str]) -> list[dict]:
    """Per labelled document of `ids`, read by the reader `model`: its id, labels, best score per disclosure,
    the disclosures with phrase evidence, and the decision features of every disclosure (privlint.policy.decision)."""
    import spacy

    nlp = spacy.load(model)
    records = []
    for doc in scored_documents(lang, splits, mirrors, ids):
        rows = score_rows(doc.analysis.passages, nlp)
        best = {name: reading.score for name, reading in read(doc.analysis.passages, nlp, rows).items()}
        shared = document_signals(doc.analysis, rows)
        records.append({"doc": doc.id, "labels": doc.labels, "best": best,
                        "found": sorted(name for name, items in doc.analysis.found.items() if items),
                        "features": {name: features(name, doc.analysis, rows, best, shared) for name in best}})
    return records


def choose_cutoffs(scores: Scores) -> dict:
    """Per disclosure: `absent` and `absent_with_phrases`, the score cutoffs below which a document without /
    with phrase evidence is reported missing, each the best F1 of "missing" whose false reports stay within
    MAX_FALSE_MISSING of the documents; and `present`, the lowest score from which PRESENT_PRECISION of the
    documents without phrase matches make the disclosure, and never below PRESENT_FLOOR: a disclosure nearly
    every policy makes is not "present" in one where the reader saw nothing of it."""
    allowed = int(MAX_FALSE_MISSING * len(scores))
    names = sorted({name for _, best, _ in scores for name in best})
    chosen = {}
    for name in names:
        with_phrases = [(labels.get(name), best[name]) for labels, best, found in scores if name in found]
        without = [(labels.get(name), best[name]) for labels, best, found in scores if name not in found]
        pair = {"absent": _absent_cutoff(without, allowed), "absent_with_phrases": _absent_cutoff(with_phrases, 0)}
        pair["present"] = max(pair["absent"], PRESENT_FLOOR, _present_cutoff(without))
        chosen[name] = pair
    return {"documents": len(scores), "max_false_missing": MAX_FALSE_MISSING,
            "present_precision": PRESENT_PRECISION, "cutoffs": chosen}


def _absent_cutoff(pairs: Sequence[tuple[str | None, float]], allowed: int) -> float:
    """The cutoff with the best F1 of "missing" among those with at most `allowed` false reports (among equals,
    the lowest). When no document lacks the disclosure there is no F1 to weigh: just below the lowest score of a
    document that makes it, so that only a policy weaker than every one seen is reported."""
    made = sorted(score for status, score in pairs if status != "absent")
    if not any(status == "absent" for status, _ in pairs):
        return round(made[0] - 1e-6, 6) if made else 0.0
    best, best_f1 = 0.0, -1.0
    for cut in sorted({0.0, *(round(score + 1e-6, 6) for _, score in pairs)}):
        tp = sum(status == "absent" and score < cut for status, score in pairs)
        fp = sum(status != "absent" and score < cut for status, score in pairs)
        fn = sum(status == "absent" and score >= cut for status, score in pairs)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if fp <= allowed and f1 > best_f1:
            best, best_f1 = cut, f1
    return best


def _present_cutoff(pairs: Sequence[tuple[str | None, float]]) -> float:
    for cut in sorted({round(score, 6) for _, score in pairs}):
        above = [status for status, score in pairs if score >= cut]
        if above and sum(status != "absent" for status in above) / len(above) >= PRESENT_PRECISION:
            return cut
    return 1.0
