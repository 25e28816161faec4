#!/usr/bin/env python3
"""What a pre-commit run on one changed file costs: ``privlint scan FILE`` next to ``bandit FILE`` (and
``semgrep --config RULE FILE`` when a semgrep is given or found).

Standard library only (plus the tools it times)::

    python bench/hooks.py                         # tools beside this interpreter, then on PATH
    python bench/hooks.py --runs 20
    python bench/hooks.py --semgrep /tmp/semgrep-venv/bin/semgrep

Two small files are written to ``bench/.cache/hooks/``, with a ``pyproject.toml`` of their own so that
privlint reads no configuration from this repository: ``clean.py`` (logs a user id) and ``leak.py`` (the same
module logging ``user.email``). Every command is one whole process (start-up included) timed by the wall
clock around ``subprocess.run``; one untimed warm-up round, then ``--runs`` interleaved rounds
(A B C A B C ...). The changed file of a commit is never in privlint's per-file cache, so ``privlint`` runs
with ``--no-cache``; ``privlint-warm`` is the same file unchanged with the cache filled, for comparison.
Exit statuses are checked (privlint: 0 on clean.py, 1 on leak.py; semgrep with ``--error`` likewise);
anything else stops the run with status 2. No number is made up.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WORK = BENCH / ".cache" / "hooks"

CLEAN = '''"""Sign-up helpers."""

import logging

logger = logging.getLogger(__name__)


def signup(user, plan):
    logger.info("new user %s on plan %s", user.id, plan)
    return {"id": user.id, "plan": plan}


def cancel(user):
    logger.warning("user %s cancelled", user.id)
'''
LEAK = CLEAN.replace('logger.info("new user %s on plan %s", user.id, plan)',
                     'logger.info("new user %s on plan %s", user.email, plan)')

SEMGREP_RULE = '''rules:
  - id: pii-in-log
    languages: [python]
    severity: WARNING
    message: personal data (an e-mail address) is logged
    pattern-either:
      - pattern: $LOG.$METHOD(..., $USER.email, ...)
      - pattern: print(..., $USER.email, ...)
'''


def find_tool(name: str, given: str | None) -> str | None:
    if given:
        return given
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command and file (default 10)")
    parser.add_argument("--privlint", help="privlint executable (default: beside this interpreter, then PATH)")
    parser.add_argument("--bandit", help="bandit executable (default: beside this interpreter, then PATH)")
    parser.add_argument("--semgrep", help="semgrep executable (default: beside this interpreter, then PATH; "
                                          "skipped when none)")
    args = parser.parse_args(argv)

    privlint, bandit = find_tool("privlint", args.privlint), find_tool("bandit", args.bandit)
    semgrep = find_tool("semgrep", args.semgrep)
    for name, path in (("privlint", privlint), ("bandit", bandit)):
        if path is None:
            print(f"hooks.py: {name} not found (--{name} PATH)", file=sys.stderr)
            return 2

    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "pyproject.toml").write_text("[tool.privlint]\n", encoding="utf-8")
    (WORK / "clean.py").write_text(CLEAN, encoding="utf-8")
    (WORK / "leak.py").write_text(LEAK, encoding="utf-8")
    (WORK / "rule.yml").write_text(SEMGREP_RULE, encoding="utf-8")

    # name -> (argv before the file, accepted exit status on clean.py, on leak.py)
    commands: dict[str, tuple[list[str], set[int], set[int]]] = {
        "privlint": ([privlint, "scan", "--no-cache", "--no-progress"], {0}, {1}),
        "privlint-warm": ([privlint, "scan", "--no-progress"], {0}, {1}),
        "bandit": ([bandit], {0, 1}, {0, 1}),
    }
    if semgrep is not None:
        commands["semgrep"] = ([semgrep, "--config", str(WORK / "rule.yml"), "--error", "--quiet", "--metrics=off",
                                "--disable-version-check"], {0}, {1})
    else:
        print("hooks.py: semgrep not found; not timed (--semgrep PATH)", file=sys.stderr)

    times: dict[tuple[str, str], list[float]] = {}
    statuses: dict[tuple[str, str], set[int]] = {}
    for round_no in range(args.runs + 1):  # round 0: warm-up, not counted (it also fills privlint's cache)
        for target in ("clean.py", "leak.py"):
            for name, (command, ok_clean, ok_leak) in commands.items():
                start = time.perf_counter()
                done = subprocess.run([*command, target], cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, timeout=600)
                elapsed = time.perf_counter() - start
                ok = ok_clean if target == "clean.py" else ok_leak
                if done.returncode not in ok:
                    print(f"hooks.py: {name} {target}: exit {done.returncode}, expected {sorted(ok)}\n"
                          f"{done.stdout[-2000:]}{done.stderr[-2000:]}", file=sys.stderr)
                    return 2
                statuses.setdefault((name, target), set()).add(done.returncode)
                if round_no:
                    times.setdefault((name, target), []).append(elapsed)

    print(f"{args.runs} timed runs each after one warm-up; wall seconds, min / median")
    print(f"{'command':<15} {'clean.py':>17} {'leak.py':>17}  exit (clean, leak)")
    for name in commands:
        cells = []
        for target in ("clean.py", "leak.py"):
            runs = times[(name, target)]
            cells.append(f"{min(runs):.3f} / {statistics.median(runs):.3f}")
        exits = ", ".join("/".join(map(str, sorted(statuses[(name, t)]))) for t in ("clean.py", "leak.py"))
        print(f"{name:<15} {cells[0]:>17} {cells[1]:>17}  {exits}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
