"""Training examples of the policy reader: corpus passages with their heading and their disclosure labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from privlint.policy.analysis import cues
from privlint.policy.nlp import matcher_for
from privlint.policy.packs import load_catalogue
from privlint.policy.reader import Passage, passage_text


def passages(corpus: Path, lang: str) -> Iterator[dict]:
    """Every passage row of the built corpus of `lang` (training/policy/.corpus/<lang>/passages.jsonl)."""
    with open(corpus / lang / "passages.jsonl", encoding="utf-8") as rows:
        for line in rows:
            yield json.loads(line)


def documents(corpus: Path, lang: str) -> dict[str, dict]:
    """Document rows of the built corpus by id."""
    with open(corpus / lang / "documents.jsonl", encoding="utf-8") as rows:
        return {row["id"]: row for row in map(json.loads, rows)}


def cats(row: dict, document_labels: dict[str, dict], anchored_sections: dict[str, set[str]]) -> dict[str, float]:
    """The passage's targets: 1 for a disclosure anchored in it; 0 when the document lacks the disclosure or the
    passage sits in a section with no anchor of it; left out (unknown) when an unanchored passage shares a section
    with the disclosure's evidence, because the labels name only the strongest passages."""
    anchored = row.get("labels") or {}
    section = " / ".join(row.get("heading") or [])
    targets: dict[str, float] = {}
    for name, label in document_labels.items():
        if name in anchored:
            targets[name] = 1.0
        elif label.get("status") == "absent" or section not in anchored_sections.get(name, set()):
            targets[name] = 0.0
    return targets


def labelled_examples(corpus: Path, lang: str, doc_ids: set[str]) -> Iterator[tuple[str, dict[str, float], dict]]:
    """(classifier text, targets, row) of every passage of the labelled documents `doc_ids`, read with the same
    heading and phrase cues as privlint gives a passage at run time."""
    catalogue = load_catalogue()
    matcher, names = matcher_for(catalogue, lang), sorted(catalogue.disclosures)
    docs = documents(corpus, lang)
    rows_by_doc: dict[str, list[dict]] = {}
    for row in passages(corpus, lang):
        if row["doc"] in doc_ids and docs[row["doc"]].get("labels"):
            rows_by_doc.setdefault(row["doc"], []).append(row)
    for doc_id, rows in rows_by_doc.items():
        sections: dict[str, set[str]] = {}
        for row in rows:
            for name in row.get("labels") or {}:
                sections.setdefault(name, set()).add(" / ".join(row.get("heading") or []))
        for row in rows:
            heading = (row.get("heading") or [""])[-1]
            found = set().union(*(cues(sentence) for sentence in matcher.analyse([heading, row["text"]])))
            passage = Passage(heading=heading, text=row["text"], cues=tuple(sorted(found)))
            yield passage_text(passage, names), cats(row, docs[doc_id]["labels"], sections), row


def labelled_ids(corpus: Path, lang: str, splits: set[str]) -> list[str]:
    """Ids of the built, labelled documents of the given splits, in a fixed order."""
    return sorted(doc_id for doc_id, row in documents(corpus, lang).items()
                  if row.get("labels") and row.get("split") in splits)
