"""Which project function a call calls: by its key, through the class hierarchy, or, for an object of unknown
type, through the one project class the object's name names."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Iterable, Mapping, TypeVar

if TYPE_CHECKING:
    from privlint.code.summaries import FunctionSummary

# The callee of a method call on an object of unknown type, by the name it is kept under:
# ``self.translation.log_info(...)`` calls ``ANY_RECEIVER.translation.log_info``.
ANY_RECEIVER = "*"
MAX_BASES = 32
Value = TypeVar("Value")


class Callees:
    """Finds the summary a call site's callee names, when the project defines it."""

    def __init__(self, summaries: Mapping[str, FunctionSummary],
                 class_bases: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self._summaries = summaries
        bases = dict(class_bases)
        self._bases = suffix_index(bases)
        classes = set(bases)
        classes.update(summary.key.rsplit(".", 1)[0] for summary in summaries.values() if summary.is_method)
        named: dict[str, set[str]] = defaultdict(set)
        for key in classes:
            named[snake_case(key.rsplit(".", 1)[-1])].add(key)
        self._named = {name: next(iter(keys)) for name, keys in named.items() if len(keys) == 1}

    def find(self, callee: str) -> FunctionSummary | None:
        """``pkg.mod.Class.method`` defined by the class or inherited from one of its bases;
        ``*.translation.log_info`` when one class of the project is named ``Translation``."""
        found = self._summaries.get(callee)
        if found is not None:
            return found
        owner, _, method = callee.rpartition(".")
        if owner.startswith(f"{ANY_RECEIVER}."):
            owner = self._named.get(owner[len(ANY_RECEIVER) + 1:], "")
            found = self._summaries.get(f"{owner}.{method}") if owner else None
            if found is not None:
                return found
        return self._inherited(owner, method) if owner else None

    def _inherited(self, owner: str, method: str) -> FunctionSummary | None:
        """The method as the nearest base class defines it (breadth first, a bounded number of classes)."""
        queue = list(self._bases.get(owner, ()))
        seen: set[str] = set()
        while queue and len(seen) < MAX_BASES:
            base = queue.pop(0)
            if base in seen:
                continue
            seen.add(base)
            found = self._summaries.get(f"{base}.{method}")
            if found is not None and found.is_method:
                return found
            queue.extend(self._bases.get(base, ()))
        return None


def suffix_index(items: Mapping[str, Value]) -> dict[str, Value]:
    """``items`` by full dotted key and by every shorter dotted suffix that stays unique (``src.pkg.mod.f`` as
    ``pkg.mod.f``)."""
    index: dict[str, Value] = dict(items)
    owners: dict[str, str] = {}
    ambiguous: set[str] = set()
    for key, value in items.items():
        parts = key.split(".")
        for cut in range(1, len(parts) - 1):
            suffix = ".".join(parts[cut:])
            if suffix in owners and owners[suffix] != key:
                ambiguous.add(suffix)
            owners.setdefault(suffix, key)
            index.setdefault(suffix, value)
    for suffix in ambiguous:
        if suffix not in items:
            del index[suffix]
    return index


def snake_case(class_name: str) -> str:
    """``DeviceHandler`` -> ``device_handler``: the name an instance of a class is usually kept under."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", class_name).lower()
