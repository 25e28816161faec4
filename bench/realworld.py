"""Real-application benchmark: scan pinned applications and score the warnings against their triage files.

    python bench/realworld.py                      # fetch what is missing, scan every application, print the table
    python bench/realworld.py --app ckan --app spug  # only these (repeatable)
    python bench/realworld.py --no-scan            # score the reports of the last scan again (after editing triage)
    python bench/realworld.py --fetch-only         # download / unpack only
    python bench/realworld.py --unreviewed APP     # list APP's unreviewed warnings and stale entries as YAML

Sources are listed in bench/realworld/apps.yml, triage in bench/realworld/triage/<app>.yml; bench/README.md
("Real applications") describes both. Not part of CI: it downloads. Standard library plus PyYAML (a
privlint dependency).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from realworld_sources import APPS_FILE, BENCH, CACHE, HERE, BenchError, make_dir, app_root, ensure_source, load_apps

TRIAGE = HERE / "triage"
REPORTS = Path(os.environ.get("PRIVLINT_BENCH_REPORTS") or CACHE / "_reports")  # a folder per session
RESULTS = BENCH / "results" / "realworld.json"
REPORTED = ("warning", "error")
VERDICTS = ("leak", "false-alarm", "unclear")


# ------------------------------------------------------------------------------------------------ scanning

@dataclass(frozen=True)
class Privlint:
    """How to run privlint: the installed command, or ``python -m privlint`` from an exported commit."""

    command: tuple[str, ...]
    pythonpath: str | None = None
    label: str = "working tree"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.pythonpath:
            env["PYTHONPATH"] = self.pythonpath
        return env


def privlint_command(at: str | None) -> Privlint:
    """The installed privlint, or with ``at`` the privlint of that commit exported under the cache.

    The working tree may hold other people's unfinished edits; ``--at HEAD`` measures a committed state.
    """
    if at is None:
        beside = Path(sys.executable).with_name("privlint")
        found = str(beside) if beside.exists() else shutil.which("privlint")
        if not found:
            raise BenchError("privlint is neither beside this interpreter nor on PATH")
        return Privlint(command=(found,))
    repo = BENCH.parent
    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", f"{at}^{{commit}}"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"--at {at}: not a commit of {repo}")
    commit = done.stdout.strip()
    dest = CACHE / "_privlint" / commit
    if not (dest / "privlint" / "rules").is_dir():
        staging = Path(tempfile.mkdtemp(dir=make_dir(dest.parent)))
        archive = subprocess.Popen(["git", "-C", str(repo), "archive", commit, "privlint", "rules"],
                                   stdout=subprocess.PIPE)
        subprocess.run(["tar", "-x", "-C", str(staging)], stdin=archive.stdout, check=True)
        archive.stdout.close()
        if archive.wait() != 0:
            raise BenchError(f"cannot export privlint at {commit}")
        (staging / "rules").rename(staging / "privlint" / "rules")  # installed as the package privlint.rules
        shutil.rmtree(dest, ignore_errors=True)
        staging.rename(dest)
    return Privlint(command=(sys.executable, "-m", "privlint"), pythonpath=str(dest), label=commit[:7])


def scan(app: dict[str, Any], root: Path, privlint: Privlint, jobs: int | None) -> dict[str, Any]:
    """One cold run of privlint scan on the application; the JSON report, with the wall time added."""
    report = make_dir(REPORTS) / f"{app['name']}.json"
    command = [*privlint.command, "scan", "--format", "json", "-o", str(report), "--no-cache", "--exit-zero",
               "--no-progress", *(["-j", str(jobs)] if jobs else []), *app["scan"]]
    print(f"scanning {app['name']} ...", file=sys.stderr, flush=True)
    start = time.monotonic()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=privlint.env())
    seconds = time.monotonic() - start
    if done.returncode != 0:
        raise BenchError(f"{app['name']}: privlint exited {done.returncode}:\n{done.stderr.strip()[-2000:]}")
    data = json.loads(report.read_text("utf-8"))
    data["benchSeconds"] = round(seconds, 2)
    data["benchPrivlint"] = privlint.label
    data["benchConfigRoot"] = str(config_root(root, app["scan"][0]))
    report.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return data


def config_root(root: Path, first_target: str) -> Path:
    """The folder privlint reports paths relative to: the nearest pyproject.toml's, else the working folder."""
    here = (root / first_target).resolve()
    here = here.parent if here.is_file() else here
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file():
            return folder
        if (folder / ".git").exists():
            break
    return root.resolve()


def warning_keys(data: dict[str, Any], root: Path) -> dict[tuple[str, str, int], list[dict[str, Any]]]:
    """Warning- and error-level findings grouped by (rule, path relative to the application root, line)."""
    base = Path(data["benchConfigRoot"])
    keys: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for finding in data["findings"]:
        if finding["severity"] not in REPORTED:
            continue
        location = finding["location"]
        path = Path(location["path"])
        full = path if path.is_absolute() else base / path
        try:
            relative = full.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            relative = location["path"]
        keys.setdefault((finding["ruleId"], relative, int(location["line"])), []).append(finding)
    return keys


