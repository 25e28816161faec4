"""The command line: parse options, build a Config, call the api, render, return an exit code."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import click

from privlint import __version__
from privlint.config import Config, find_pyproject, load_config, parse_gate, parse_level
from privlint.errors import PrivlintError
from privlint.findings import Notification, Report
from privlint.findings import Severity
from privlint.report.formats import FORMATS, RenderOptions
from privlint.report.paths import mover, rebase
from privlint.workflow.output import render, wants_colour
from privlint.safe_io import write_atomically
from privlint.workflow.gates import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERNAL, at_least, gate_exit_code

if TYPE_CHECKING:
    from privlint.workflow.baseline import Entry

CONFIG_HELP = "pyproject.toml to read [tool.privlint] from (default: the nearest one)."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="privlint")
@click.option("--debug", is_flag=True, help="On an internal error, print the traceback (exit code 3 either way).")
def cli(debug: bool) -> None:
    """privlint: find personal data reaching logs, third parties and other countries."""


def _report_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--format, --output, --config and the gates, shared by the commands that report findings."""
    command = click.option("--exit-zero", is_flag=True,
                           help="Exit 0 even with findings (usage and configuration errors still exit 2).")(command)
    command = click.option("--min-severity", "min_severity", metavar="LEVEL",
                           help="Lowest level reported at all: error, warning or note (default: note, or "
                                "min-severity in the configuration).")(command)
    command = click.option("--fail-on", "fail_on", metavar="LEVEL",
                           help="Lowest level that fails the run: error, warning, note or never (default: "
                                "warning, or fail-on in the configuration).")(command)
    command = click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                           help=CONFIG_HELP)(command)
    command = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                           help="Write the report to FILE.")(command)
    return click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text",
                        show_default=True, help="Output format.")(command)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_report_options
@click.option("--strict", is_flag=True, help="Exit 2 when a file could not be read or parsed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Report only findings not recorded in this baseline (see `privlint baseline`).")
@click.option("--show-fixed", is_flag=True, help="With --baseline: list on stderr the entries no longer found.")
@click.option("--diff", "diff_ref", metavar="REF",
              help="Report only findings on lines changed since git REF (working tree; untracked files count).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write per-file and whole-scan results (in the "
              "user's cache folder).")
@click.option("--no-progress", is_flag=True, help="No progress line on stderr (it shows only on a terminal, "
              "never when CI is set).")
@click.option("--select", "select", metavar="LIST", help="Report only these rules: comma-separated rule ids "
              "(globs such as gdpr-*) or kinds (policy, consistency, logging...).")
@click.option("--exclude", "exclude", metavar="GLOB", multiple=True, help="Skip files matching GLOB (relative "
              "to the project root), in addition to `exclude` in the configuration; repeatable.")
@click.option("--tracked-only", is_flag=True, help="Walk only files in git's index (committed or staged).")
@click.option("--stdin-filename", type=click.Path(path_type=Path), metavar="PATH",
              help="With `-` as the path: the name of the file read from standard input.")
