"""Where the enabled rule packs are: the built-in pack's folder, installed packs' and the project's, and their files."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from privlint.errors import RuleError


def builtin_pack() -> Path:
    """The folder of the built-in rule pack, installed as the package ``privlint.rules``."""
    import privlint.rules

    return Path(privlint.rules.__file__).parent


def pack_dirs(packs: Iterable[str], rule_paths: Iterable[Path]) -> list[Path]:
    """The enabled pack folders: ``core`` and installed packs named in ``packs``, then every project rule path."""
    folders = [builtin_pack() if name == "core" else _installed_pack_folder(name) for name in dict.fromkeys(packs)]
    for folder in rule_paths:
        if not folder.is_dir():
            raise RuleError("rule path is not a directory", path=str(folder))
        folders.append(folder)
    return folders


def _installed_pack_folder(name: str) -> Path:
    """An installed pack's folder (entry points are looked up only when a project names such a pack)."""
    from privlint.workflow.packs import installed_pack_folder

    return installed_pack_folder(name)


def pack_files(folders: Iterable[Path], section: str) -> list[Path]:
    """All YAML files of one section (``code``, ``sinks``, ``taxonomy``) of the given packs, in stable order."""
    files: list[Path] = []
    for folder in folders:
        files.extend(sorted((folder / section).glob("*.yml")))
    return files
