"""Taint values (which personal data a value carries, and the steps that brought it) and scopes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from privlint.findings import FlowStep

MAX_STEPS = 12
HASHED_IDENTIFIER = "hashed-identifier"

# A symbolic origin, resolved when the whole project is linked:
# - ("param", function_key, index): a function's parameter;
# - ("key", function_key, container_index, key_index): what a function reads from one of its parameters under a
#   key another parameter names (each caller's key decides what the value is);
# - ("ret", call_id): the value a call returned; ("item", call_id, index): element ``index`` of it, unpacked;
# - ("instance", class_key): an instance of a project class, which carries what its schema's fields hold;
# - ("hashed", *symbol): a plain hash of what ``symbol`` resolves to (a hashed identifier).
Symbol = tuple


@dataclass(frozen=True, slots=True)
class Taint:
    """The personal data a value carries, with the path it took, and the symbolic origins it may also carry."""

    types: frozenset[str]
    steps: tuple[FlowStep, ...]
    symbols: tuple[tuple[Symbol, tuple[FlowStep, ...]], ...] = ()

    def then(self, step: FlowStep) -> "Taint":
        """The same data, one step further along its path."""
        return Taint(self.types, _extend(self.steps, step),
                     tuple((symbol, _extend(steps, step)) for symbol, steps in self.symbols))

    @property
    def concrete(self) -> bool:
        return bool(self.types)


def hashed(taint: Taint | None, step: FlowStep) -> Taint | None:
    """A plain hash of personal data: a hashed identifier, which only sinks that match hashes to people report
    (its symbolic origins become ``("hashed", *symbol)``: whatever they resolve to, hashed)."""
    if taint is None or not (taint.types or taint.symbols):
        return None
    types = frozenset({HASHED_IDENTIFIER}) if taint.types else frozenset()
    symbols = tuple((("hashed", *symbol), steps) for symbol, steps in taint.symbols)
    return Taint(types, taint.steps, symbols).then(step)


def symbolic(symbol: Symbol, step: FlowStep) -> Taint:
    """A value whose personal data is only known once ``symbol`` is resolved."""
    return Taint(frozenset(), (), ((symbol, (step,)),))


def _extend(steps: tuple[FlowStep, ...], step: FlowStep) -> tuple[FlowStep, ...]:
    return steps if len(steps) >= MAX_STEPS else (*steps, step)


def union(taints: Iterable[Taint | None]) -> Taint | None:
    """All the data the given values carry; for each origin the first path is kept."""
    present = [taint for taint in taints if taint is not None]
    if not present:
        return None
    if len(present) == 1:
        return present[0]
    types = frozenset().union(*(taint.types for taint in present))
    steps = next((taint.steps for taint in present if taint.types), ())
    symbols: dict[Symbol, tuple[FlowStep, ...]] = {}
    for taint in present:
        for symbol, path in taint.symbols:
            symbols.setdefault(symbol, path)
    return Taint(types, steps, tuple(symbols.items()))


def item_of(taint: Taint | None, index: int) -> Taint | None:
    """The part of a value that the ``index``-th target of an unpacking receives: what a project function
    returns in that position (``("item", call_id, index)``), and all of the rest."""
    if taint is None:
        return None
    symbols = tuple(((("item", symbol[1], index) if symbol[0] == "ret" else symbol), path)
                    for symbol, path in taint.symbols)
    return Taint(taint.types, taint.steps, symbols)


@dataclass(slots=True)
class Scope:
    """Names visible in one function, class or module body: their taint, static type and import target.

    ``values`` holds what a name may hold once every branch walked so far has merged; ``branches`` holds, for
    each branch body being walked (innermost last), the names assigned in it so far: (what the name held when
    the branch first assigned it, what it holds now). Inside a branch a name holds what it was last assigned
    there: ``msg = f"... {email}"`` then, later in the same body, ``msg = "done"; log(msg)`` logs no e-mail.
    """

    parent: "Scope | None" = None
    values: dict[str, Taint | None] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    conditional: int = 0
    branches: list[dict[str, tuple[Taint | None, Taint | None]]] = field(default_factory=list)

    def child(self) -> "Scope":
        return Scope(parent=self)

    def lookup(self, name: str) -> tuple[bool, Taint | None]:
        """Whether ``name`` is bound in this scope chain, and its taint."""
        scope: Scope | None = self
        while scope is not None:
            for assigned in reversed(scope.branches):
                if name in assigned:
                    return True, assigned[name][1]
            if name in scope.values:
                return True, scope.values[name]
            scope = scope.parent
        return False, None

    def find(self, table: str, name: str) -> str | None:
        """Look ``name`` up in ``types``, ``aliases``, ``constants`` or ``regions`` along the scope chain."""
        scope: Scope | None = self
        while scope is not None:
            found = getattr(scope, table).get(name)
            if found is not None:
                return found
            scope = scope.parent
        return None

    def bind(self, name: str, taint: Taint | None) -> None:
        """Assign; inside a branch or loop the old taint is kept too (the branch may not run), except for the
        rest of the branch body itself."""
        if self.conditional:
            _, now = self.lookup(name)
            if self.branches:
                assigned = self.branches[-1]
                assigned[name] = (assigned[name][0] if name in assigned else now, taint)
            merged = self.values[name] if name in self.values else now
            taint = union((merged, taint))
        self.values[name] = taint

    def open_branch(self) -> None:
        """A branch body starts (an if or elif body, a loop body, a try body with its else, a handler...)."""
        self.branches.append({})

    def close_branch(self) -> None:
        """A branch body ends: after it a name holds what it held before the branch or what the branch left."""
        assigned = self.branches.pop()
        if not self.branches:
            return
        outer = self.branches[-1]
        for name, (before, after) in assigned.items():
            outer[name] = (outer[name][0] if name in outer else before, union((before, after)))
