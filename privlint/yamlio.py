"""Safe YAML loading that remembers the line of every mapping, so errors can point at it, and that refuses
documents whose aliases expand past a size limit (an alias bomb) or into themselves."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privlint.errors import RuleError

if TYPE_CHECKING:
    import yaml


class LineDict(dict):
    """A mapping read from YAML that knows the 1-based line it started on."""

    line: int = 0


MAX_EXPANDED_NODES = 1_000_000


def safe_loader() -> type:
    """The safe loader class (LibYAML's when installed); PyYAML is imported only when YAML is read."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=1)
def _line_loader() -> type:
    import yaml

    def construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
        mapping = LineDict(loader.construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        return mapping

    class LineLoader(safe_loader()):  # type: ignore[misc]
        """Safe loader (LibYAML's when installed) whose mappings are LineDicts."""

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return LineLoader


def load_yaml(path: Path) -> Any:
    """Parse one YAML file with safe semantics; a syntax error is a RuleError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"cannot read rule file: {error}", path=str(path)) from None
    return load_text(text, str(path), _line_loader())


def load_text(text: str, where: str, loader_class: type | None = None) -> Any:
    """Parse YAML text with a safe loader, checking its expanded size before building anything."""
    loader, node = compose_text(text, where, loader_class)
    return construct(loader, node, where)


def compose_text(text: str, where: str, loader_class: type | None = None) -> tuple[Any, yaml.Node | None]:
    """The loader and the node graph of one document (read with ``loader_class``, the safe loader unless given);
    a RuleError naming ``where`` for bad or explosive YAML."""
    import yaml

    loader = (loader_class or safe_loader())(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        raise _invalid(error, where) from None
    if node is not None and "&" in text:  # without an anchor there is no alias to expand
        _check_expansion(node, where)
    return loader, node


def construct(loader: Any, node: yaml.Node | None, where: str) -> Any:
    """The Python data of a composed (and checked) document."""
    import yaml

    if node is None:
        return None
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        raise _invalid(error, where) from None
    finally:
        loader.dispose()


def _invalid(error: yaml.YAMLError, where: str) -> RuleError:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(error, "problem", None) or str(error)
    return RuleError(f"invalid YAML: {problem}", path=where, line=line)


def _check_expansion(root: yaml.Node, where: str) -> None:
    """Count the nodes the document has once every alias is expanded; refuse it past MAX_EXPANDED_NODES."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = size = 1 + sum(sizes[id(child)] for child in children)
            if size > MAX_EXPANDED_NODES:
                raise RuleError(f"YAML aliases expand to over {MAX_EXPANDED_NODES:,} nodes; refused", path=where,
                                line=node.start_mark.line + 1)
            continue
        if id(node) in open_nodes:
            raise RuleError("a YAML alias refers to a node that contains it", path=where,
                            line=node.start_mark.line + 1)
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []


def line_of(value: Any) -> int | None:
    """The line a YAML mapping started on, when known."""
    return getattr(value, "line", None) or None
