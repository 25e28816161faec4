"""Scores annotated applications with their policies (issue 13): tests/apps (developed against) and
bench/consistency (blind, never tuned on).

    python bench/apps_score.py            # both sets, a table of expected, found, missed and wrong findings
    python bench/apps_score.py --list     # ... and every missed or wrong finding

An application is a folder with a pyproject.toml; what must fire is every `ruleid:` (and `todoruleid:`)
annotation, the inventory notes (pii-collected, pii-to-storage) aside. A wrong finding is one privlint reports
that no annotation expects.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"dev": ROOT / "tests" / "apps", "blind": ROOT / "bench" / "consistency"}
INVENTORY = frozenset({"pii-collected", "pii-to-storage"})
Place = tuple[str, str, int]


def expected(app: Path) -> set[Place]:
    """(rule, path, line) of every annotation that must fire, known gaps included."""
    from privlint.fixtures import read_expectations

    wanted = set()
    for path in sorted(p for p in app.rglob("*") if p.is_file() and p.suffix in {".py", ".md", ".html", ".txt"}):
        text = path.read_text(encoding="utf-8")
        gaps = read_expectations(text.replace("todoruleid:", "ruleid:")).fire
        wanted |= {(rule, path.relative_to(app).as_posix(), line) for rule, line in gaps if rule not in INVENTORY}
    return wanted


def reported(app: Path) -> set[Place]:
    from privlint.api import scan
    from privlint.config import load_config

    report = scan([app], replace(load_config(app / "pyproject.toml"), cache=False))
    return {(f.rule_id, f.location.path, f.location.line) for f in report.findings if f.rule_id not in INVENTORY}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="list every missed and wrong finding")
    args = parser.parse_args(argv)
    print("| set | application | expected | found | missed | wrong |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    details = []
    for name, folder in SETS.items():
        totals = [0, 0, 0, 0]
        for app in sorted(path.parent for path in folder.glob("*/pyproject.toml")):
            want, got = expected(app), reported(app)
            row = [len(want), len(want & got), len(want - got), len(got - want)]
            totals = [a + b for a, b in zip(totals, row)]
            print(f"| {name} | {app.name} | " + " | ".join(map(str, row)) + " |")
            details += [f"{app.name}: missed {place}" for place in sorted(want - got, key=str)]
            details += [f"{app.name}: wrong {place}" for place in sorted(got - want, key=str)]
        print(f"| **{name}** | all | " + " | ".join(map(str, totals)) + " |")
    if args.list:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
