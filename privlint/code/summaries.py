"""Function summaries and call sites of the whole project, linked to find flows across functions and modules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from privlint.code.context import SinkHit
from privlint.code.methods import Callees, suffix_index
from privlint.code.taint import HASHED_IDENTIFIER, Symbol, Taint, union
from privlint.findings import FlowStep, Location

MAX_DEPTH = 8
MAX_ORIGINS = 16
# The class an otherwise untyped ``user`` or ``request.user`` is: the project's Django user model.
USER_MODEL = "<user-model>"
# The calls a return value is being followed through, outermost first: each with its callee's summary.
Bindings = tuple[tuple["CallSite", "FunctionSummary"], ...]
# Data reaching a point, where it entered the project's functions from a caller (None: no call carried it), and
# whether a call on its way was inside a try block with handlers (an exception raised with it is caught there).
Origin = tuple[Taint, "Location | None", bool]


@dataclass(frozen=True, slots=True)
class CallSite:
    """A call into the project's own code, with the taint of each argument."""

    call_id: str
    callee: str
    arguments: tuple[tuple[int | None, str | None, Taint | None], ...]
    location: Location
    guarded: bool = False  # inside a try block with handlers: an exception the callee raises is caught
    caught: frozenset[str] = frozenset()  # what those handlers catch and contain (last names, ``*`` for all)
    literals: tuple[tuple[int | None, str | None, str], ...] = ()  # string literals passed, by position/keyword


@dataclass(frozen=True, slots=True)
class FunctionSummary:
    """What one function does with its parameters: its parameters' names and what it returns."""

    key: str
    params: tuple[str, ...]
    is_method: bool
    returns: Taint | None
    items: tuple[Taint | None, ...] | None = None  # what each element of the returned tuple carries
    positional: int | None = None  # how many parameters take arguments by position (None: all of them)


@dataclass(frozen=True, slots=True)
class SchemaSummary:
    """A model, schema or dataclass whose fields hold personal data: what an instance of it carries, and what
    its string form shows (``__str__``, or a Django user model's USERNAME_FIELD), when known."""

    key: str
    carries: Taint
    shown: Taint | None = None
    user_model: bool = False  # a Django user model: what ``request.user`` and a bare ``user`` are


