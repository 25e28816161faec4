"""Report how well `privlint policy` finds missing disclosures on labelled documents, beside the phrase matcher.

    python training/policy/evaluate.py --lang en --split dev
    python training/policy/evaluate.py --lang zh --split test --rows rows.jsonl

A document "misses" a disclosure when its label is `absent`. Per disclosure: F1 of the "missing" reports,
and the false-"missing" rate (reports on documents that make the disclosure, over all documents). The macro
F1 averages the disclosures that some document of the split misses; the false-"missing" rate is over all pairs. The
reader is what privlint decides (privlint/policy/judgement.py: the installed model with its cutoffs, and the
precise extractors); "unsure" is a note, not a "missing" report; the phrase matcher is
privlint's phrase lists (rules/policy/disclosures.yml), which say "missing" when no phrase matches.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from privlint.policy.judgement import judge  # noqa: E402
import scoring  # noqa: E402
from scoring import scored_documents  # noqa: E402


def decisions(lang: str, split: str, mirrors: Path) -> list[dict]:
    """Per document and disclosure: the label, the reader's score and state, and the phrase matcher's verdict."""
    rows = []
    for doc in scored_documents(lang, {split}, mirrors):
        judged = judge(doc.analysis, doc.labels)
        for name, status in doc.labels.items():
            rows.append({"doc": doc.id, "disclosure": name, "label": status,
                         "score": round(judged[name].score or 0.0, 4), "reader": judged[name].state,
                         "phrases": "present" if doc.analysis.found.get(name) else "absent"})
    return rows


def metrics(rows: list[dict], verdict: str) -> dict[str, float]:
    """F1 of "missing" and the false-"missing" rate of one verdict column."""
    tp = sum(r["label"] == "absent" and r[verdict] == "absent" for r in rows)
    fp = sum(r["label"] != "absent" and r[verdict] == "absent" for r in rows)
    fn = sum(r["label"] == "absent" and r[verdict] != "absent" for r in rows)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return {"f1": f1, "false_missing": fp / len(rows) if rows else 0.0, "absent": tp + fn, "reported": tp + fp}


def table(rows: list[dict]) -> tuple[list[str], dict]:
    """Markdown lines per disclosure and the macro averages."""
    names = sorted({r["disclosure"] for r in rows})
    lines = ["| disclosure | absent | reader F1 | reader false-missing | phrases F1 | phrases false-missing |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    totals = {"reader": [], "phrases": []}
    for name in names:
        subset = [r for r in rows if r["disclosure"] == name]
        reader, phrases = metrics(subset, "reader"), metrics(subset, "phrases")
        totals["reader"].append(reader)
        totals["phrases"].append(phrases)
        lines.append(f"| {name} | {reader['absent']} | {reader['f1']:.2f} | {reader['false_missing']:.1%} | "
                     f"{phrases['f1']:.2f} | {phrases['false_missing']:.1%} |")
    macro = {key: {"f1": _mean([m["f1"] for m in values if m["absent"]]),
                   "false_missing": metrics(rows, key)["false_missing"]} for key, values in totals.items()}
    lines.append(f"| **macro / all** | | **{macro['reader']['f1']:.2f}** | **{macro['reader']['false_missing']:.1%}** "
                 f"| **{macro['phrases']['f1']:.2f}** | **{macro['phrases']['false_missing']:.1%}** |")
    return lines, macro


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", required=True, choices=("en", "zh"))
    parser.add_argument("--split", required=True, choices=("train", "dev", "test"))
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--cache", type=Path, action="append", default=[],
                        help="plain text cache of sources, as for build_corpus.py --cache")
    parser.add_argument("--rows", type=Path, help="also write every decision as JSON lines here")
    args = parser.parse_args(argv)
    scoring.CACHES[:] = args.cache
    rows = decisions(args.lang, args.split, args.mirrors)
    if args.rows:
        args.rows.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    lines, macro = table(rows)
    documents = len({r["doc"] for r in rows})
    print(f"{args.lang} {args.split}: {documents} documents, {len(rows)} (document, disclosure) pairs")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
