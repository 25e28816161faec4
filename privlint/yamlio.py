"""Safe YAML loading that remembers the line of every mapping, so errors can point at it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from privlint.errors import RuleError


class LineDict(dict):
    """A mapping read from YAML that knows the 1-based line it started on."""

    line: int = 0


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """Safe loader (LibYAML's when installed) whose mappings are LineDicts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file with safe semantics; a syntax error is a RuleError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"cannot read rule file: {error}", path=str(path)) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise RuleError(f"invalid YAML: {problem}", path=str(path), line=line) from None


def line_of(value: Any) -> int | None:
    """The line a YAML mapping started on, when known."""
    return getattr(value, "line", None) or None
