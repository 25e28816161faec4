"""Builds the analysis from a Config and runs it over files, on every core when there are many."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from privlint.code.cache import FactsCache, default_cache_root, project_salt
from privlint.code.catalogue import load_catalogue
from privlint.code.context import AnalysisContext
from privlint.code.discovery import display_path, module_name
from privlint.code.results import CodeRules
from privlint.code.scanner import FileFacts, scan_file
from privlint.code.screen import Screen
from privlint.code.source_file import read_source_bytes
from privlint.code.summaries import CallSite
from privlint.config import Config
from privlint.errors import ConfigError
from privlint.findings import RuleMeta
from privlint.linear_regex import LinearPattern, compile_linear
from privlint.loader import load_code_rules
from privlint.packs import builtin_pack, pack_dirs, pack_files
from privlint.taxonomy import Taxonomy, load_taxonomy

PARALLEL_THRESHOLD = 40
# A user logged, printed or formatted whole (``log.info(user)``, ``f"{request.user}"``): with a project user
# model, such files are analysed even when the screen finds no personal data in them.
USER_USED_WHOLE = (r"(?:info|debug|warning|warn|error|exception|critical|print|log)\([^\n]*\b(?:request\.)?user\b"
                   r"|\{(?:self\.)?(?:request\.)?user(?:!r)?\}")


@dataclass(frozen=True, slots=True)
class Engine:
    """Everything loaded once per run (per worker process when scanning in parallel)."""

    config: Config
    context: AnalysisContext
    rules: CodeRules
    cache: FactsCache | None = None

    @property
    def rule_metas(self) -> tuple[RuleMeta, ...]:
        return tuple(rule.meta for rule in self.rules.rules)

    def display(self, path: Path) -> str:
        """How ``path`` is named in results."""
        return display_path(path, self.config.root)

    def scan(self, path: Path, force: bool = False) -> FileFacts:
        display = self.display(path)
        if self.cache is None:
            return scan_file(path, display, self.context, force=force)
        try:
            data = read_source_bytes(path)
        except OSError:
            return scan_file(path, display, self.context, force=force)
        key = self.cache.key(display, data, force)
        facts = self.cache.get(key, FileFacts)
        if facts is None:
            facts = scan_file(path, display, self.context, force=force, data=data)
            self.cache.put(key, facts)
        return facts

    def cached(self, path: Path, force: bool = False) -> FileFacts | None:
        """The file's facts from the cache, or None when there are none (or no cache)."""
        if self.cache is None:
            return None
        try:
            data = read_source_bytes(path)
        except OSError:
            return None
        return self.cache.get(self.cache.key(self.display(path), data, force), FileFacts)


def build_engine(config: Config, project_roots: frozenset[str] = frozenset(), *, salt: str | None = None) -> Engine:
    """Load rule packs, sink catalogue and taxonomy; invalid files raise RuleError, bad settings ConfigError.
    ``salt`` is the per-file cache's ``project_salt``, when the caller has it already."""
    folders = pack_dirs(config.packs, config.rule_paths)
    all_rules = load_code_rules(pack_files(folders, "code"))
    _check_rule_ids(config, {rule.meta.id for rule in all_rules}, folders)
    rules = CodeRules(tuple(rule for rule in all_rules if rule.meta.id not in config.disable), config.severity)
    taxonomy = project_taxonomy(config, folders)
    catalogue = load_catalogue(pack_files(folders, "sinks"), config.sanitizers)
    context = AnalysisContext(taxonomy=taxonomy, catalogue=catalogue, internal_domains=config.internal_domains,
                              project_roots=project_roots, home_region=config.home_region,
                              screen=Screen(taxonomy, catalogue.screen_words, catalogue.pseudonymous))
    cache = None
    if config.cache:
        cache = FactsCache.open(default_cache_root(), config.root,
                                salt if salt is not None else project_salt(config, folders, project_roots))
    return Engine(config=config, context=context, rules=rules, cache=cache)


