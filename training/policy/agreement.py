"""How far two people reading the same policies agree on the labels: the ceiling a reader trained on them can reach.

    python training/policy/agreement.py --lang en

agreement/<lang>.yml holds a second labeller's statuses of some train+dev documents, given from the text and the
labelling guide alone (README.md). Per disclosure: how often the two give the same status, and the F1 of the second
labeller's "absent" against the labels (the score the reader is held to), beside the reader's blind decisions on
the same documents (combine.py, from train.py's .work/oof_<lang>.json) when those are at hand.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

from combine import blind_decisions, f1_and_false  # noqa: E402
from scoring import labelled  # noqa: E402


def second_labels(lang: str) -> dict[str, dict[str, str]]:
    """The second labeller's status per document and disclosure."""
    return yaml.safe_load((HERE / "agreement" / f"{lang}.yml").read_text(encoding="utf-8"))["documents"]


def reference_labels(lang: str, doc_ids: list[str]) -> dict[str, dict[str, str]]:
    """The labels of the documents (labels/<lang>/<id>.yml), which are train or dev documents."""
    wanted = set(doc_ids)
    return {entry["id"]: statuses for entry, statuses in labelled(lang, {"train", "dev"}) if entry["id"] in wanted}


def reader_decisions(lang: str, doc_ids: list[str]) -> dict[str, dict[str, bool]] | None:
    """The reader's blind "missing" decisions on the documents, or None without train.py's saved records."""
    path = HERE / ".work" / f"oof_{lang}.json"
    if not path.exists():
        return None
    records = json.loads(path.read_text(encoding="utf-8"))
    decided = blind_decisions(records)
    wanted = set(doc_ids)
    return {record["doc"]: {name: bool(decided[name][i]) for name in decided}
            for i, record in enumerate(records) if record["doc"] in wanted}


def table(reference: dict[str, dict[str, str]], second: dict[str, dict[str, str]],
          reader: dict[str, dict[str, bool]] | None) -> list[str]:
    """Markdown lines per disclosure and the macro F1 over disclosures some document lacks."""
    doc_ids = sorted(second)
    names = sorted(reference[doc_ids[0]])
    lines = ["| disclosure | absent | same status | second labeller F1 of absent | reader F1 (blind) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    human, model = [], []
    for name in names:
        truth = np.array([reference[d][name] == "absent" for d in doc_ids])
        same = np.mean([reference[d][name] == second[d][name] for d in doc_ids])
        f1, _, absent = f1_and_false(np.array([second[d][name] == "absent" for d in doc_ids]), truth)
        reader_f1 = math.nan if reader is None else f1_and_false(np.array([reader[d][name] for d in doc_ids]), truth)[0]
        if absent:
            human.append(f1)
            if reader is not None:
                model.append(reader_f1)
        lines.append(f"| {name} | {absent} | {same:.0%} | {_shown(f1)} | {_shown(reader_f1)} |")
    lines.append(f"| **macro** | | | **{np.mean(human):.2f}** | {f'**{np.mean(model):.2f}**' if model else '-'} |")
    return lines


def _shown(f1: float) -> str:
    return "-" if math.isnan(f1) else f"{f1:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", required=True, choices=("en", "zh"))
    args = parser.parse_args(argv)
    second = second_labels(args.lang)
    reference = reference_labels(args.lang, sorted(second))
    print(f"{args.lang}: {len(second)} documents labelled twice")
    print("\n".join(table(reference, second, reader_decisions(args.lang, sorted(second)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