def sink_lines(findings: list[dict[str, Any]], data: dict[str, Any], root: Path) -> list[tuple[str, int]]:
    """Where the flows of these findings reach their sink (the last flow step), relative to the application
    root: a flow through a helper is reported at the caller's call, and the helper's sink line is the leak too."""
    base = Path(data["benchConfigRoot"])
    found = []
    for finding in findings:
        flow = finding.get("flow") or []
        if not flow:
            continue
        location = flow[-1]["location"]
        full = base / location["path"]
        try:
            found.append((full.resolve().relative_to(root.resolve()).as_posix(), int(location["line"])))
        except ValueError:
            found.append((location["path"], int(location["line"])))
    return found


# ------------------------------------------------------------------------------------------------ scoring

@dataclass
class Score:
    name: str
    triaged: bool = False
    blind: bool = False
    files: int = 0
    warnings: int = 0
    leak: int = 0
    false_alarm: int = 0
    unclear: int = 0
    unreviewed: int = 0
    stale: int = 0
    listed: int = 0
    found: int = 0
    found_own_line: int = 0  # found by a finding's own line, not only through the sink line of a flow
    seconds: float = 0.0
    notifications: int = 0
    privlint: str = ""
    unreviewed_keys: list[tuple[str, str, int]] = field(default_factory=list)
    stale_entries: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        judged = self.leak + self.false_alarm
        return self.leak / judged if judged else None


def load_triage(name: str) -> dict[str, Any]:
    path = TRIAGE / f"{name}.yml"
    if not path.is_file():
        return {"warnings": [], "leaks": []}
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as error:
        raise BenchError(f"{path}: {error}") from None
    for entry in data.get("warnings") or []:
        if entry.get("verdict") not in VERDICTS:
            raise BenchError(f"{path}: {entry.get('rule')} {entry.get('path')}:{entry.get('line')}: "
                             f"verdict must be one of {', '.join(VERDICTS)}")
    return {"warnings": data.get("warnings") or [], "leaks": data.get("leaks") or [],
            "triaged": bool(data.get("triaged"))}


def score(app: dict[str, Any], data: dict[str, Any], root: Path) -> Score:
    keys = warning_keys(data, root)
    triage = load_triage(app["name"])
    result = Score(name=app["name"], triaged=triage.get("triaged", False), blind=bool(app.get("blind")),
                   files=data["filesScanned"],
                   warnings=len(keys), seconds=data.get("benchSeconds", 0.0),
                   notifications=len(data.get("notifications", [])), privlint=data.get("benchPrivlint", ""))
    entries = {(e["rule"], e["path"], int(e["line"])): e for e in triage["warnings"]}
    for key in keys:
        entry = entries.get(key)
        if entry is None:
            result.unreviewed += 1
            result.unreviewed_keys.append(key)
        else:
            verdict = entry["verdict"].replace("-", "_")
            setattr(result, verdict, getattr(result, verdict) + 1)
    result.stale_entries = [e for k, e in entries.items() if k not in keys]
    result.stale = len(result.stale_entries)
    own_lines: dict[str, set[int]] = {}
    lines_hit: dict[str, set[int]] = {}
    for (_rule, path, line), findings in keys.items():
        own_lines.setdefault(path, set()).add(line)
        lines_hit.setdefault(path, set()).add(line)
        for sink_path, sink_line in sink_lines(findings, data, root):
            lines_hit.setdefault(sink_path, set()).add(sink_line)
    for leak in triage["leaks"]:
        result.listed += 1
        span = set(range(int(leak["line"]), int(leak.get("end_line", leak["line"])) + 1))
        result.found_own_line += bool(own_lines.get(leak["path"], set()) & span)
        if lines_hit.get(leak["path"], set()) & span:
            result.found += 1
        else:
            result.missed.append(leak)
    return result


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def table(scores: list[Score]) -> str:
    """One row per application, then the subtotals of the tuned and the blind applications and the total."""
    head = ("| app | files | warnings | leak | false alarm | unclear | unreviewed | stale | precision "
            "| leaks found (own line) | time s |")
    lines = [head, "| --- " + "| ---: " * 10 + "|"]
    lines.extend(_row(s, f"{s.name}{' *' if s.triaged else ''}{' (blind)' if s.blind else ''}") for s in scores)
    for label, part in (("tuned", [s for s in scores if not s.blind]), ("blind", [s for s in scores if s.blind]),
                        ("all", scores)):
        if part and (label == "all" or len(part) < len(scores)):
            lines.append(_row(total(part, label), f"**{label}**"))
    return "\n".join(lines)


