"""The programmatic entry points: ``scan`` and ``check_policy`` return a Report and never print."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from privlint.code.cache import project_salt
from privlint.code.discovery import discover, display_path, project_roots
from privlint.code.rescan import Rescans, ScanResult
from privlint.config import Config
from privlint.fingerprints import with_fingerprints
from privlint.findings import Finding, Notification, Report
from privlint.packs import pack_dirs

if TYPE_CHECKING:
    from privlint.engine import Engine
    from privlint.taxonomy import Taxonomy


def scan(paths: Sequence[Path], config: Config, *, jobs: int | None = None,
         progress: Callable[[int, int], None] | None = None, tracked_only: bool = False) -> Report:
    """Scan Python files under ``paths``; when ``config.regimes`` names any and a directory is scanned (a
    project scan, not a list of changed files), check the project's policy too.

    The project's own rule packs (``rule-paths``) are not project code: their fixtures leak on purpose. With
    ``tracked_only``, folders yield only the files in git's index (what a commit holds).
    ``progress(files_done, findings_so_far)`` is called after each file; the count is of direct sink hits,
    before flows across functions are linked and suppressions applied. The findings of an identical earlier
    scan are reused when they were kept: then no rule pack, taxonomy or analysis module is even loaded.
    """
    rule_packs = tuple(display_path(folder, config.root) for folder in config.rule_paths)
    found = discover(paths, root=config.root, include=config.include, exclude=(*config.exclude, *rule_packs),
                     tracked_only=tracked_only)
    context = _rest_of_project(paths, found.files, config, rule_packs)
    roots = project_roots([*found.files, *context], config.root)
    salt = project_salt(config, pack_dirs(config.packs, config.rule_paths), roots) if config.cache else None
    rescans = Rescans.open(config, salt, found.files, context) if salt is not None else None
    result = rescans.get() if rescans is not None else None
    engine = None
    if result is None:
        from privlint.engine import build_engine

        engine = build_engine(config, roots, salt=salt)
        result = _analysed(engine, found.files, context, jobs, progress)
        if rescans is not None:
            rescans.put(result)
    code = Report(findings=result.findings, rules=result.rules,
                  notifications=(*found.notifications, *result.notifications), files_scanned=len(found.files))
    if config.regimes and any(path.is_dir() for path in paths):
        from privlint.engine import project_taxonomy

        taxonomy = engine.context.taxonomy if engine is not None else project_taxonomy(config)
        return _with_data_types(_finish(_with_policy(code, config, taxonomy)), taxonomy)
    return replace(_finish(code), extra={**code.extra, "dataTypes": dict(result.data_types)})


def _analysed(engine: Engine, files: Sequence[Path], context: Sequence[Path], jobs: int | None,
              progress: Callable[[int, int], None] | None) -> ScanResult:
    """The findings of ``files`` (flows through the ``context`` files followed), analysed."""
    from privlint import engine as analysis
    from privlint.code.results import build_findings
    from privlint.code.scanner import collector_paused

    with collector_paused():
        facts = analysis.scan_project(engine, files, jobs, progress, context_files=context)
        findings, notifications = build_findings(facts, engine.context, engine.rules)
    if context:
        listed = {engine.display(path) for path in files}
        findings = [finding for finding in findings if finding.location.path in listed]
    return ScanResult(findings=tuple(findings), notifications=tuple(notifications), rules=engine.rule_metas,
                      data_types=_described(findings, engine.context.taxonomy))


def _rest_of_project(paths: Sequence[Path], files: Sequence[Path], config: Config,
                     rule_packs: Sequence[str]) -> tuple[Path, ...]:
    """When only files are scanned (a pre-commit hook, an editor), the project's other Python files: a helper
    they call is analysed so that a leak through it is reported at the call in the scanned file."""
    if not paths or any(path.is_dir() for path in paths) or not config.root.is_dir():
        return ()
    project = discover([config.root], root=config.root, include=config.include,
                       exclude=(*config.exclude, *rule_packs))
    listed = set(files)
    return tuple(path for path in project.files if path not in listed)


def _with_data_types(report: Report, taxonomy: Taxonomy) -> Report:
    """Name, category and sensitivity of every data type the findings mention, for formatters and JSON."""
    return replace(report, extra={**report.extra, "dataTypes": _described(report.findings, taxonomy)})


def _described(findings: Sequence[Finding], taxonomy: Taxonomy) -> dict[str, dict[str, Any]]:
    used = sorted({type_id for finding in findings for type_id in finding.data_categories})
    return {type_id: {"name": taxonomy.types[type_id].name, "category": taxonomy.types[type_id].category,
                      "sensitive": taxonomy.types[type_id].sensitive,
                      "fideslang": taxonomy.types[type_id].fideslang}
            for type_id in used if type_id in taxonomy.types}


def _with_policy(code: Report, config: Config, taxonomy: Taxonomy) -> Report:
    """The code report with the project's policy checked, and the two held against each other."""
    from privlint.consistency import check_consistency, load_consistency, policy_view
    from privlint.policy.api import find_policy_documents
    from privlint.policy.conditional import escalated

    documents = find_policy_documents(config.root, config.policy_paths)
    if not documents:
        note = Notification(message=f"no privacy policy found (looked for PRIVACY.md, privacy-policy.*, 隐私政策.* and "
                                    f"policy-paths) while regimes {', '.join(config.regimes)} are enabled",
                            path=".", level="warning", unreadable=False)
        return replace(code, notifications=(*code.notifications, note))
    policy = check_policy(documents, config.regimes, config)
    rules, vocabulary = load_consistency(pack_dirs(config.packs, config.rule_paths))
    views = [policy_view(record, _text_of(config.root / record["path"])) for record in policy.extra["policies"]]
    consistency = check_consistency(code.findings, views, rules, vocabulary, taxonomy, config.home_region,
                                    config.regimes)
    return Report(
        findings=(*code.findings, *escalated(policy.findings, code.findings, taxonomy),
                  *_configured(consistency, config)),
        rules=(*code.rules, *policy.rules, *(rule.meta for rule in rules.values())),
        notifications=(*code.notifications, *policy.notifications),
        files_scanned=code.files_scanned + policy.files_scanned, extra=policy.extra,
    )


