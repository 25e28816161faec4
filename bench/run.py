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

To add a corpus, append a ``Corpus`` to ``CORPORA``; to add a measurement, append a ``Measurement`` to
``MEASUREMENTS`` (``default=False`` makes it opt-in through ``--measure``). Results go to the terminal and
to ``bench/results/latest.json``. Any missing tool, failed download or unexpected exit status stops the
run with a non-zero exit and a message: no number is ever made up.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
SOURCES = CACHE / "src"
LOGS = CACHE / "logs"
RESULTS = BENCH / "results"


class BenchError(Exception):
    """A reason to stop: reported on stderr, exit status 2."""


# --------------------------------------------------------------------------------------------- corpora

SMALL_MODULE = '''\
"""Sign-up helpers: a small module of the kind a pre-commit hook scans."""

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

SUPPORT_ADDRESS = "support@example.com"


@dataclass
class User:
    name: str
    email: str
    phone: str


def register(name: str, email: str, phone: str) -> User:
    user = User(name=name, email=email, phone=phone)
    logger.info("registered %s <%s>", name, email)
    return user


def notify(user: User) -> str:
    body = f"Welcome, {user.name}! Questions? Write to {SUPPORT_ADDRESS}."
    logger.debug("sending welcome mail to %s", user.email)
    return body


def mask(email: str) -> str:
    return email[:1] + "***"
'''


@dataclass(frozen=True)
class Corpus:
    """What to scan: a pinned sdist (``requirement``) or a file the script writes (``text``)."""

    name: str
    requirement: str | None = None      # NAME==VERSION, fetched with pip download --no-binary :all:
    subdir: str = ""                    # scan this directory of the extracted sdist ("" = all of it)
    text: str | None = None             # or: write this text to bench/.cache/<name>/<filename>
    filename: str = "module.py"
    large: bool = False                 # only with --large

    @property
    def label(self) -> str:
        if self.requirement:
            return self.requirement + (f" ({self.subdir}/)" if self.subdir else "")
        return f"{self.name} ({self.filename})"


CORPORA: list[Corpus] = [
    Corpus("small", text=SMALL_MODULE, filename="signup.py"),
    Corpus("requests", requirement="requests==2.34.2"),
    Corpus("sentry-sdk", requirement="sentry-sdk==2.75.0", subdir="sentry_sdk"),
    Corpus("django", requirement="django==5.2.19", large=True),
]


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _find_archive(name: str, version: str) -> Path | None:
    wanted = f"{_normalize(name)}_{_normalize(version)}"
    for archive in sorted(CACHE.iterdir()) if CACHE.is_dir() else ():
        stem = archive.name
        for suffix in (".tar.gz", ".tgz", ".tar.bz2", ".zip"):
            if stem.endswith(suffix) and _normalize(stem[: -len(suffix)]) == wanted:
                return archive
    return None


def fetch(corpus: Corpus, python: str) -> Path:
    """The directory to scan; downloads and extracts the sdist on first use only."""
    if corpus.text is not None:
        folder = CACHE / corpus.name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / corpus.filename
        if not target.exists() or target.read_text("utf-8") != corpus.text:
            target.write_text(corpus.text, encoding="utf-8")
        return target
    assert corpus.requirement
    name, _, version = corpus.requirement.partition("==")
    if not version:
        raise BenchError(f"corpus {corpus.name}: requirement must be pinned as NAME==VERSION")
    dest = SOURCES / f"{_normalize(name)}-{version}"
    if not (dest / ".complete").exists():
        archive = _find_archive(name, version)
        if archive is None:
            CACHE.mkdir(parents=True, exist_ok=True)
            print(f"downloading {corpus.requirement} ...", file=sys.stderr, flush=True)
            command = [python, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                       "--disable-pip-version-check", corpus.requirement, "-d", str(CACHE)]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
                raise BenchError(f"download of {corpus.requirement} failed (pip exit {done.returncode}):\n{tail}")
            archive = _find_archive(name, version)
            if archive is None:
                raise BenchError(f"pip reported success but no sdist of {corpus.requirement} is in {CACHE}")
        _extract(archive, dest)
    top = [entry for entry in dest.iterdir() if entry.is_dir()]
    if len(top) != 1:
        raise BenchError(f"{dest.name}: expected one top-level directory in the sdist, found {len(top)}")
    root = top[0] / corpus.subdir if corpus.subdir else top[0]
    if not root.is_dir():
        raise BenchError(f"corpus {corpus.name}: {root} is not a directory")
    return root


