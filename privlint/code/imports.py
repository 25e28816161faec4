"""Turns import statements into a table of local names and the qualified names they stand for."""

from __future__ import annotations

import libcst as cst


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, None for anything else (calls, subscripts...)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def import_aliases(statement: cst.Import | cst.ImportFrom, module: str) -> dict[str, str]:
    """Local names bound by one import statement, mapped to qualified names.

    ``module`` is the dotted name of the importing file, used to resolve relative imports.
    """
    if isinstance(statement, cst.Import):
        return _plain_import(statement)
    return _from_import(statement, module)


def _plain_import(statement: cst.Import) -> dict[str, str]:
    aliases = {}
    for alias in statement.names:
        full = dotted_name(alias.name) or ""
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            aliases[alias.asname.name.value] = full
        else:
            top = full.split(".", 1)[0]
            aliases[top] = top
    return aliases


def _from_import(statement: cst.ImportFrom, module: str) -> dict[str, str]:
    base = dotted_name(statement.module) if statement.module is not None else ""
    if statement.relative:
        package = module.split(".")
        package = package[: max(len(package) - len(statement.relative), 0)]
        base = ".".join(part for part in (*package, base) if part)
    if isinstance(statement.names, cst.ImportStar):
        return {}
    aliases = {}
    for alias in statement.names:
        name = dotted_name(alias.name) or ""
        local = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) else name
        aliases[local] = f"{base}.{name}" if base else name
    return aliases
