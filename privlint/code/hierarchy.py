"""The project's class hierarchy, and the exception classes whose raise puts no personal data where it leaks."""

from __future__ import annotations

from typing import Iterable

from privlint.code.catalogue import SinkCatalogue

# Handlers registered for every request (``@app.errorhandler``) answer a raise anywhere; an except clause in a
# method answers what is raised in the methods of its class and of the classes deriving from it.
EVERYWHERE = ""


class ExemptExceptions:
    """Which raised classes carry no leak in their message: the catalogue's exempt exceptions (validation errors,
    HTTP client errors, configuration errors...) and every project class deriving from one; and the project's
    classes that its handlers only show the requester (``answered``: (class, where the handler answers it))."""

    def __init__(self, class_bases: Iterable[tuple[str, tuple[str, ...]]], catalogue: SinkCatalogue,
                 answered: Iterable[tuple[str, str]] = ()) -> None:
        self._catalogue = catalogue
        self._bases = dict(class_bases)
        # A project class is named by the module defining it or by one importing it (a package's __init__):
        # classes are matched here by their own name.
        self._parents: dict[str, set[str]] = {}
        for key, parents in self._bases.items():
            self._parents.setdefault(_last(key), set()).update(_last(parent) for parent in parents)
        self._answered: dict[str, set[str]] = {}
        for name, where in answered:
            self._answered.setdefault(_last(name), set()).add(_last(where) if where else EVERYWHERE)
        self._exempt: set[str] = set()
        changed = True
        while changed:
            changed = False
            for key, parents in self._bases.items():
                if key not in self._exempt and any(self._matches(parent) for parent in parents):
                    self._exempt.add(key)
                    changed = True

    def exempts(self, qualified: str, function: str | None = None) -> bool:
        """Whether a raise of ``qualified`` in ``function`` (a function key) puts no personal data where it
        leaks."""
        if self._matches(qualified):
            return True
        places = {place for name in self._lineage(_last(qualified)) for place in self._answered.get(name, ())}
        if not places:
            return False
        owner = function.rsplit(".", 1)[0] if function else ""
        return EVERYWHERE in places or bool(places & self._lineage(_last(owner)))

    def _lineage(self, name: str) -> set[str]:
        """A class's own name and its ancestors' names, as far as the project defines them."""
        found = {name}
        todo = [name]
        while todo:
            for parent in self._parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        return found

    def _matches(self, name: str) -> bool:
        if self._catalogue.is_exempt_exception(name) or name in self._exempt:
            return True
        return any(key.endswith(f".{name}") or name.endswith(f".{key}") for key in self._exempt if "." in name)


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]