class Linker:
    """Resolves symbolic origins against every summary and call site of the project."""

    def __init__(self, summaries: Iterable[FunctionSummary], call_sites: Iterable[CallSite],
                 schemas: Iterable[SchemaSummary] = (), classify: Callable[[str], str | None] = lambda key: None,
                 class_bases: Iterable[tuple[str, tuple[str, ...]]] = ()) -> None:
        self._classify = classify
        self._summaries = suffix_index({summary.key: summary for summary in summaries})
        schemas = list(schemas)
        self._schemas = suffix_index({schema.key: schema for schema in schemas})
        self._schemas.update({USER_MODEL: schema for schema in schemas if schema.user_model})
        callees = Callees(self._summaries, class_bases)
        self._calls: dict[str, CallSite] = {}
        self._callees: dict[str, FunctionSummary] = {}
        self._callers: dict[str, list[CallSite]] = defaultdict(list)
        for site in call_sites:
            self._calls[site.call_id] = site
            summary = callees.find(site.callee)
            if summary is not None:
                self._callees[site.call_id] = summary
                self._callers[summary.key].append(site)
        self._memo: dict[Symbol, list[Origin]] = {}

    def caught_by_every_caller(self, function_key: str, exception: str) -> bool:
        """Whether the project calls the function and every call is inside a try block whose handlers catch and
        contain ``exception`` (a last name): what the function raises never leaves its callers."""
        sites = self._callers.get(function_key)
        return bool(sites) and all(exception in site.caught or "*" in site.caught or
                                   {"Exception", "BaseException"} & site.caught for site in sites)

    def called_only_from(self, function_key: str, paths: frozenset[str], ignored: Callable[[str], bool]) -> bool:
        """Whether the project calls the function, and only from the files ``paths`` (calls from the files
        ``ignored`` says, its tests, left out)."""
        sites = [site for site in self._callers.get(function_key, ()) if not ignored(site.location.path)]
        return bool(sites) and all(site.location.path in paths for site in sites)

    def resolve(self, pending: SinkHit) -> list[SinkHit]:
        """Concrete flows into a sink reached by symbolic data, one hit per origin found. Data passed into a
        project function is reported where it enters (the outermost call site), with the sink as last step."""
        hits = []
        for symbol, path in pending.taint.symbols:
            for origin, entry, caught in self._expand(symbol, frozenset()):
                if caught and pending.sink.kind == "exception":
                    continue
                taint = Taint(origin.types, (*origin.steps, *path))
                if entry is None:
                    hits.append(replace(pending, taint=taint))
                else:
                    hits.append(replace(pending, taint=taint, location=entry, sink_location=pending.location))
        return hits

    def _expand(self, symbol: Symbol, seen: frozenset[Symbol]) -> list[Origin]:
        if symbol in seen or len(seen) >= MAX_DEPTH:
            return []
        if symbol in self._memo:
            return self._memo[symbol]
        seen = seen | {symbol}
        if symbol[0] == "hashed":
            found = [_hashed(origin) for origin in self._expand(symbol[1:], seen)]
        elif symbol[0] == "param":
            found = self._expand_parameter(symbol[1], symbol[2], seen)
        elif symbol[0] == "key":
            found = self._expand_keyed(symbol[1], symbol[2], symbol[3], seen)
        elif symbol[0] == "instance":
            found = [(data, None, False) for data in _instance_data(self._schemas.get(symbol[1]))]
        elif symbol[0] == "item":
            found = self._expand_return(symbol[1], seen, item=symbol[2])
        else:
            found = self._expand_return(symbol[1], seen)
        found = found[:MAX_ORIGINS]
        if len(seen) == 1:
            self._memo[symbol] = found
        return found

    def _expand_parameter(self, function_key: str, index: int, seen: frozenset[Symbol]) -> list[Origin]:
        """What the callers pass for a parameter; data a caller has of its own enters at that caller's call."""
        summary = self._summaries[function_key]
        origins: list[Origin] = []
        for site in self._callers.get(function_key, []):
            argument = _argument(site, summary, index)
            if argument is not None:
                step = FlowStep(location=site.location,
                                message=f"passed to `{site.callee}` as `{summary.params[index]}`")
                origins.extend((Taint(origin.types, (*origin.steps, step)), entry or site.location,
                                caught or site.guarded)
                               for origin, entry, caught in self._concrete(argument, seen))
        return origins

    def _expand_keyed(self, function_key: str, container: int, key: int, seen: frozenset[Symbol]) -> list[Origin]:
        """What a helper reads from a parameter under a key its callers name: what each caller's key names
        (``get_required(params, "email")``), else what the caller's container holds."""
        summary = self._summaries[function_key]
        origins: list[Origin] = []
        for site in self._callers.get(function_key, []):
            origins.extend((taint, entry or site.location, caught or site.guarded)
                           for taint, entry, caught in self._keyed_at(site, summary, container, key, seen, ()))
        return origins

    def _keyed_at(self, site: CallSite, summary: FunctionSummary, container: int, key: int,
                  seen: frozenset[Symbol], bound: Bindings) -> list[Origin]:
        """The value ``summary``'s keyed read takes for the call ``site`` (``bound``: the calls around it)."""
        literal = _literal(site, summary, key)
        if literal is not None:
            type_id = self._classify(literal)
            if type_id is None:
                return []
            step = FlowStep(location=site.location, message=f"read under the key `{literal}` from `{site.callee}`")
            return [(Taint(frozenset({type_id}), (step,)), None, False)]
        key_argument = _argument(site, summary, key)
        container_argument = _argument(site, summary, container)
        outer = _single_parameter(key_argument), _single_parameter(container_argument)
        if outer[0] is not None and outer[1] is not None and outer[0][1] == outer[1][1]:
            symbol = ("key", outer[0][1], outer[1][2], outer[0][2])
            return self._bound_origins(symbol, seen, bound)
        return self._concrete(container_argument, seen, bound) if container_argument is not None else []

    def _expand_return(self, call_id: str, seen: frozenset[Symbol], bound: Bindings = (),
                       item: int | None = None) -> list[Origin]:
        """What the call ``call_id`` returns (element ``item`` of the returned tuple, when the callee returns
        tuples). Inside the callee, its parameters are the arguments of this very call (and of the calls
        ``bound`` around it), never those of the callee's other callers."""
        site = self._calls.get(call_id)
        summary = self._callees.get(call_id)
        if site is None or summary is None:
            return []
        returned = summary.returns
        if item is not None and summary.items is not None:
            returned = summary.items[item] if item < len(summary.items) else None
        if returned is None:
            return []
        return self._concrete(returned, seen, (*bound, (site, summary)))

    def _concrete(self, taint: Taint, seen: frozenset[Symbol], bound: Bindings = ()) -> list[Origin]:
        origins: list[Origin] = [(Taint(taint.types, taint.steps), None, False)] if taint.types else []
        for symbol, path in taint.symbols:
            origins.extend((Taint(origin.types, (*origin.steps, *path)), entry, caught)
                           for origin, entry, caught in self._bound_origins(symbol, seen, bound))
        return origins

    def _bound_origins(self, symbol: Symbol, seen: frozenset[Symbol], bound: Bindings) -> list[Origin]:
        """Expand ``symbol`` where ``bound`` names the calls being returned through, innermost last."""
        if symbol[0] == "hashed":
            return [_hashed(origin) for origin in self._bound_origins(symbol[1:], seen, bound)]
        if symbol[0] in ("param", "key"):
            for depth in range(len(bound) - 1, -1, -1):
                site, summary = bound[depth]
                if summary.key != symbol[1]:
                    continue
                if symbol[0] == "key":
                    return self._keyed_at(site, summary, symbol[2], symbol[3], seen, bound[:depth])
                argument = _argument(site, summary, symbol[2])
                return self._concrete(argument, seen, bound[:depth]) if argument is not None else []
        if symbol[0] in ("ret", "item") and bound and symbol not in seen and len(seen) < MAX_DEPTH:
            item = symbol[2] if symbol[0] == "item" else None
            return self._expand_return(symbol[1], seen | {symbol}, bound, item)[:MAX_ORIGINS]
        return self._expand(symbol, seen)