def _extract(archive: Path, dest: Path) -> None:
    print(f"extracting {archive.name} ...", file=sys.stderr, flush=True)
    SOURCES.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        shutil.rmtree(dest)
    staging = Path(tempfile.mkdtemp(prefix=dest.name + ".", dir=SOURCES))
    try:
        if archive.name.endswith(".zip"):
            with zipfile.ZipFile(archive) as zipped:
                zipped.extractall(staging)
        else:
            with tarfile.open(archive) as tarred:
                tarred.extractall(staging, filter="data")
        (staging / ".complete").write_text(archive.name + "\n", encoding="utf-8")
        staging.rename(dest)
    except (OSError, tarfile.TarError, zipfile.BadZipFile) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BenchError(f"cannot extract {archive}: {error}") from None


def python_files(target: Path) -> list[Path]:
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def count_lines(files: Sequence[Path]) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in files)


# ----------------------------------------------------------------------------------------- measurements

PARSE_FLOOR = """\
import pathlib, sys
import libcst
target = pathlib.Path(sys.argv[1])
files = [target] if target.is_file() else sorted(target.rglob('*.py'))
failed = 0
for path in files:
    try:
        libcst.parse_module(path.read_text('utf-8', 'replace'))
    except Exception as error:  # a file libcst cannot parse is counted, not fatal
        failed += 1
        print(f'parse error: {path}: {type(error).__name__}', file=sys.stderr)
print(f'parsed {len(files) - failed} of {len(files)} files', file=sys.stderr)
"""

PARSE_FLOOR_2PROC = """\
import pathlib, sys
from concurrent.futures import ProcessPoolExecutor
import libcst

def parse(path):
    try:
        libcst.parse_module(path.read_text('utf-8', 'replace'))
        return True
    except Exception:
        return False

if __name__ == '__main__':
    target = pathlib.Path(sys.argv[1])
    files = [target] if target.is_file() else sorted(target.rglob('*.py'))
    with ProcessPoolExecutor(2) as pool:
        ok = sum(pool.map(parse, files, chunksize=8))
    print(f'parsed {ok} of {len(files)} files', file=sys.stderr)
"""


@dataclass(frozen=True)
class Tools:
    python: str
    privlint: str
    bandit: str
    privlint_jobs: int | None = None


@dataclass(frozen=True)
class Measurement:
    """One command timed on every corpus.

    ``command(tools, target, report)`` builds the argv: ``report`` is None for a timed run (write to
    /dev/null) or a path for the warm-up run, whose report feeds ``check``. ``ok`` is the set of exit
    codes that are not an error (None: any). ``prepare(tools, target)`` runs before every run, untimed
    (for example to empty a cache for a cold measurement).
    """

    key: str
    title: str
    command: Callable[[Tools, Path, Path | None], list[str]]
    ok: frozenset[int] | None = frozenset({0})
    check: Callable[[Path, str], dict] | None = None
    prepare: Callable[[Tools, Path], None] | None = None
    default: bool = True


def _privlint(tools: Tools, target: Path, report: Path | None, *, cached: bool = False) -> list[str]:
    command = [tools.privlint, "scan", "--format", "sarif", "-o", str(report or os.devnull)]
    if not cached:
        command.append("--no-cache")
    if tools.privlint_jobs:
        command += ["-j", str(tools.privlint_jobs)]
    return command + [str(target)]