def project_taxonomy(config: Config, folders: Sequence[Path] | None = None) -> Taxonomy:
    """The built-in taxonomy with the project's: the taxonomy files of its rule pack ``folders`` (default: the
    enabled packs') and of ``taxonomy-paths``, its inline data types and name exclusions."""
    if folders is None:
        folders = pack_dirs(config.packs, config.rule_paths)
    project_folders = [folder for folder in folders if folder != builtin_pack()]
    return load_taxonomy(
        extra_files=[*pack_files(project_folders, "taxonomy"), *config.taxonomy_paths],
        extra_types=config.data_types,
        extra_excludes=config.name_excludes,
    )


def _check_rule_ids(config: Config, code_ids: set[str], folders: list[Path]) -> None:
    """Every id in ``disable`` and ``severity`` names a code, consistency or policy rule."""
    named = set(config.disable) | set(config.severity)
    if named <= code_ids:
        return
    from privlint.policy.api import REGIMES, policy_rules

    other = {rule.meta.id for rule in load_code_rules(pack_files(folders, "consistency"))}
    policy_dirs = [folder / "policy" for folder in config.rule_paths if (folder / "policy").is_dir()]
    other.update(meta.id for meta in policy_rules(REGIMES, policy_dirs))
    unknown = sorted(named - code_ids - other)
    if unknown:
        raise ConfigError(f"unknown rule id {unknown[0]!r} in [tool.privlint]", path=config.source)


