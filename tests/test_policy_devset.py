"""Measures the policy check on the labelled dev set (tests/data/policies): macro F1 of "absent" per regime, where a
disclosure is flagged when privlint reports it missing or notes that it could not confirm it, and the rate of
"missing" warnings on disclosures a document makes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from privlint.policy.api import REGIMES, check_policies, policy_rules

DEVSET = Path(__file__).resolve().parent / "data" / "policies"
LABELS = yaml.safe_load((DEVSET / "labels.yml").read_text(encoding="utf-8"))["documents"]
PREDICTED_AS = {"missing": "absent", "partial": "partial", "unconfirmed": "absent"}
THRESHOLDS = {"pipl": 0.9, "gbt35273": 0.9, "gdpr": 0.9, "ccpa": 0.9}
PARTIAL_THRESHOLD = 0.8
MAX_FALSE_MISSING = 0.03


def f1(pairs: list[tuple[str, str]], label: str) -> float | None:
    """F1 of one label over (gold, predicted) pairs; None when the label occurs in neither."""
    tp = sum(1 for gold, pred in pairs if gold == pred == label)
    fp = sum(1 for gold, pred in pairs if pred == label != gold)
    fn = sum(1 for gold, pred in pairs if gold == label != pred)
    return None if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def findings(regime: str) -> list:
    return list(check_policies([DEVSET / name for name in LABELS], [regime]).findings)


def evaluate(regime: str) -> dict[str, dict[str, float | None]]:
    """Per rule of `regime`: F1 of absent (flagged) and of partial against the labels."""
    predicted: dict[str, dict[str, str]] = defaultdict(dict)
    for finding in findings(regime):
        status = PREDICTED_AS[finding.properties["status"]]
        predicted[Path(finding.location.path).name][finding.properties["disclosure"]] = status
    scores = {}
    for rule in policy_rules([regime]):
        disclosure = rule.id.removeprefix(regime + "-")
        pairs = [(doc["labels"][disclosure], predicted[name].get(disclosure, "present")) for name, doc in LABELS.items()]
        scores[rule.id] = {"absent": f1(pairs, "absent"), "partial": f1(pairs, "partial")}
    return scores


def macro(scores: dict[str, dict[str, float | None]], label: str) -> float:
    values = [score[label] for score in scores.values() if score[label] is not None]
    return sum(values) / len(values)


def test_devset_is_large_and_mixed() -> None:
    languages = [doc["language"] for doc in LABELS.values()]
    assert len(LABELS) >= 30 and sum(lang.startswith("zh") for lang in languages) >= 10
    assert {doc["profile"] for doc in LABELS.values()} == {"complete", "typical", "deficient"}
    assert all((DEVSET / name).exists() for name in LABELS)


@pytest.mark.parametrize("regime", REGIMES)
def test_absent_macro_f1(regime: str) -> None:
    scores = evaluate(regime)
    table = "\n".join(f"{rule}: {score}" for rule, score in scores.items())
    assert macro(scores, "absent") >= THRESHOLDS[regime], table
    assert macro(scores, "partial") >= PARTIAL_THRESHOLD, table


@pytest.mark.parametrize("regime", REGIMES)
def test_missing_warnings_are_rarely_wrong(regime: str) -> None:
    wrong = [(Path(f.location.path).name, f.properties["disclosure"]) for f in findings(regime)
             if f.properties["status"] == "missing"
             and LABELS[Path(f.location.path).name]["labels"][f.properties["disclosure"]] != "absent"]
    pairs = len(LABELS) * len(policy_rules([regime]))
    assert len(wrong) / pairs <= MAX_FALSE_MISSING, wrong
