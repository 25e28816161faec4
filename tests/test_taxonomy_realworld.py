"""Precision and recall of the identifier classifier on identifiers taken from real application code.

tests/data/identifiers_realworld_dev.tsv and tests/data/identifiers_realworld_blind.tsv hold (name, owner) pairs
drawn from the 17 applications of bench/realworld/apps.yml (test folders and migrations left out) by
bench/realworld/identifiers.py, each labelled by reading the code at ``where`` (a path relative to the
application's root). The pairs are split between the two files by a hash of (name, owner).

The dev part may guide changes to the taxonomy: its errors are printed. The blind part must not: nobody looks at
its errors, only its scores are printed, so they stay an honest estimate for code the taxonomy was not tuned on.
The floors are the scores measured when the sets were added, minus 0.02, so that a change cannot lower them
silently; raise them when the scores rise.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from privlint.taxonomy import Taxonomy, load_taxonomy

DATA = Path(__file__).parent / "data"
DEV_SET = DATA / "identifiers_realworld_dev.tsv"
BLIND_SET = DATA / "identifiers_realworld_blind.tsv"
COLUMNS = ["name", "owner", "expected", "where", "app"]
APPS = {"bk-user", "ckan", "django", "django-allauth", "django-helpdesk", "django-oscar", "django-vue-admin",
        "djangoblog", "flaskbb", "label-studio", "matrix-synapse", "mayan-edms", "misago", "privacyidea", "spug",
        "wagtail", "weblate"}
# The split rule of bench/realworld/identifiers.py: a row's part follows from its (name, owner) alone.
SPLIT_SEED = "privlint-realworld-split-1"
DEV_SHARE = 0.6

# Measured at commit 52dfc9d (dev 0.779 / 0.755, blind 0.821 / 0.767), minus 0.02, rounded down.
DEV_FLOORS = {"precision": 0.75, "recall": 0.73}
BLIND_FLOORS = {"precision": 0.80, "recall": 0.74}

Row = tuple[str, str | None, str | None]


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == COLUMNS, f"{path.name}: columns {reader.fieldnames}"
        return list(reader)


def labelled(path: Path) -> list[Row]:
    """The rows as (name, owner or None, expected type id or None), as in tests/test_taxonomy_devset.py."""
    return [(row["name"], row["owner"] or None, None if row["expected"] == "-" else row["expected"])
            for row in load_rows(path)]


def part_of(name: str, owner: str) -> str:
    digest = hashlib.sha256(f"{SPLIT_SEED}\0{name}\0{owner}".encode()).digest()
    return "dev" if int.from_bytes(digest[:8], "big") / 2 ** 64 < DEV_SHARE else "blind"


def score(taxonomy: Taxonomy, rows: list[Row]) -> tuple[float, float, int, list[str]]:
    """Precision, recall, personal rows and errors; a prediction counts only with the exact expected type."""
    true_positive = predicted = positives = 0
    errors = []
    for name, owner, expected in rows:
        found = taxonomy.classify_name(name, owner)
        got = found.id if found else None
        positives += expected is not None
        predicted += got is not None
        true_positive += got is not None and got == expected
        if got != expected:
            errors.append(f"  {name!r} owner={owner!r}: expected {expected}, got {got}")
    return true_positive / predicted, true_positive / positives, positives, errors


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.mark.parametrize(("path", "minimum"), [(DEV_SET, 350), (BLIND_SET, 250)], ids=["dev", "blind"])
def test_set_is_well_formed(taxonomy: Taxonomy, path: Path, minimum: int) -> None:
    rows = load_rows(path)
    assert len(rows) >= minimum
    unknown = {row["expected"] for row in rows} - set(taxonomy.types) - {"-"}
    assert not unknown, f"unknown type ids: {sorted(unknown)}"
    keys = [(row["name"], row["owner"]) for row in rows]
    assert len(set(keys)) == len(keys), "duplicate (name, owner) rows"
    personal = sum(row["expected"] != "-" for row in rows)
    assert 0.3 * len(rows) <= personal <= 0.7 * len(rows), "about half the rows are personal data"
    for row in rows:
        assert row["name"] and row["name"] == row["name"].strip(), row
        assert row["app"] in APPS, row
        file, _, line = row["where"].rpartition(":")
        assert file.endswith(".py") and line.isdigit(), row


def test_parts_follow_the_split_rule() -> None:
    """No row moves between the parts: the blind part stays blind."""
    dev = {(row["name"], row["owner"]) for row in load_rows(DEV_SET)}
    blind = {(row["name"], row["owner"]) for row in load_rows(BLIND_SET)}
    assert not dev & blind
    assert all(part_of(*key) == "dev" for key in dev)
    assert all(part_of(*key) == "blind" for key in blind)


def test_dev_precision_and_recall(taxonomy: Taxonomy) -> None:
    rows = labelled(DEV_SET)
    precision, recall, positives, errors = score(taxonomy, rows)
    print(f"\nreal-world dev set: {len(rows)} rows, {positives} personal, {len(rows) - positives} not personal")
    print(f"precision {precision:.3f}, recall {recall:.3f}; {len(errors)} errors")
    print("\n".join(errors))
    assert precision >= DEV_FLOORS["precision"]
    assert recall >= DEV_FLOORS["recall"]


def test_blind_precision_and_recall(taxonomy: Taxonomy) -> None:
    rows = labelled(BLIND_SET)
    precision, recall, positives, errors = score(taxonomy, rows)
    # Scores only: the blind part's errors are never shown, so nobody tunes the taxonomy on them.
    print(f"\nreal-world blind set: {len(rows)} rows, {positives} personal, {len(rows) - positives} not personal")
    print(f"precision {precision:.3f}, recall {recall:.3f}; {len(errors)} errors")
    assert precision >= BLIND_FLOORS["precision"]
    assert recall >= BLIND_FLOORS["recall"]