def _privlint_warm(tools: Tools, target: Path, report: Path | None) -> list[str]:
    return _privlint(tools, target, report, cached=True)


def _fill_cache(tools: Tools, target: Path) -> None:
    """Untimed: one scan with the cache on, so that the timed run finds every file's entry."""
    subprocess.run(_privlint_warm(tools, target, None), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)


def _bandit(tools: Tools, target: Path, report: Path | None) -> list[str]:
    flag = [] if target.is_file() else ["-r"]
    return [tools.bandit, "-q", *flag, str(target), "-f", "json", "-o", str(report or os.devnull)]


def _check_sarif(report: Path, stderr: str) -> dict:
    try:
        sarif = json.loads(report.read_text("utf-8"))
        run = sarif["runs"][0]
    except (OSError, ValueError, KeyError, IndexError) as error:
        raise BenchError(f"privlint wrote no readable SARIF to {report}: {error}") from None
    results = run.get("results") or []
    files: set[str] = set()
    levels: dict[str, int] = {}
    for result in results:
        levels[result.get("level", "warning")] = levels.get(result.get("level", "warning"), 0) + 1
        for location in result.get("locations") or []:
            uri = location.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
            if uri:
                files.add(uri)
    notes: list[str] = []
    successful = True
    for invocation in run.get("invocations") or []:
        successful = successful and invocation.get("executionSuccessful", True)
        for note in invocation.get("toolExecutionNotifications") or []:
            where = ""
            for location in note.get("locations") or []:
                where = location.get("physicalLocation", {}).get("artifactLocation", {}).get("uri", "")
            notes.append(f"{where}: {note.get('message', {}).get('text', '')}".strip(": "))
    rules: dict[str, int] = {}
    for result in results:
        rules[result.get("ruleId", "?")] = rules.get(result.get("ruleId", "?"), 0) + 1
    return {
        "results": len(results),
        "files_with_findings": len(files),
        "levels": levels,
        "rules": dict(sorted(rules.items(), key=lambda item: -item[1])),
        "notifications": len(notes),
        "notification_samples": notes[:10],
        "execution_successful": successful,
        "stderr_lines": len(stderr.splitlines()),
        "stderr_head": stderr.splitlines()[:10],
    }


