"""Every rule a configuration can run (code and policy), as a table, as JSON and as an explanation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from privlint.config import Config
from privlint.errors import ConfigError
from privlint.findings import RuleMeta
from privlint.loader import load_code_rules
from privlint.packs import pack_dirs, pack_files



def all_rules(config: Config) -> list[RuleMeta]:
    """Code and consistency rules of the enabled packs, then the policy rules of every regime (built-in plus
    project packs)."""
    from privlint.policy.api import REGIMES, policy_rules

    folders = pack_dirs(config.packs, config.rule_paths)
    code = [rule.meta for section in ("code", "consistency") for rule in load_code_rules(pack_files(folders, section))]
    policy_dirs = [folder / "policy" for folder in config.rule_paths if (folder / "policy").is_dir()]
    return [*sorted(code, key=lambda meta: meta.id), *policy_rules(REGIMES, policy_dirs)]


def find_rules(rules: list[RuleMeta], rule_ids: list[str]) -> list[RuleMeta]:
    """The rules named by ``rule_ids`` in that order; a ConfigError naming every unknown id."""
    by_id = {meta.id: meta for meta in rules}
    unknown = [rule_id for rule_id in rule_ids if rule_id not in by_id]
    if unknown:
        raise ConfigError(f"unknown rule id{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)} "
                          f"(`privlint rules` lists them)")
    return [by_id[rule_id] for rule_id in rule_ids]


def row(meta: RuleMeta) -> dict[str, str]:
    """One rule as the cells of the listing."""
    return {"id": meta.id, "kind": meta.kind, "severity": meta.severity.label, "regime": meta.regime or "-",
            "references": "; ".join(meta.references) or "-"}


def render_table(rules: list[RuleMeta], width: int | None = None) -> str:
    """A plain-text table that fits the terminal: id, kind, level and the one-line description, cut with an
    ellipsis at ``width`` columns (default: the terminal's width, at least 80). `privlint explain` tells more."""
    width = width or max(shutil.get_terminal_size((100, 24)).columns, 80)
    rows = [("id", "kind", "level", "description"),
            *((meta.id, meta.kind, meta.severity.label, " ".join(meta.short_description.split())) for meta in rules)]
    widths = [max(len(cells[index]) for cells in rows) for index in range(3)]
    lines = []
    for cells in rows:
        line = "  ".join([*(cell.ljust(size) for cell, size in zip(cells, widths)), cells[3]])
        lines.append(line if len(line) <= width else line[:width - 1].rstrip() + "…")
    return "\n".join(lines) + "\n"


def render_json(rules: list[RuleMeta]) -> str:
    """The listing as JSON: a list of rules with their documentation."""
    document = [{**row(meta), "regime": meta.regime, "references": list(meta.references), "name": meta.name,
                 "confidence": meta.confidence.value, "short": meta.short_description,
                 "description": meta.full_description, "tags": list(meta.tags),
                 "docs": {"why": meta.docs.why, "example": meta.docs.example, "instead": meta.docs.instead}}
                for meta in rules]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def explain(meta: RuleMeta) -> str:
    """A rule's documentation: summary, description, why, example, what to use instead, references."""
    lines = [f"{meta.id}: {meta.short_description}",
             f"kind: {meta.kind}; severity: {meta.severity.label}; confidence: {meta.confidence.value}"
             + (f"; regime: {meta.regime}" if meta.regime else "")]
    if meta.full_description.strip() != meta.docs.why.strip():
        lines += ["", meta.full_description]
    for title, text in (("Why", meta.docs.why), ("Example", meta.docs.example), ("Use instead", meta.docs.instead)):
        if text.strip():
            lines += ["", f"{title}:", *(f"    {line}" for line in text.strip().splitlines())]
    if meta.references:
        lines += ["", "References:", *(f"    {reference}" for reference in meta.references)]
    if meta.source_path:
        lines += ["", f"Defined in: {_shown(meta.source_path)}"]
    return "\n".join(lines) + "\n"


def _shown(source: str) -> str:
    path = Path(source)
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
