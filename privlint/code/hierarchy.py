"""The project's exception classes that derive, in any module and at any depth, from an exempt exception."""

from __future__ import annotations

from typing import Iterable

from privlint.code.catalogue import SinkCatalogue


class ExemptExceptions:
    """Which raised classes carry no leak in their message: the catalogue's exempt exceptions (validation errors,
    HTTP client errors, configuration errors...), the project's classes that its handlers only show the requester
    (``answered``), and every project class deriving from one."""

    def __init__(self, class_bases: Iterable[tuple[str, tuple[str, ...]]], catalogue: SinkCatalogue,
                 answered: Iterable[str] = ()) -> None:
        self._catalogue = catalogue
        # A project class is named by the module that defines it or by one that imports it (a package's
        # ``__init__``): answered classes are matched by their own name.
        self._answered = frozenset(name.rsplit(".", 1)[-1] for name in answered)
        bases = dict(class_bases)
        self._exempt: set[str] = set()
        changed = True
        while changed:
            changed = False
            for key, parents in bases.items():
                if key not in self._exempt and any(self._matches(parent) for parent in parents):
                    self._exempt.add(key)
                    changed = True

    def exempts(self, qualified: str) -> bool:
        """Whether a raise of ``qualified`` puts no personal data where it leaks."""
        return self._matches(qualified)

    def _matches(self, name: str) -> bool:
        if (self._catalogue.is_exempt_exception(name) or name in self._exempt
                or name.rsplit(".", 1)[-1] in self._answered):
            return True
        return any(key.endswith(f".{name}") or name.endswith(f".{key}") for key in self._exempt if "." in name)
