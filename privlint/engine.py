"""Builds the analysis from a Config and runs it over files, on every core when there are many."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from privlint.code.catalogue import load_catalogue
from privlint.code.context import AnalysisContext
from privlint.code.imports import module_name
from privlint.code.results import CodeRules
from privlint.code.scanner import FileFacts, scan_file
from privlint.config import Config
from privlint.errors import ConfigError
from privlint.findings import RuleMeta
from privlint.loader import builtin_pack, load_code_rules, pack_dirs, pack_files
from privlint.taxonomy import load_taxonomy

PARALLEL_THRESHOLD = 40


@dataclass(frozen=True, slots=True)
class Engine:
    """Everything loaded once per run (per worker process when scanning in parallel)."""

    config: Config
    context: AnalysisContext
    rules: CodeRules

    @property
    def rule_metas(self) -> tuple[RuleMeta, ...]:
        return tuple(rule.meta for rule in self.rules.rules)

    def scan(self, path: Path) -> FileFacts:
        return scan_file(path, display_path(path, self.config.root), self.context)


def build_engine(config: Config, project_roots: frozenset[str] = frozenset()) -> Engine:
    """Load rule packs, sink catalogue and taxonomy; invalid files raise RuleError, bad settings ConfigError."""
    folders = pack_dirs(config.packs, config.rule_paths)
    all_rules = load_code_rules(pack_files(folders, "code"))
    known = {rule.meta.id for rule in all_rules}
    for rule_id in (*config.disable, *config.severity):
        if rule_id not in known:
            raise ConfigError(f"unknown rule id {rule_id!r} in [tool.privlint]", path=config.source)
    rules = CodeRules(tuple(rule for rule in all_rules if rule.meta.id not in config.disable), config.severity)
    project_folders = [folder for folder in folders if folder != builtin_pack()]
    taxonomy = load_taxonomy(
        extra_files=[*pack_files(project_folders, "taxonomy"), *config.taxonomy_paths],
        extra_types=config.data_types,
        extra_excludes=config.name_excludes,
    )
    catalogue = load_catalogue(pack_files(folders, "sinks"), config.sanitizers)
    context = AnalysisContext(taxonomy=taxonomy, catalogue=catalogue, internal_domains=config.internal_domains,
                              project_roots=project_roots, home_region=config.home_region)
    return Engine(config=config, context=context, rules=rules)


def display_path(path: Path, root: Path) -> str:
    """The path shown in results: relative to the project root when inside it, POSIX separators."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def project_roots(files: Iterable[Path], root: Path) -> frozenset[str]:
    """The package and module names the scanned project defines: calls into them are the project's own."""
    roots: set[str] = set()
    for file in files:
        parts = module_name(display_path(file, root)).split(".")
        roots.update(parts[:-1] if len(parts) > 1 else parts)
    return frozenset(part for part in roots if part.isidentifier())


def scan_files(engine: Engine, files: Iterable[Path], jobs: int | None = None) -> Iterator[FileFacts]:
    """Facts for ``files`` in order; a process pool is used for large runs."""
    files = list(files)
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        yield from map(engine.scan, files)
        return
    initargs = (engine.config, engine.context.project_roots)
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=initargs) as pool:
        yield from pool.map(_scan_in_worker, files, chunksize=8)


_WORKER_ENGINE: Engine | None = None


def _start_worker(config: Config, roots: frozenset[str]) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = build_engine(config, roots)


def _scan_in_worker(path: Path) -> FileFacts:
    assert _WORKER_ENGINE is not None, "worker started without an engine"
    return _WORKER_ENGINE.scan(path)
