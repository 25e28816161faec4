#!/usr/bin/env python3
"""Time ``privlint scan`` next to ``bandit`` and a libcst parse floor on pinned corpora.

Standard library only (plus the tools it times). Run it with the interpreter of the environment that has
privlint, bandit and libcst installed::

    python bench/run.py                 # the small file, requests, sentry-sdk
    python bench/run.py --large         # ... and Django (minutes)
    python bench/run.py --runs 5 --corpus requests

Every timing is one whole process started from outside (start-up included), run in a fresh wrapper
process that reads the wall clock around it and ``getrusage(RUSAGE_CHILDREN)`` after it: peak RSS is the
largest single process among the tool and the workers it waited for, not their sum. The measurements of
one corpus are interleaved (A B C A B C ...) so that drift of the machine's speed hits all of them alike.
The first round is a warm-up that is not counted; privlint and bandit write real reports in it, which
give the sanity counts (results, files with findings, notifications, bandit errors).

To add a corpus, append a ``Corpus`` to ``CORPORA`` (bench/corpora.py); to add a measurement, append a
``Measurement`` to ``MEASUREMENTS`` (bench/measurements.py; ``default=False`` makes it opt-in through
``--measure``). Results go to the terminal and to ``bench/results/latest.json``. Any missing tool, failed download or unexpected exit status stops the
run with a non-zero exit and a message: no number is ever made up.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence


from corpora import CORPORA, RESULTS, BenchError, Corpus, count_lines, fetch, python_files
from measurements import MEASUREMENTS, Measurement, Tools, run_once


def _locate(name: str, given: str | None) -> str:
    if given:
        path = shutil.which(given)
        if not path:
            raise BenchError(f"{name}: {given} is not an executable")
        return path
    beside = Path(sys.executable).parent / name
    if beside.exists() and os.access(beside, os.X_OK):
        return str(beside)
    path = shutil.which(name)
    if not path:
        raise BenchError(f"{name} is not installed (not beside {sys.executable}, not on PATH); "
                         f"install it (pip install -e '.[bench]') or give --{name} PATH")
    return path


def _version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BenchError(f"cannot run {' '.join(argv)}: {error}") from None
    if done.returncode != 0:
        raise BenchError(f"{' '.join(argv)} exited {done.returncode}: {(done.stderr or done.stdout).strip()[-1000:]}")
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else ""


def find_tools(args: argparse.Namespace) -> tuple[Tools, dict]:
    semgrep = _optional("semgrep", args.semgrep)
    tools = Tools(python=sys.executable, privlint=_locate("privlint", args.privlint),
                  bandit=_locate("bandit", args.bandit), privlint_jobs=args.jobs, semgrep=semgrep)
    versions = {
        "python": platform.python_version(),
        "privlint": _version([tools.privlint, "--version"]),
        "bandit": _version([tools.bandit, "--version"]),
        "libcst": _version([tools.python, "-c", "from importlib.metadata import version; print(version('libcst'))"]),
    }
    if semgrep:
        versions["semgrep"] = _version([semgrep, "--version", "--disable-version-check"])
    return tools, versions


def _optional(name: str, given: str | None) -> str | None:
    """A tool that is timed when installed: given, beside the interpreter or on PATH; None (said on stderr)."""
    try:
        return _locate(name, given)
    except BenchError:
        if given:
            raise
        print(f"bench: {name} is not installed; not timed (--{name} PATH)", file=sys.stderr)
        return None


# ---------------------------------------------------------------------------------------------- running

def measure_corpus(corpus: Corpus, target: Path, tools: Tools, measurements: list[Measurement], runs: int,
                   timeout: float) -> dict:
    files = python_files(target)
    entry: dict = {"corpus": corpus.name, "label": corpus.label, "path": str(target), "files": len(files),
                   "lines": count_lines(files), "measurements": {}}
    samples: dict[str, list[dict]] = {m.key: [] for m in measurements}
    checks: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="privlint-bench.") as scratch:
        for round_no in range(runs + 1):          # round 0: warm-up with real reports, not counted
            for measurement in measurements:
                report = Path(scratch) / f"{measurement.key}.out" if round_no == 0 else None
                label = "warm-up" if round_no == 0 else f"run {round_no}/{runs}"
                print(f"  {corpus.name}: {measurement.key} {label} ...", end="", file=sys.stderr, flush=True)
                sample = run_once(tools, measurement, target, corpus, report, timeout)
                print(f" {sample['wall']:.2f} s, exit {sample['code']}", file=sys.stderr, flush=True)
                if round_no == 0:
                    if measurement.check:
                        checks[measurement.key] = measurement.check(report, sample["stderr"])
                else:
                    samples[measurement.key].append(sample)
    for measurement in measurements:
        walls = [s["wall"] for s in samples[measurement.key]]
        entry["measurements"][measurement.key] = {
            "command": measurement.title,
            "runs": len(walls),
            "wall_s": [round(w, 4) for w in walls],
            "min_s": round(min(walls), 4),
            "median_s": round(statistics.median(walls), 4),
            "max_s": round(max(walls), 4),
            "cpu_median_s": round(statistics.median(s["user"] + s["sys"] for s in samples[measurement.key]), 4),
            "peak_mib": round(max(s["maxrss_kib"] for s in samples[measurement.key]) / 1024, 1),
            "exit_codes": sorted({s["code"] for s in samples[measurement.key]}),
            "check": checks.get(measurement.key),
        }
    m = entry["measurements"]
    ratios = {}
    for a, b in (("privlint", "bandit"), ("privlint", "semgrep"), ("privlint", "parse"), ("privlint", "parse2"),
                 ("warm", "bandit"), ("warm", "privlint")):
        if a in m and b in m and m[b]["median_s"] > 0:
            ratios[f"{a}/{b}"] = round(m[a]["median_s"] / m[b]["median_s"], 2)
    entry["ratios"] = ratios
    return entry


def _cell(entry: dict, key: str) -> str:
    m = entry["measurements"].get(key)
    return f"{m['median_s']:.2f} ({m['min_s']:.2f})" if m else "-"


def print_table(entries: list[dict]) -> None:
    header = ["corpus", "files", "lines", "privlint s", "warm s", "bandit s", "semgrep s", "parse-floor s",
              "privlint/bandit", "privlint/semgrep", "warm/cold", "privlint/parse", "privlint peak MiB",
              "bandit peak MiB"]
    rows = []
    for e in entries:
        m = e["measurements"]
        rows.append([
            e["label"], str(e["files"]), f"{e['lines']:,}", _cell(e, "privlint"), _cell(e, "warm"), _cell(e, "bandit"),
            _cell(e, "semgrep"), _cell(e, "parse"), str(e["ratios"].get("privlint/bandit", "-")),
            str(e["ratios"].get("privlint/semgrep", "-")), str(e["ratios"].get("warm/privlint", "-")),
            str(e["ratios"].get("privlint/parse", "-")),
            f"{m['privlint']['peak_mib']:.0f}" if "privlint" in m else "-",
            f"{m['bandit']['peak_mib']:.0f}" if "bandit" in m else "-",
        ])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    print("times: median (min) wall seconds; privlint: cold (--no-cache), warm: cache filled by an untimed run;")
    print("ratios of medians; peak: largest single process, MiB")
    print()
    for e in entries:
        p = e["measurements"].get("privlint", {}).get("check") or {}
        b = e["measurements"].get("bandit", {}).get("check") or {}
        print(f"{e['corpus']}: privlint {p.get('results', '?')} results in {p.get('files_with_findings', '?')} files, "
              f"{p.get('notifications', '?')} notifications, {p.get('stderr_lines', '?')} stderr lines; "
              f"bandit {b.get('results', '?')} results, {b.get('files_scanned', '?')} files, "
              f"{b.get('errors', '?')} errors")
        for line in p.get("stderr_head", [])[:5]:
            print(f"    privlint stderr: {line}")
        semgrep = e["measurements"].get("semgrep", {}).get("check")
        if semgrep:
            print(f"    semgrep {semgrep['results']} results, {semgrep['files_scanned']} files, "
                  f"{semgrep['errors']} errors")
        extra = [k for k in e["measurements"] if k not in ("privlint", "bandit", "parse", "warm", "semgrep")]
        for key in extra:
            print(f"    {key}: {_cell(e, key)} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (default 3), after one warm-up")
    parser.add_argument("--large", action="store_true", help="also the large corpora (Django: minutes)")
    parser.add_argument("--corpus", action="append", metavar="NAME",
                        help=f"only these corpora (repeatable): {', '.join(c.name for c in CORPORA)}")
    parser.add_argument("--measure", action="append", metavar="KEY",
                        help="measurements to run (repeatable; default: "
                             f"{', '.join(m.key for m in MEASUREMENTS if m.default)}; "
                             f"all: {', '.join(m.key for m in MEASUREMENTS)})")
    parser.add_argument("--jobs", "-j", type=int, help="pass -j N to privlint scan (default: privlint's own)")
    parser.add_argument("--privlint", help="privlint executable (default: beside this python, then PATH)")
    parser.add_argument("--bandit", help="bandit executable (default: beside this python, then PATH)")
    parser.add_argument("--semgrep", help="semgrep executable (default: beside this python, then PATH; "
                                          "not timed when there is none)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one run may take (default 1800)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json", help="JSON results file")
    args = parser.parse_args(argv)
    try:
        if args.runs < 1:
            raise BenchError("--runs must be at least 1")
        known = {c.name: c for c in CORPORA}
        if args.corpus:
            unknown = [n for n in args.corpus if n not in known]
            if unknown:
                raise BenchError(f"unknown corpus {', '.join(unknown)}; known: {', '.join(known)}")
            corpora = [known[n] for n in args.corpus]
        else:
            corpora = [c for c in CORPORA if args.large or not c.large]
        by_key = {m.key: m for m in MEASUREMENTS}
        if args.measure:
            unknown = [k for k in args.measure if k not in by_key]
            if unknown:
                raise BenchError(f"unknown measurement {', '.join(unknown)}; known: {', '.join(by_key)}")
            measurements = [by_key[k] for k in by_key if k in args.measure]
        else:
            measurements = [m for m in MEASUREMENTS if m.default]
        tools, versions = find_tools(args)
        missing = [m.key for m in measurements if m.tool and not getattr(tools, m.tool)]
        if missing and args.measure:
            raise BenchError(f"cannot measure {', '.join(missing)}: not installed")
        measurements = [m for m in measurements if m.key not in missing]
        _version([tools.python, "-c", "import libcst"])
        print(f"{versions['privlint']}; {versions['bandit']}; libcst {versions['libcst']}; "
              f"python {versions['python']}; {os.cpu_count()} cores", file=sys.stderr)
        targets = [(corpus, fetch(corpus, tools.python)) for corpus in corpora]
        entries = []
        for corpus, target in targets:
            print(f"{corpus.label}: {target}", file=sys.stderr, flush=True)
            entries.append(measure_corpus(corpus, target, tools, measurements, args.runs, args.timeout))
    except BenchError as error:
        print(f"bench: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    print_table(entries)
    record = {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "versions": versions,
        "runs": args.runs,
        "privlint_jobs": args.jobs,
        "corpora": entries,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
