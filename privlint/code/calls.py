"""Resolves what a call calls: a qualified name through imports, aliases and the types of receivers."""

from __future__ import annotations

import builtins

import libcst as cst

from privlint.code.catalogue import SinkCatalogue
from privlint.code.imports import dotted_name
from privlint.code.taint import Scope

BUILTIN_NAMES = frozenset(dir(builtins))


class CallResolver:
    """Names calls the way rule files do: ``import requests as r; r.post`` is ``requests.post``."""

    def __init__(self, catalogue: SinkCatalogue, module_name: str = "",
                 project_roots: frozenset[str] = frozenset()) -> None:
        self.catalogue = catalogue
        self.module_name = module_name
        self.project_roots = project_roots
        self.module_classes: set[str] = set()

    def resolve_callee(self, func: cst.BaseExpression, scope: Scope) -> str | None:
        """The qualified name of the called function or method, or None when it cannot be named."""
        dotted = dotted_name(func)
        if dotted is not None:
            return self.resolve_dotted(dotted, scope)
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Call):
            receiver_type = self.call_type(func.value, scope)
            if receiver_type is not None:
                return f"{receiver_type}.{func.attr.value}"
        return None

    def resolve_dotted(self, dotted: str, scope: Scope) -> str:
        """``logger.info`` -> ``logging.Logger.info`` when ``logger`` is known to be a Logger, and so on."""
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            prefix = ".".join(parts[:cut])
            rest = parts[cut:]
            known = scope.find("types", prefix) or scope.find("aliases", prefix)
            if known is not None:
                return self._project_receiver(known, rest) or ".".join([known, *rest])
        hinted = self.catalogue.receivers.get(parts[-2]) if len(parts) > 1 else None
        if hinted is not None:
            return f"{hinted}.{parts[-1]}"
        if len(parts) == 1 and dotted in BUILTIN_NAMES and not scope.lookup(dotted)[0]:
            return f"builtins.{dotted}"
        return dotted

    def _project_receiver(self, known: str, rest: list[str]) -> str | None:
        """``from app.log import LOGGER; LOGGER.info(...)``: a project's own module-level object whose name is a
        receiver hint (``LOGGER``, ``logger``) is taken to be of the hinted type."""
        head, _, last = known.rpartition(".")
        hinted = self.catalogue.receivers.get(last)
        if hinted is None or len(rest) != 1 or head.split(".", 1)[0] not in self.project_roots:
            return None
        return f"{hinted}.{rest[0]}"

    def call_type(self, call: cst.Call, scope: Scope) -> str | None:
        """The type a call returns, when the catalogue knows it or the callee is a class."""
        qualified = self.resolve_callee(call.func, scope)
        if qualified is None:
            return None
        known = self.catalogue.returns.get(qualified)
        if known is not None:
            return known
        return self.class_named(qualified) or _fetched_model(qualified)

    def class_named(self, qualified: str) -> str | None:
        """``qualified`` when it names a class: an imported one, or one this module defines (made qualified)."""
        if qualified in self.module_classes:
            return f"{self.module_name}.{qualified}"
        last = qualified.rsplit(".", 1)[-1]
        return qualified if last[:1].isupper() and "." in qualified else None


ORM_SINGLE_ROW = frozenset({"get", "create", "first", "last", "latest", "earliest", "get_object_or_404"})
ORM_QUERYSET = frozenset({"filter", "exclude", "all", "order_by", "select_related", "prefetch_related",
                          "only", "defer", "distinct", "using", "annotate", "select_for_update"})


def _fetched_model(qualified: str) -> str | None:
    """``Customer.objects.get`` returns a ``Customer``; ``Customer.objects.filter`` returns more of the same
    manager, so ``Customer.objects.filter(...).update(...)`` is named ``Customer.objects.update``."""
    parts = qualified.split(".")
    if len(parts) < 3 or parts[-2] != "objects" or not parts[-3][:1].isupper():
        return None
    if parts[-1] in ORM_SINGLE_ROW:
        return ".".join(parts[:-2])
    return ".".join(parts[:-1]) if parts[-1] in ORM_QUERYSET else None
