"""The commands the benchmark times and how one timed run is taken (wall clock, CPU and peak memory)."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from corpora import BenchError, Corpus, LOGS


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


# One taint rule (e-mail addresses reaching a log or print), as in /work/shared/PERFORMANCE.md's semgrep column.
SEMGREP_RULE = """\
rules:
  - id: email-in-log
    languages: [python]
    severity: WARNING
    message: an e-mail address reaches a log
    mode: taint
    pattern-sources:
      - pattern: $X.email
      - pattern: $X["email"]
    pattern-sinks:
      - pattern: logging.$METHOD(...)
      - pattern: $LOGGER.$METHOD(...)
      - pattern: print(...)
"""


@dataclass(frozen=True)
class Tools:
    python: str
    privlint: str
    bandit: str
    privlint_jobs: int | None = None
    semgrep: str | None = None          # timed only when installed (beside the interpreter, on PATH, --semgrep)


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
    tool: str | None = None             # a tool that may be missing: without it the measurement is left out


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


def _semgrep(tools: Tools, target: Path, report: Path | None) -> list[str]:
    assert tools.semgrep is not None, "semgrep measurements are left out when it is not installed"
    rule = LOGS.parent / "semgrep-rule.yml"
    rule.parent.mkdir(parents=True, exist_ok=True)
    if not rule.exists() or rule.read_text("utf-8") != SEMGREP_RULE:
        rule.write_text(SEMGREP_RULE, encoding="utf-8")
    return [tools.semgrep, "scan", "--config", str(rule), "--metrics=off", "--disable-version-check", "--quiet",
            "--no-git-ignore",  # the corpora sit in this repository's ignored bench/.cache/
            "--json", "--output", str(report or os.devnull), str(target)]


def _check_semgrep(report: Path, stderr: str) -> dict:
    try:
        data = json.loads(report.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise BenchError(f"semgrep wrote no readable JSON to {report}: {error}\n{stderr[-2000:]}") from None
    return {"results": len(data.get("results") or []), "errors": len(data.get("errors") or []),
            "files_scanned": len((data.get("paths") or {}).get("scanned") or [])}


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
    Measurement("semgrep", "semgrep scan with one taint rule (when installed)", _semgrep, ok=frozenset({0, 1}),
                check=_check_semgrep, tool="semgrep"),
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
