"""Load the built-in taxonomy YAML and a project's own files and inline types, with lines for errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privlint.packs import builtin_pack
from privlint.taxonomy.schema import CONTEXT_KEYS, TypeSpec, Where, parse_type, string_list
from privlint.yamlio import compose_text, construct

if TYPE_CHECKING:
    import yaml

INLINE_SOURCE = "[tool.privlint] data_types"


@dataclass(slots=True)
class TaxonomySource:
    """Everything read from all taxonomy files, in order: type specs and the context word lists."""

    types: list[TypeSpec] = field(default_factory=list)
    context: dict[str, list[str]] = field(default_factory=lambda: {key: [] for key in CONTEXT_KEYS})


def builtin_files() -> list[Any]:
    """The shipped taxonomy YAML files, sorted by name."""
    folder = builtin_pack() / "taxonomy"
    return sorted((item for item in folder.iterdir() if item.name.endswith((".yml", ".yaml"))), key=lambda i: i.name)


def read_sources(files: Iterable[Any]) -> TaxonomySource:
    """Read every file (built-in first, then the project's) into one source."""
    source = TaxonomySource()
    for item in files:
        try:
            text = item.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise Where(str(item)).error(f"cannot read taxonomy file: {exc}") from exc
        _read_document(text, Where(str(item)), source)
    return source


def inline_types(extra_types: Sequence[Mapping[str, Any]]) -> list[TypeSpec]:
    """The types a project declares in its configuration, validated."""
    return [parse_type(entry, Where(f"{INLINE_SOURCE}[{index}]"), {}) for index, entry in enumerate(extra_types)]


def _read_document(text: str, where: Where, source: TaxonomySource) -> None:
    """Parse one YAML document (safe tags only) and add its types and context lists to ``source``."""
    import yaml

    loader, root = compose_text(text, where.path)
    data = construct(loader, root, where.path)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise where.error("a taxonomy file must be a mapping with a 'types' list", 1)
    lines = _key_lines(root)
    unknown = sorted(set(data) - {"types", *CONTEXT_KEYS})
    if unknown:
        raise where.error(f"unknown top-level key {unknown[0]!r}", lines.get(unknown[0]))
    for key in CONTEXT_KEYS:
        if key in data:
            source.context[key].extend(string_list(data[key], key, where, lines.get(key)))
    _read_types(data.get("types", []), _child(root, "types"), where, source)


def _read_types(entries: Any, node: yaml.Node | None, where: Where, source: TaxonomySource) -> None:
    """Validate the ``types`` list, giving each entry the line of its node."""
    import yaml

    if not isinstance(entries, list) or not isinstance(node, (yaml.SequenceNode, type(None))):
        raise Where(where.path, _line(node)).error("'types' must be a list of type mappings")
    for entry, entry_node in zip(entries, node.value if node else []):
        lines = _key_lines(entry_node) if isinstance(entry_node, yaml.MappingNode) else {}
        source.types.append(parse_type(entry, Where(where.path, _line(entry_node)), lines))


def _key_lines(node: yaml.MappingNode) -> dict[Any, int]:
    """Map each scalar key of a mapping node to the 1-based line of its value."""
    import yaml

    return {key.value: _line(value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _child(node: yaml.MappingNode, name: str) -> yaml.Node | None:
    """The value node under key ``name``."""
    return next((value for key, value in node.value if getattr(key, "value", None) == name), None)


def _line(node: yaml.Node | None) -> int | None:
    """The 1-based line where ``node`` starts."""
    return node.start_mark.line + 1 if node is not None else None


def project_files(paths: Sequence[Path]) -> list[Path]:
    """The project's taxonomy files as paths; a missing file is an error, not silence."""
    for path in paths:
        if not Path(path).is_file():
            raise Where(str(path)).error("taxonomy file not found")
    return [Path(path) for path in paths]
