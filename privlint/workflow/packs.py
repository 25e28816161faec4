"""Rule packs installed as Python packages, found through the entry-point group ``privlint.rules``."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from privlint.errors import ConfigError, RuleError

ENTRY_POINT_GROUP = "privlint.rules"


def installed_packs() -> dict[str, importlib.metadata.EntryPoint]:
    """Installed rule packs by entry-point name (the name a project lists in ``packs``)."""
    return {point.name: point for point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}


def installed_pack_folder(name: str) -> Path:
    """The folder of the installed pack ``name``: the entry point names a module (its folder) or a path."""
    installed = installed_packs()
    if name not in installed:
        known = ", ".join(sorted({"core", *installed}))
        raise ConfigError(f"unknown rule pack {name!r} in packs (available: {known})")
    point = installed[name]
    where = f"entry point {point.name} = {point.value} (group {ENTRY_POINT_GROUP})"
    try:
        target = point.load()
    except Exception as error:  # noqa: BLE001 - any failure to import a third-party pack is that pack's error
        raise RuleError(f"cannot load rule pack: {error}", path=where) from None
    module_file = getattr(target, "__file__", None)
    if isinstance(module_file, str):
        folder = Path(module_file).parent
    elif isinstance(target, (str, Path)):
        folder = Path(target)
    else:
        raise RuleError("a rule pack entry point must name a module or a folder path", path=where)
    if not folder.is_dir():
        raise RuleError(f"rule pack folder {folder} is not a directory", path=where)
    return folder