def _configured(findings: Sequence[Finding], config: Config) -> list[Finding]:
    """Policy and consistency findings with the project's ``disable`` and ``severity`` settings applied."""
    return [replace(finding, severity=config.severity.get(finding.rule_id, finding.severity))
            for finding in findings if finding.rule_id not in config.disable]


def _text_of(path: Path) -> str:
    from privlint.policy.documents import decode

    try:
        decoded = decode(path.read_bytes())
    except OSError:
        return ""
    return decoded[0] if decoded else ""


def check_policy(documents: Sequence[Path], regimes: Sequence[str], config: Config) -> Report:
    """Check policy documents against the disclosure rules of ``regimes``."""
    from privlint.policy.api import check_policies

    rule_dirs = [folder / "policy" for folder in config.rule_paths if (folder / "policy").is_dir()]
    result = check_policies([path.resolve() for path in documents], regimes, rule_dirs, use_cache=config.cache)
    relative = {str(path.resolve()): display_path(path, config.root) for path in documents}
    return _finish(Report(
        findings=tuple(_relocated(finding, relative) for finding in _configured(result.findings, config)),
        rules=result.rules,
        files_scanned=len(documents),
        notifications=tuple(replace(note, path=relative.get(note.path, note.path)) for note in result.notifications),
        extra={"policies": [{**record, "path": relative.get(record.get("path"), record.get("path"))}
                            for record in result.documents]},
    ))


def _finish(report: Report) -> Report:
    return replace(report, findings=tuple(with_fingerprints(report.findings)))


def _relocated(finding: Finding, relative: dict[str, str]) -> Finding:
    path = relative.get(finding.location.path, finding.location.path)
    return replace(finding, location=replace(finding.location, path=path))
