"""Precision and recall of the identifier classifier on the labelled dev set tests/data/identifiers.tsv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from privlint.taxonomy import Taxonomy, load_taxonomy
from test_taxonomy_realworld import score

DEV_SET = Path(__file__).parent / "data" / "identifiers.tsv"


def load_rows() -> list[tuple[str, str | None, str | None]]:
    """The dev set rows as (name, owner or None, expected type id or None)."""
    with DEV_SET.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["name"], row["owner"] or None, None if row["expected"] == "-" else row["expected"])
                for row in reader]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def test_dev_set_is_large_and_labelled_with_known_types(taxonomy: Taxonomy) -> None:
    rows = load_rows()
    assert len(rows) >= 400
    assert sum(1 for *_, expected in rows if expected is None) >= 150
    assert {expected for *_, expected in rows if expected} <= set(taxonomy.types)
    assert len({(name, owner) for name, owner, _ in rows}) == len(rows), "duplicate rows"


def test_precision_and_recall(taxonomy: Taxonomy) -> None:
    rows = load_rows()
    precision, recall, positives, errors = score(taxonomy, rows)
    print(f"\ndev set: {len(rows)} rows, {positives} personal, {len(rows) - positives} not personal")
    print(f"precision {precision:.3f}, recall {recall:.3f}; {len(errors)} errors")
    print("\n".join(errors))
    assert precision >= 0.9
    assert recall >= 0.9
