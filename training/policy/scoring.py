"""Documents of the corpus read the way `privlint policy` reads them: reader scores and phrase evidence.
Sources come from the mirrors, then from the plain text caches listed in CACHES (build_corpus.py --cache)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import yaml

from build_corpus import fetch_text
from privlint.policy.analysis import Analysis, analyse
from privlint.policy.documents import read_document
from privlint.policy.packs import load_catalogue

HERE = Path(__file__).resolve().parent
SUFFIX = {"md": ".md", "html": ".html", "txt": ".txt"}


@dataclass(frozen=True, slots=True)
class ScoredDocument:
    """One labelled document: its labels (status per disclosure) and privlint's analysis of its source."""

    id: str
    labels: dict[str, str]
    analysis: Analysis


def labelled(lang: str, splits: set[str]) -> list[tuple[dict, dict[str, str]]]:
    """(reference entry, status per disclosure) of every labelled document of the given splits."""
    reference = yaml.safe_load((HERE / "corpus" / f"{lang}.yml").read_text(encoding="utf-8"))
    entries = reference["documents"] if isinstance(reference, dict) else reference
    out = []
    for entry in entries:
        label_file = HERE / "labels" / lang / f"{entry['id']}.yml"
        if entry.get("split") in splits and label_file.is_file():
            label = yaml.safe_load(label_file.read_text(encoding="utf-8"))
            out.append((entry, {name: value["status"] for name, value in label["disclosures"].items()}))
    return out


CACHES: list[Path] = []


def scored_documents(lang: str, splits: set[str], mirrors: Path,
                     ids: set[str] | None = None) -> Iterator[ScoredDocument]:
    """The labelled documents of `splits` (only `ids`, when given) whose source the mirrors hold, analysed by
    privlint."""
    catalogue = load_catalogue()
    with tempfile.TemporaryDirectory(prefix="privlint-score-") as scratch:
        for entry, labels in labelled(lang, splits):
            if ids is not None and entry["id"] not in ids:
                continue
            text, _ = fetch_text(entry, mirrors, CACHES, False)
            if text is None:
                continue
            path = Path(scratch) / f"{entry['id']}{SUFFIX.get(entry.get('format'), '.md')}"
            path.write_text(text, encoding="utf-8")
            document, _ = read_document(path)
            analysis = analyse(document, catalogue) if document is not None else "unreadable"
            if isinstance(analysis, Analysis):
                yield ScoredDocument(entry["id"], labels, analysis)