def _check_bandit(report: Path, stderr: str) -> dict:
    try:
        data = json.loads(report.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise BenchError(f"bandit wrote no readable JSON to {report}: {error}\n{stderr[-2000:]}") from None
    totals = data.get("metrics", {}).get("_totals", {})
    scanned = [name for name in data.get("metrics", {}) if name != "_totals"]
    return {
        "results": len(data.get("results") or []),
        "files_scanned": len(scanned),
        "loc": totals.get("loc"),
        "errors": len(data.get("errors") or []),
        "error_samples": [f"{e.get('filename')}: {e.get('reason')}" for e in (data.get("errors") or [])[:5]],
    }


def _check_parse(report: Path, stderr: str) -> dict:
    lines = stderr.splitlines()
    return {"summary": lines[-1] if lines else "", "parse_errors": [l for l in lines if l.startswith("parse error")][:10]}


MEASUREMENTS: list[Measurement] = [
    Measurement("privlint", "privlint scan --format sarif --no-cache (cold)", _privlint, ok=frozenset({0, 1}),
                check=_check_sarif),
    Measurement("warm", "privlint scan --format sarif, per-file cache filled", _privlint_warm,
                ok=frozenset({0, 1}), prepare=_fill_cache),
    Measurement("bandit", "bandit -q -r -f json", _bandit, ok=None, check=_check_bandit),
    Measurement("parse", "libcst.parse_module on every .py, 1 process",
                lambda tools, target, report: [tools.python, "-c", PARSE_FLOOR, str(target)], check=_check_parse),
    Measurement("parse2", "libcst.parse_module on every .py, 2 processes",
                lambda tools, target, report: [tools.python, "-c", PARSE_FLOOR_2PROC, str(target)],
                check=_check_parse, default=False),
]

# The wrapper is a fresh process per run, so RUSAGE_CHILDREN covers exactly one timed command (and the
# workers it reaped). Its own start-up is outside the clock.
WRAPPER = """\
import json, resource, subprocess, sys, time
argv, stderr_path, timeout = json.loads(sys.argv[1])
with open(stderr_path, 'wb') as err:
    start = time.perf_counter()
    try:
        code = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                              timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        code = 'timeout'
    except OSError as error:
        code = 'cannot start: ' + str(error)
    wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({'wall': wall, 'user': usage.ru_utime, 'sys': usage.ru_stime,
                  'maxrss_kib': usage.ru_maxrss, 'code': code}))
"""


def run_once(tools: Tools, measurement: Measurement, target: Path, corpus: Corpus, report: Path | None,
             timeout: float) -> dict:
    if measurement.prepare:
        measurement.prepare(tools, target)
    argv = measurement.command(tools, target, report)
    LOGS.mkdir(parents=True, exist_ok=True)
    stderr_path = LOGS / f"{corpus.name}.{measurement.key}.{'warmup' if report else 'run'}.stderr"
    done = subprocess.run([tools.python, "-c", WRAPPER, json.dumps([argv, str(stderr_path), timeout])],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"timing wrapper failed for {measurement.key}: {done.stderr.strip()[-2000:]}")
    sample = json.loads(done.stdout)
    stderr = stderr_path.read_text("utf-8", "replace")
    code = sample["code"]
    if not isinstance(code, int):
        raise BenchError(f"{measurement.key} on {corpus.name}: {code} (after {timeout:.0f} s for 'timeout')\n"
                         f"  command: {' '.join(argv[:3])} ...")
    if measurement.ok is not None and code not in measurement.ok:
        tail = "\n  ".join(stderr.strip().splitlines()[-20:])
        raise BenchError(f"{measurement.key} on {corpus.name} exited {code} "
                         f"(expected {sorted(measurement.ok)}); stderr ({stderr_path}):\n  {tail}")
    sample["stderr"] = stderr
    return sample


# ------------------------------------------------------------------------------------------------ tools

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
    tools = Tools(python=sys.executable, privlint=_locate("privlint", args.privlint),
                  bandit=_locate("bandit", args.bandit), privlint_jobs=args.jobs)
    versions = {
        "python": platform.python_version(),
        "privlint": _version([tools.privlint, "--version"]),
        "bandit": _version([tools.bandit, "--version"]),
        "libcst": _version([tools.python, "-c", "from importlib.metadata import version; print(version('libcst'))"]),
    }
    return tools, versions


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
    for a, b in (("privlint", "bandit"), ("privlint", "parse"), ("privlint", "parse2"), ("warm", "bandit")):
        if a in m and b in m and m[b]["median_s"] > 0:
            ratios[f"{a}/{b}"] = round(m[a]["median_s"] / m[b]["median_s"], 2)
    entry["ratios"] = ratios
    return entry


def _cell(entry: dict, key: str) -> str:
    m = entry["measurements"].get(key)
    return f"{m['median_s']:.2f} ({m['min_s']:.2f})" if m else "-"


def print_table(entries: list[dict]) -> None:
    header = ["corpus", "files", "lines", "privlint s", "warm s", "bandit s", "parse-floor s", "privlint/bandit",
              "privlint/parse", "privlint peak MiB", "bandit peak MiB"]
    rows = []
    for e in entries:
        m = e["measurements"]
        rows.append([
            e["label"], str(e["files"]), f"{e['lines']:,}", _cell(e, "privlint"), _cell(e, "warm"), _cell(e, "bandit"),
            _cell(e, "parse"), str(e["ratios"].get("privlint/bandit", "-")),
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
        extra = [k for k in e["measurements"] if k not in ("privlint", "bandit", "parse")]
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
