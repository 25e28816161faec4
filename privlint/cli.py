"""The command line: parse options, build a Config, call the api, render, return an exit code."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Sequence

import click

from privlint import __version__
from privlint.config import Config, find_pyproject, load_config, parse_gate
from privlint.errors import PrivlintError
from privlint.findings import Notification, Report
from privlint.report.formats import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="privlint")
def cli() -> None:
    """privlint: find personal data reaching logs, third parties and other countries."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="pyproject.toml to read [tool.privlint] from (default: the nearest one).")
@click.option("--fail-on", "fail_on", metavar="LEVEL", help="Lowest level that fails the run: error, warning, note "
              "or never (default: warning, or fail-on in the configuration).")
@click.option("--strict", is_flag=True, help="Exit 2 when a file could not be read or parsed.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
def scan(paths: tuple[Path, ...], output_format: str, output: Path | None, config_file: Path | None,
         fail_on: str | None, strict: bool, jobs: int | None) -> int:
    """Scan Python files and directories (default: the current directory)."""
    from privlint import api

    targets = list(paths) or [Path(".")]
    config = load_config(config_file or find_pyproject(targets[0]))
    if fail_on is not None:
        config = replace(config, fail_on=parse_gate(fail_on))
    report = api.scan(targets, config, jobs=jobs)
    _emit(FORMATS[output_format](report), output)
    _warn(report.notifications)
    if strict and any(note.unreadable for note in report.notifications):
        return EXIT_ERROR
    return exit_code(report, config)


@cli.command()
@click.argument("documents", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--regime", "regimes", metavar="LIST", help="Comma-separated regimes: pipl, gbt35273, gdpr, ccpa "
              "(default: regimes in the configuration, else all).")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="pyproject.toml to read [tool.privlint] from (default: the nearest one).")
@click.option("--fail-on", "fail_on", metavar="LEVEL", help="Lowest level that fails the run.")
def policy(documents: tuple[Path, ...], regimes: str | None, output_format: str, output: Path | None,
           config_file: Path | None, fail_on: str | None) -> int:
    """Check privacy-policy documents (Markdown, HTML, text; English or Chinese) for required disclosures."""
    from privlint import api
    from privlint.policy.api import REGIMES

    config = load_config(config_file or find_pyproject(documents[0]))
    if fail_on is not None:
        config = replace(config, fail_on=parse_gate(fail_on))
    chosen = tuple(part.strip() for part in regimes.split(",") if part.strip()) if regimes else None
    report = api.check_policy(list(documents), chosen or config.regimes or REGIMES, config)
    _emit(FORMATS[output_format](report), output)
    _warn(report.notifications)
    return exit_code(report, config)


def exit_code(report: Report, config: Config) -> int:
    """1 when a finding reaches the configured gate, else 0."""
    gate = config.fail_on
    if gate is not None and any(finding.severity >= gate for finding in report.findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise PrivlintError(f"cannot write report: {error.strerror}", path=str(output)) from None


def _warn(notifications: Sequence[Notification]) -> None:
    for note in notifications:
        where = f"{note.path}:{note.line}" if note.line else note.path
        click.echo(f"privlint: {note.level}: {where}: {note.message}", err=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (for tests and embedding)."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="privlint",
                          standalone_mode=False)
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
    return result if isinstance(result, int) else EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