@click.option("-v", "--verbose", is_flag=True, help="Text format: list every note instead of summarising them.")
def scan(paths: tuple[Path, ...], output_format: str, output: Path | None, config_file: Path | None,
         fail_on: str | None, min_severity: str | None, exit_zero: bool, strict: bool, jobs: int | None,
         baseline_file: Path | None, show_fixed: bool, diff_ref: str | None, no_cache: bool,
         no_progress: bool, select: str | None, exclude: tuple[str, ...], tracked_only: bool,
         stdin_filename: Path | None, verbose: bool) -> int:
    """Scan Python files and directories (default: the current directory; `-`: standard input)."""
    from privlint.workflow.selection import parse_selection, selected

    if show_fixed and baseline_file is None:
        raise click.UsageError("--show-fixed needs --baseline FILE")
    targets = list(paths) or [Path(".")]
    from_stdin = Path("-") in targets
    if from_stdin and len(targets) > 1:
        raise click.UsageError("`-` (standard input) cannot be scanned together with other paths")
    if stdin_filename is not None and not from_stdin:
        raise click.UsageError("--stdin-filename needs `-` as the path")
    if not from_stdin:
        _require_existing(targets)
    config = _config(config_file, stdin_filename or targets[0], fail_on, min_severity)
    config = replace(config, exclude=(*config.exclude, *exclude), cache=config.cache and not no_cache)
    entries = None
    if baseline_file is not None:
        from privlint.workflow import baseline as baselines

        entries = baselines.read(baseline_file)
    changes = None
    if diff_ref is not None:
        from privlint.workflow.diff import changed_lines

        changes = changed_lines(diff_ref, next((target for target in targets if target.exists()), Path.cwd()))
    if from_stdin:
        from privlint.workflow.stdin import scan_stdin

        targets = [stdin_filename or Path("stdin.py")]
        report = scan_stdin(click.get_binary_stream("stdin").read(), targets[0], config)
    else:
        report = _scan(targets, config, jobs, show_progress=not no_progress, tracked_only=tracked_only)
    shown = at_least(report, config.min_severity)
    if select:
        from privlint.workflow.catalog import all_rules

        shown = selected(shown, parse_selection(select), all_rules(config))
    hidden = 0
    if entries is not None:
        before = len(shown.findings)
        shown = baselines.new_findings(shown, entries)
        hidden = before - len(shown.findings)
    if changes is not None:
        from privlint.workflow.diff import on_changed_lines

        shown = on_changed_lines(shown, changes, config.root)
    notes_listed = verbose or (min_severity is not None and config.min_severity <= Severity.NOTE)
    options = RenderOptions(verbose=notes_listed, hidden_by_baseline=hidden,
                            color=output is None and wants_colour(sys.stdout))
    _emit(render(shown, config, targets[0], output_format, output, options), output)
    if output is not None:
        from privlint.report.text import summary

        click.echo(f"{summary(shown, hidden)} (report written to {output})", err=True)
    _warn(rebase(report, config.root, Path.cwd()).notifications)
    if output_format == "text":
        from privlint.workflow.hints import hints

        for hint in hints(report, config, targets):
            click.echo(printable(f"privlint: hint: {hint}"), err=True)
    if show_fixed and entries is not None:
        _show_fixed(baselines.fixed_entries(report, entries), mover(config.root, Path.cwd()))
    if strict and any(note.unreadable for note in report.notifications):
        return EXIT_ERROR
    return gate_exit_code(shown, config.fail_on, exit_zero=exit_zero)


@cli.command("baseline")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help=CONFIG_HELP)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
def baseline(file: Path, paths: tuple[Path, ...], config_file: Path | None, jobs: int | None) -> int:
    """Record today's findings in FILE (JSON) so that `scan --baseline FILE` reports only new ones.

    Rewriting an existing baseline keeps the `reason` of every entry that is still found.
    """
    from privlint.workflow import baseline as baselines

    targets = list(paths) or [Path(".")]
    config = _config(config_file, targets[0], None, None)
    previous = baselines.read(file) if file.exists() else []
    report = _scan(targets, config, jobs, show_progress=True)
    entries = baselines.entries_for(report.findings, previous)
    _emit(baselines.render(entries), file)
    _warn(report.notifications)
    kept = sum(1 for entry in entries if entry.reason)
    noun = "finding" if len(entries) == 1 else "findings"
    reasons = f" ({kept} reason{'s' if kept != 1 else ''} kept)" if kept else ""
    click.echo(f"privlint: recorded {len(entries)} {noun} in {file}{reasons}")
    return EXIT_CLEAN


@cli.command()
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--regime", "regimes", metavar="LIST", help="Comma-separated regimes: pipl, gbt35273, gdpr, ccpa "
              "(default: regimes in the configuration, else all).")
