"""Checks a call that the catalogue names a sink: which of its arguments leave, to which host and country."""

from __future__ import annotations

import libcst as cst

from privlint.code.catalogue import Sink
from privlint.code.context import AnalysisContext, SinkHit
from privlint.code.endpoints import REGION_REFERENCE, EndpointReader
from privlint.code.hosts import is_internal
from privlint.code.positions import Spans
from privlint.code.syntax import placed
from privlint.code.taint import Scope, Taint, union


class SinkChecker(EndpointReader):
    """Records the sink hits of a file: concrete data at once, symbolic data for the project-wide link."""

    def __init__(self, context: AnalysisContext, *, module_name: str, path: str,
                 positions: Spans, lines: list[str]) -> None:
        super().__init__(context, module_name=module_name, path=path, positions=positions, lines=lines)
        self.hits: list[SinkHit] = []
        self.pending: list[SinkHit] = []
        self.function_keys: list[str] = []  # the keys of the functions being walked, outermost first

    def check_sink(self, sink: Sink, qualified: str, node: cst.Call,
                   arguments: list[tuple[cst.Arg, Taint | None]], scope: Scope) -> None:
        """A call of a sink: report what the arguments it sends carry, unless it goes to the project's own host."""
        taint = union(taint for position, keyword, arg, taint in placed(arguments)
                      if arg.star or sink.selects(position, keyword))
        if taint is None:
            return
        host = self.request_host(node, scope) if sink.kind == "network" else None
        if host is not None and is_internal(host, self.context.internal_domains):
            return
        reference = self.url_reference_of(node, scope) if sink.kind == "network" and host is None else None
        self.report(sink, qualified, taint, node, host, self.call_country(sink, node, host, scope), reference)

    def check_switch(self, sink: Sink, qualified: str, node: cst.Call) -> None:
        """``sentry_sdk.init(send_default_pii=True)``: the library itself will send the data the switch names."""
        assert sink.switch is not None
        keyword, value = sink.switch
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == keyword and _literal_bool(arg.value) is value:
                types = frozenset(type_id for type_id in sink.sends if type_id in self.context.taxonomy.types)
                step = self.step(arg.value, f"`{keyword}={value}` makes {sink.vendor} send it with every event")
                self.report(sink, qualified, Taint(types, (step,)), node)

    def report(self, sink: Sink, qualified: str, taint: Taint, node: cst.CSTNode, host: str | None = None,
               country: str | None = None, url_reference: str | None = None) -> None:
        """Record a sink reached: concrete data now, symbolic origins for the project-wide link."""
        region_reference = country.removeprefix(REGION_REFERENCE) if country and country.startswith(
            REGION_REFERENCE) else None
        hit = SinkHit(sink=sink, qualified_name=qualified, taint=taint, location=self.location(node), host=host,
                      country=sink.country if region_reference else country or sink.country,
                      url_reference=url_reference, region_reference=region_reference,
                      function=self.function_keys[-1] if self.function_keys else None)
        if taint.types:
            self.hits.append(hit)
        if taint.symbols:
            self.pending.append(hit)


def _literal_bool(node: cst.BaseExpression) -> bool | None:
    return {"True": True, "False": False}.get(node.value) if isinstance(node, cst.Name) else None
