"""Rule documentation in Markdown, generated from the rule files: ``python -m privlint.workflow.rules_doc [FILE]``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from privlint.config import Config
from privlint.findings import RuleMeta
from privlint.packs import builtin_pack
from privlint.workflow.catalog import all_rules

REGENERATE = "python -m privlint.workflow.rules_doc docs/rules.md"
REGIME_TITLES = {"pipl": "PIPL", "gbt35273": "GB/T 35273-2020", "gdpr": "GDPR", "ccpa": "CCPA/CPRA"}


def render_markdown(rules: Sequence[RuleMeta]) -> str:
    """The rules document: an index table, then one section per rule, code rules first, policy rules by regime."""
    code = [meta for meta in rules if meta.regime is None]
    lines = ["# Rules", "", f"Generated from the rule files by `{REGENERATE}`; do not edit by hand.", "",
             "## Code rules", "", *_index(code), ""]
    for meta in code:
        lines += _section(meta, code_examples=True)
    regimes = list(dict.fromkeys(meta.regime for meta in rules if meta.regime))
    for regime in regimes:
        chosen = [meta for meta in rules if meta.regime == regime]
        lines += [f"## Policy rules: {REGIME_TITLES.get(regime, regime)} (`{regime}`)", "", *_index(chosen), ""]
        for meta in chosen:
            lines += _section(meta, code_examples=False)
    return "\n".join(lines).rstrip("\n") + "\n"


def _index(rules: Sequence[RuleMeta]) -> list[str]:
    rows = ["| rule | kind | severity | finds |", "| --- | --- | --- | --- |"]
    rows += [f"| [`{meta.id}`](#{meta.id}) | {meta.kind} | {meta.severity.label} | {_cell(meta.short_description)} |"
             for meta in rules]
    return rows


def _section(meta: RuleMeta, *, code_examples: bool) -> list[str]:
    lines = [f"### {meta.id}", "", meta.short_description, "",
             f"kind `{meta.kind}`, severity `{meta.severity.label}`, confidence `{meta.confidence.value}`"
             f"{_source(meta.source_path)}", ""]
    if meta.full_description not in (meta.short_description, meta.docs.why.strip()):
        lines += [meta.full_description, ""]
    if meta.docs.why.strip():
        lines += [f"**Why.** {' '.join(meta.docs.why.split())}", ""]
    for title, text in (("Example", meta.docs.example), ("Use instead", meta.docs.instead)):
        if not text.strip():
            continue
        if code_examples:
            lines += [f"**{title}:**", "", "```python", text.strip(), "```", ""]
        else:
            lines += [f"**{title}:** {' '.join(text.split())}", ""]
    if meta.references:
        lines += ["**References:** " + "; ".join(meta.references), ""]
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _source(source: str | None) -> str:
    if not source:
        return ""
    try:
        return f", defined in `rules/{Path(source).relative_to(builtin_pack()).as_posix()}`"
    except ValueError:
        return ""


def builtin_markdown() -> str:
    """The document for the built-in rules only (what docs/rules.md holds)."""
    return render_markdown(all_rules(Config(root=Path.cwd())))


def main(argv: Sequence[str] | None = None) -> int:
    """Write the document to the file named in ``argv`` (default docs/rules.md)."""
    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0] if args else "docs/rules.md")
    target.write_text(builtin_markdown(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