def total(scores: list[Score], name: str) -> Score:
    """The sum of the given applications' counts."""
    summed = Score(name=name, files=sum(s.files for s in scores))
    for field_name in ("warnings", "leak", "false_alarm", "unclear", "unreviewed", "stale", "listed", "found",
                       "found_own_line", "seconds"):
        setattr(summed, field_name, sum(getattr(s, field_name) for s in scores))
    return summed


def _row(s: Score, label: str) -> str:
    return (f"| {label} | {s.files:,} | {s.warnings} | {s.leak} | {s.false_alarm} | {s.unclear} | {s.unreviewed} "
            f"| {s.stale} | {_pct(s.precision)} | {s.found}/{s.listed} ({s.found_own_line}) | {s.seconds:.1f} |")


def unreviewed_yaml(s: Score, data: dict[str, Any], root: Path) -> str:
    """A triage skeleton for the unreviewed warnings (verdicts to fill in after reading the code)."""
    keys = warning_keys(data, root)
    out = []
    for key in sorted(s.unreviewed_keys, key=lambda k: (k[1], k[2], k[0])):
        finding = keys[key][0]
        out.append(f"  - rule: {key[0]}\n    path: {key[1]}\n    line: {key[2]}\n"
                   f"    # {finding['location'].get('snippet', '')[:110]}\n"
                   f"    # {', '.join(finding.get('dataCategories', []))} -> {finding.get('destination', '')}\n"
                   f"    verdict: \n    reason: ")
    for entry in s.stale_entries:
        out.append(f"  # stale: {entry['rule']} {entry['path']}:{entry['line']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", action="append", default=[], help="only this application (repeatable)")
    parser.add_argument("--no-scan", action="store_true", help="score the last reports, do not scan")
    parser.add_argument("--fetch-only", action="store_true", help="fetch and unpack, then stop")
    parser.add_argument("--unreviewed", metavar="APP", help="print APP's unreviewed warnings as YAML")
    parser.add_argument("-j", "--jobs", type=int, help="passed to privlint scan -j")
    parser.add_argument("--at", metavar="REF", help="run privlint as committed at REF (e.g. HEAD), not the "
                        "installed working tree")
    args = parser.parse_args(argv)
    try:
        apps = load_apps()
        names = args.app or ([args.unreviewed] if args.unreviewed else [])
        unknown = set(names) - {app["name"] for app in apps}
        if unknown:
            raise BenchError(f"unknown application {sorted(unknown)[0]!r}; see {APPS_FILE}")
        chosen = [app for app in apps if not names or app["name"] in names]
        privlint = None if args.no_scan or args.unreviewed or args.fetch_only else privlint_command(args.at)
        scores: list[Score] = []
        failed: list[str] = []
        for app in chosen:
            root = ensure_source(app) if not (args.no_scan or args.unreviewed) else app_root(app)
            if args.fetch_only:
                continue
            report = REPORTS / f"{app['name']}.json"
            if privlint:
                try:
                    data = scan(app, root, privlint, args.jobs)
                except BenchError as error:  # one failed scan: say so, go on with the others, exit 2
                    print(f"realworld: {error}", file=sys.stderr)
                    failed.append(app["name"])
                    continue
            elif report.is_file():
                data = json.loads(report.read_text("utf-8"))
            else:
                raise BenchError(f"{app['name']}: no report at {report}; run without --no-scan first")
            result = score(app, data, root)
            if args.unreviewed:
                print(unreviewed_yaml(result, data, root))
                return 0
            scores.append(result)
        if args.fetch_only:
            return 0
    except BenchError as error:
        print(f"realworld: {error}", file=sys.stderr)
        return 2
    print(table(scores))
    print(f"\nprivlint measured: {', '.join(sorted({s.privlint for s in scores}))}")
    print("\n* triaged: every warning was reviewed when the triage file was written; precision is "
          "leak / (leak + false alarm); a listed leak is found when a warning or error is on a line of its call,\n"
          "or its flow ends there (the sink of a flow reported at a helper's caller); in brackets, those found on\n"
          "a finding's own line.\n"
          "(blind): not tuned on; its stale entries and missed leaks are listed only when named with --app.")
    for s in scores:
        if s.blind and s.name not in args.app:
            continue  # what a blind application's warnings and missed leaks are is read only when asked for
        notes = []
        if s.notifications:
            notes.append(f"{s.notifications} notifications (files not parsed)")
        if s.stale:
            notes.append("stale: " + ", ".join(f"{e['rule']} {e['path']}:{e['line']}" for e in s.stale_entries))
        if s.missed:
            notes.append("missed leaks: " + ", ".join(f"{m['path']}:{m['line']}" for m in s.missed))
        if notes:
            print(f"{s.name}: " + "; ".join(notes))
    if failed:
        print(f"not scanned (privlint failed, see above): {', '.join(failed)}")
    make_dir(RESULTS.parent)
    RESULTS.write_text(json.dumps([{**{k: v for k, v in vars(s).items() if k not in
                                        ("unreviewed_keys", "stale_entries", "missed")},
                                     "precision": s.precision} for s in scores], indent=1), encoding="utf-8")
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