def _hashed(origin: Origin) -> Origin:
    """An origin seen through a plain hash: the person's data becomes a hashed identifier."""
    taint, entry, caught = origin
    return (Taint(frozenset({HASHED_IDENTIFIER}), taint.steps) if taint.types else taint), entry, caught


def _instance_data(schema: SchemaSummary | None) -> list[Taint]:
    """What an instance used whole carries: its string form when the class defines one, else its fields."""
    if schema is None:
        return []
    data = schema.carries if schema.shown is None else schema.shown
    return [data] if data.types else []


def _argument(site: CallSite, summary: FunctionSummary, index: int) -> Taint | None:
    """The taint of the argument a call site passes for parameter ``index`` of ``summary`` (of all the arguments
    ``*args`` or ``**kwargs`` take)."""
    return union(taint for position, keyword, taint in site.arguments if _passes(summary, index, position, keyword))


def _literal(site: CallSite, summary: FunctionSummary, index: int) -> str | None:
    """The string literal a call site passes for parameter ``index`` of ``summary``, if it passes one."""
    return next((value for position, keyword, value in site.literals
                 if _passes(summary, index, position, keyword)), None)


def _passes(summary: FunctionSummary, index: int, position: int | None, keyword: str | None) -> bool:
    """Whether an argument given at ``position`` (or as ``keyword``) is parameter ``index`` of ``summary``:
    ``*args`` takes every position past the named ones, ``**kwargs`` every keyword no parameter names."""
    offset = 1 if summary.is_method else 0
    name = summary.params[index] if index < len(summary.params) else None
    positional = len(summary.params) if summary.positional is None else summary.positional
    if name is not None and name.startswith("**"):
        return keyword is not None and keyword not in summary.params
    if name is not None and name.startswith("*"):
        return position is not None and position + offset >= positional
    return (keyword is not None and keyword == name) or (position is not None and position + offset == index
                                                         and index < positional)


def _single_parameter(taint: Taint | None) -> Symbol | None:
    """The ("param", function, index) symbol of an argument that is just the caller's own parameter."""
    if taint is None or taint.types or len(taint.symbols) != 1 or taint.symbols[0][0][0] != "param":
        return None
    return taint.symbols[0][0]
