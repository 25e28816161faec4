"""The second-labeller agreement table (training/policy/agreement.py) and its shipped second labels."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "policy"))

import agreement  # noqa: E402


def _row(lines: list[str], name: str) -> list[str]:
    return next(line for line in lines if line.startswith(f"| {name} |")).strip("| ").split(" | ")


def test_table_scores_the_second_labeller_and_the_reader_on_absent() -> None:
    reference = {"a": {"retention": "absent", "contact": "present"},
                 "b": {"retention": "absent", "contact": "present"},
                 "c": {"retention": "partial", "contact": "present"}}
    second = {"a": {"retention": "absent", "contact": "present"},
              "b": {"retention": "partial", "contact": "present"},
              "c": {"retention": "absent", "contact": "partial"}}
    reader = {"a": {"retention": True, "contact": False},
              "b": {"retention": True, "contact": False},
              "c": {"retention": False, "contact": False}}
    lines = agreement.table(reference, second, reader)
    # retention: 1 of 3 statuses the same; second labeller 1 hit, 1 miss, 1 false report: F1 0.5; reader 2 hits.
    assert _row(lines, "retention") == ["retention", "2", "33%", "0.50", "1.00"]
    # contact: no document lacks it, so it stays out of the macro average.
    assert _row(lines, "contact") == ["contact", "0", "67%", "-", "-"]
    assert lines[-1] == "| **macro** | | | **0.50** | **1.00** |"


def test_table_without_reader_decisions_shows_only_the_labellers() -> None:
    reference = {"a": {"children": "absent"}, "b": {"children": "present"}}
    lines = agreement.table(reference, {"a": {"children": "absent"}, "b": {"children": "present"}}, None)
    assert _row(lines, "children") == ["children", "1", "100%", "1.00", "-"]
    assert lines[-1] == "| **macro** | | | **1.00** | - |"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_second_labels_cover_every_disclosure_of_labelled_train_and_dev_documents(lang: str) -> None:
    second = agreement.second_labels(lang)
    reference = agreement.reference_labels(lang, sorted(second))
    corpus = yaml.safe_load((agreement.HERE / "corpus" / f"{lang}.yml").read_text(encoding="utf-8"))
    splits = {document["id"]: document["split"] for document in corpus["documents"]}
    assert len(second) >= 30
    assert {splits[doc_id] for doc_id in second} <= {"train", "dev"}
    for doc_id, statuses in second.items():
        assert set(statuses) == set(reference[doc_id])
        assert set(statuses.values()) <= {"present", "partial", "absent"}
