"""What the analysis of one file needs to know: taxonomy, sink catalogue, project settings."""

from __future__ import annotations

from dataclasses import dataclass

from privlint.code.catalogue import Sink, SinkCatalogue
from privlint.code.screen import Screen
from privlint.code.taint import Taint
from privlint.findings import Location
from privlint.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class AnalysisContext:
    """Shared, read-only inputs of every file's analysis."""

    taxonomy: Taxonomy
    catalogue: SinkCatalogue
    internal_domains: tuple[str, ...] = ()
    project_roots: frozenset[str] = frozenset()
    home_region: str | None = None
    screen: Screen | None = None


@dataclass(frozen=True, slots=True)
class SinkHit:
    """Data reaching a sink: what reached it, where, and through which call.

    Its taint may be symbolic (a parameter, a helper's return value): such hits are resolved into concrete
    ones when the whole project is linked. Data a caller passes into a helper that sends it is reported at the
    caller's call (``location``); ``sink_location`` is then where the helper sends it.
    """

    sink: Sink
    qualified_name: str
    taint: Taint
    location: Location
    host: str | None = None
    country: str | None = None
    url_reference: str | None = None
    sink_location: Location | None = None
    region_reference: str | None = None
    function: str | None = None  # the key of the function the sink is reached in

    @property
    def sink_at(self) -> Location:
        """Where the data reaches the sink (the helper's call, for data a caller passed in)."""
        return self.sink_location or self.location


@dataclass(frozen=True, slots=True)
class CollectionHit:
    """Personal data entering the code: from a request, a schema field, a route parameter or a literal."""

    data_type: str
    origin: str
    location: Location
    detail: str