def scan_project(engine: Engine, files: Sequence[Path], jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 context_files: Sequence[Path] = ()) -> list[FileFacts]:
    """Facts for ``files``: first every file the screen lets through, then the files that use a schema class
    found there, then, round by round, the files defining functions that analysed code calls (so a flow
    through a helper with no personal data of its own is still followed). ``context_files``, the rest of the
    project when only some files are scanned, are analysed only when analysed code calls into them."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    modules = module_index([*files, *context_files], engine.config.root)
    if engine.cache is not None:
        engine.cache.prune()
    with _runner(engine, workers if len(files) >= PARALLEL_THRESHOLD else 1) as run:
        facts: dict[Path, FileFacts] = {}
        hits = 0
        for path, fact in zip(files, run(files, False)):
            facts[path] = fact
            hits += len(fact.hits)
            if progress is not None:
                progress(len(facts), hits)
        listed = list(facts.values())
        facts.update((path, FileFacts(engine.display(path), screened_out=True)) for path in context_files
                     if path not in facts)
        wanted = sorted({*_definers_wanted(listed, modules, facts), *_schema_users(facts, files)})
        while wanted:
            for path, fact in zip(wanted, run(wanted, True)):
                facts[path] = fact
            new = [facts[path] for path in wanted]
            wanted = _definers_wanted(new, modules, facts)
    return [facts[path] for path in files] + [facts[path] for path in context_files
                                              if path not in files and not facts[path].screened_out]


def module_index(files: Iterable[Path], root: Path) -> dict[str, Path]:
    """Files by dotted module name, and by every shorter dotted suffix that is unique (for src/ layouts)."""
    index: dict[str, Path] = {}
    taken: dict[str, int] = {}
    for file in files:
        parts = module_name(display_path(file, root)).split(".")
        for cut in range(len(parts)):
            name = ".".join(parts[cut:])
            taken[name] = taken.get(name, 0) + 1
            index.setdefault(name, file)
    return {name: file for name, file in index.items() if taken[name] == 1 or "." in name}


def _definers_wanted(new: Sequence[FileFacts], modules: dict[str, Path], facts: dict[Path, FileFacts]) -> list[Path]:
    """Screened-out files defining what the ``new`` facts need: the functions they call, the classes they raise
    or derive from."""
    return sorted({*_callee_files(new, modules, facts), *_class_files(new, modules, facts)})


def _callee_files(new: Iterable[FileFacts], modules: dict[str, Path], facts: dict[Path, FileFacts]) -> list[Path]:
    """Files, not analysed yet, defining project functions that analysed code passes data to or whose
    return value it uses where it matters (in a sink, an argument or a return)."""
    callees = (site.callee for fact in new for site in _sites_that_matter(fact))
    return _screened_definers(callees, modules, facts)


def _class_files(new: Iterable[FileFacts], modules: dict[str, Path], facts: dict[Path, FileFacts]) -> list[Path]:
    """Files, not analysed yet, defining the project's exception classes that analysed code raises, or the bases
    of its classes: the class hierarchy decides which exceptions are exempt."""
    names = [hit.qualified_name for fact in new for hit in (*fact.hits, *fact.pending) if hit.sink.kind == "exception"]
    names.extend(parent for fact in new for _, parents in fact.class_bases for parent in parents)
    return _screened_definers(names, modules, facts)


def _screened_definers(names: Iterable[str], modules: dict[str, Path], facts: dict[Path, FileFacts]) -> list[Path]:
    """The screened-out files of the modules defining the dotted ``names`` (``pkg.mod.func``, ``pkg.mod.Class``)."""
    wanted: set[Path] = set()
    for name in names:
        parts = name.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            file = modules.get(".".join(parts[:cut]))
            if file is not None:
                if file in facts and facts[file].screened_out:
                    wanted.add(file)
                break
    return sorted(wanted)


def _schema_users(facts: dict[Path, FileFacts], files: Sequence[Path]) -> list[Path]:
    """Screened-out ``files`` that name a class whose fields hold personal data (its instances carry them) or,
    when the project has a Django user model, use a user whole."""
    schemas = [schema for fact in facts.values() for schema in fact.schemas]
    names = {schema.key.rsplit(".", 1)[-1] for schema in schemas}
    if not names:
        return []
    alternatives = [r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b"]
    if any(schema.user_model for schema in schemas):
        alternatives.append(USER_USED_WHOLE)
    pattern = re.compile("|".join(alternatives))
    # RE2 answers the same on ASCII text (where \b and \w mean what they mean in Python) in a third of the time.
    try:
        quick: re.Pattern[str] | LinearPattern = compile_linear(pattern.pattern)
    except ValueError:
        quick = pattern
    users = []
    for path in files:
        if facts[path].screened_out:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if (quick if text.isascii() else pattern).search(text):
                users.append(path)
    return users


def _sites_that_matter(fact: FileFacts) -> Iterator[CallSite]:
    taints = [hit.taint for hit in fact.pending]
    taints.extend(taint for site in fact.call_sites for _, _, taint in site.arguments if taint is not None)
    taints.extend(summary.returns for summary in fact.summaries if summary.returns is not None)
    used = {symbol[1] for taint in taints for symbol, _ in taint.symbols if symbol[0] in ("ret", "item")}
    for site in fact.call_sites:
        if site.call_id in used or any(taint is not None for _, _, taint in site.arguments):
            yield site


@contextmanager
def _runner(engine: Engine, workers: int) -> Iterator[Callable[[Sequence[Path], bool], Iterable[FileFacts]]]:
    """A function that scans files in order, in this process or in a pool kept for the whole scan."""
    if workers <= 1:
        yield lambda paths, force: (engine.scan(path, force) for path in paths)
        return
    from privlint.code.workers import WorkerPool  # process pools are imported only for a scan of many files

    pool = WorkerPool(engine, workers)

    def scan(paths: Sequence[Path], force: bool) -> list[FileFacts]:
        # Cached facts are read here: a worker would decode them and then pickle them over to this process.
        found = {path: engine.cached(path, force) for path in paths}
        missing = [path for path in paths if found[path] is None]
        found.update(zip(missing, pool.scan(missing, force) if missing else ()))
        return [found[path] for path in paths]

    try:
        yield scan
    finally:
        pool.close()