@_report_options
@click.option("--strict", is_flag=True, help="Exit 2 when a document could not be read or decoded.")
def policy(documents: tuple[Path, ...], regimes: str | None, output_format: str, output: Path | None,
           config_file: Path | None, fail_on: str | None, min_severity: str | None, exit_zero: bool,
           strict: bool) -> int:
    """Check privacy-policy documents (Markdown, HTML, text; English or Chinese) for required disclosures."""
    from privlint import api
    from privlint.policy.api import REGIMES

    _require_existing(documents)
    config = _config(config_file, documents[0], fail_on, min_severity)
    chosen = tuple(part.strip() for part in regimes.split(",") if part.strip()) if regimes else None
    report = api.check_policy(list(documents), chosen or config.regimes or REGIMES, config)
    shown = at_least(report, config.min_severity)
    _emit(render(shown, config, documents[0], output_format, output,
                 RenderOptions(verbose=True, color=output is None and wants_colour(sys.stdout))), output)
    if output is not None:
        from privlint.report.text import summary

        click.echo(f"{summary(shown)} (report written to {output})", err=True)
    _warn(rebase(report, config.root, Path.cwd()).notifications)
    if strict and any(note.unreadable for note in report.notifications):
        return EXIT_ERROR
    return gate_exit_code(shown, config.fail_on, exit_zero=exit_zero)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="A table, JSON, or the Markdown of docs/rules.md.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help=CONFIG_HELP)
def rules(output_format: str, config_file: Path | None) -> int:
    """List every rule: code rules of the enabled packs and the policy rules of every regime."""
    from privlint.workflow import catalog
    from privlint.workflow.rules_doc import render_markdown

    listed = catalog.all_rules(_config(config_file, Path("."), None, None))
    renderers = {"text": catalog.render_table, "json": catalog.render_json, "markdown": render_markdown}
    click.echo(renderers[output_format](listed), nl=False)
    return EXIT_CLEAN


@cli.command("explain")
@click.argument("rule_ids", nargs=-1, required=True, metavar="RULE...")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help=CONFIG_HELP)
def explain(rule_ids: tuple[str, ...], config_file: Path | None) -> int:
    """Print the documentation of rules: what they find, why, an example and what to do instead."""
    from privlint.workflow import catalog

    chosen = catalog.find_rules(catalog.all_rules(_config(config_file, Path("."), None, None)), list(rule_ids))
    click.echo("\n".join(catalog.explain(meta) for meta in chosen), nl=False)
    return EXIT_CLEAN


@cli.command("init")
@click.option("--write", is_flag=True, help="Append the section to ./pyproject.toml instead of printing it "
              "(refused when it already has a [tool.privlint] table).")
@click.option("--regime", "regimes", metavar="LIST", help="Comma-separated regimes to check the policy against "
              "(default: guessed from the privacy policy found here, if any).")
@click.option("--home-region", "home_region", metavar="CODE", help="The project's home jurisdiction, e.g. CN, "
              "EU or US (default: CN for a policy in Chinese, else unset).")
def init(write: bool, regimes: str | None, home_region: str | None) -> int:
    """Print a commented [tool.privlint] section with every setting at its default, and `regimes` and
    `home-region` answered by the options or guessed from the privacy policy in the current directory."""
    from privlint.config import parse_home_region
    from privlint.policy.api import REGIMES
    from privlint.workflow.init_config import append_section, guess, template

    guessed_regimes, guessed_home, reason = guess(Path("."))
    chosen = tuple(part.strip().lower() for part in regimes.split(",") if part.strip()) if regimes else ()
    unknown = sorted(set(chosen) - set(REGIMES))
    if unknown:
        raise click.UsageError(f"unknown regime {unknown[0]!r} (known: {', '.join(REGIMES)})")
    home = parse_home_region(home_region) if home_region is not None else None
    section = template(chosen or guessed_regimes, home or guessed_home, regimes_note="" if chosen else reason,
                       home_note="" if home else reason)
    if not write:
        click.echo(section, nl=False)
        return EXIT_CLEAN
    target = Path("pyproject.toml")
    append_section(target, section)
    click.echo(f"privlint: added a [tool.privlint] section to {target}")
    return EXIT_CLEAN


@cli.command("test")
@click.argument("pack", type=click.Path(exists=True, file_okay=False, path_type=Path))
def test_pack(pack: Path) -> int:
    """Run the annotated fixtures of the rule pack folder PACK (code/ and policy/): one line per fixture."""
    from privlint.workflow.packtest import run_pack

    outcome = run_pack(pack)
    click.echo("\n".join(outcome.lines))
    return EXIT_CLEAN if outcome.passed else EXIT_FINDINGS


def exit_code(report: Report, config: Config) -> int:
    """1 when a finding reaches the configured gate, else 0."""
    return gate_exit_code(report, config.fail_on)


def _config(config_file: Path | None, start: Path, fail_on: str | None, min_severity: str | None) -> Config:
    config = load_config(config_file or find_pyproject(start))
    if fail_on is not None:
        config = replace(config, fail_on=parse_gate(fail_on))
    if min_severity is not None:
        config = replace(config, min_severity=parse_level(min_severity, "--min-severity"))
    return config


def _require_existing(paths: Sequence[Path]) -> None:
    """A path named on the command line that does not exist is a usage error (exit 2), so that a typo in a CI
    job cannot pass as "no findings in 0 files". A broken symbolic link is reported by the scan instead."""
    missing = [path for path in paths if not path.exists() and not path.is_symlink()]
    if missing:
        raise click.UsageError(f"no such file or directory: {', '.join(map(str, missing))}")


def _scan(targets: list[Path], config: Config, jobs: int | None, *, show_progress: bool,
          tracked_only: bool = False) -> Report:
    from privlint import api
    from privlint.workflow.progress import ProgressLine, wanted

    if not (show_progress and wanted(sys.stderr)):
        return api.scan(targets, config, jobs=jobs, tracked_only=tracked_only)
    line = ProgressLine(sys.stderr)
    try:
        return api.scan(targets, config, jobs=jobs, progress=line, tracked_only=tracked_only)
    finally:
        line.close()


def _show_fixed(entries: Sequence[Entry], move: Callable[[str], str]) -> None:
    for entry in entries:
        click.echo(f"privlint: fixed: {move(entry.path)}:{entry.line}: {entry.rule_id} {entry.message}", err=True)
    noun = "entry" if len(entries) == 1 else "entries"
    click.echo(f"privlint: {len(entries)} baseline {noun} no longer found", err=True)


def printable(text: str) -> str:
    """``text`` with file-name bytes that are not UTF-8 (read as lone surrogates) shown as ``\\udcXX`` escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _emit(text: str, output: Path | None) -> None:
    text = printable(text)
    if output is None:
        click.echo(text, nl=False, color=True)  # colour codes are only there when wanted
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(output, text.encode("utf-8"))
    except OSError as error:
        raise PrivlintError(f"cannot write {output.name} (left as it was): {error.strerror or error}",
                            path=str(output)) from None


def _warn(notifications: Sequence[Notification]) -> None:
    for note in notifications:
        where = f"{note.path}:{note.line}" if note.line else note.path
        click.echo(printable(f"privlint: {note.level}: {where}: {note.message}"), err=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (for tests and embedding)."""
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        result = cli.main(args=args, prog_name="privlint", standalone_mode=False)
    except PrivlintError as error:
        click.echo(f"privlint: error: {error}", err=True)
        return EXIT_ERROR
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("privlint: aborted", err=True)
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - a bug must not look like "findings" (exit 1) to CI
        if "--debug" in args[: args.index("--") if "--" in args else len(args)]:
            import traceback

            traceback.print_exc()
        click.echo(f"privlint: internal error: {type(error).__name__}: {error} (exit code 3; run "
                   f"`privlint --debug ...` for the traceback and please report it)", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
