"""The data map's content, independent of its format: tables of collection, destinations and transfers, and the
flow graph from the code to each destination (edges labelled with the data, abroad and sensitive marked)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from privlint.findings import Finding, Report

TRANSFER_KINDS = ("logging", "exception", "third-party", "network", "cookie", "storage", "cross-border")
Place = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Table:
    """One section: a title, column names, and rows whose last cell is the places it was seen."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], tuple[Place, ...]], ...]


@dataclass(frozen=True, slots=True)
class Edge:
    """Personal data flowing from the code to one destination."""

    destination: str
    data: tuple[str, ...]
    abroad: bool
    sensitive: bool


@dataclass(frozen=True, slots=True)
class DataMap:
    """Everything a data map shows."""

    files_scanned: int
    tables: tuple[Table, ...]
    edges: tuple[Edge, ...]
    policies: tuple[Mapping[str, Any], ...]


def build(report: Report) -> DataMap:
    """The data map of a report (its code findings and the policies it read)."""
    types: Mapping[str, Mapping[str, Any]] = report.extra.get("dataTypes", {})
    code = [finding for finding in report.findings if finding.kind in ("collection", *TRANSFER_KINDS)]
    return DataMap(files_scanned=report.files_scanned,
                   tables=(_collected(code, types), _destinations(code, types), _abroad(code, types)),
                   edges=_edges(code, types), policies=tuple(report.extra.get("policies", [])))


def _collected(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> Table:
    places: dict[str, list[Place]] = defaultdict(list)
    for finding in findings:
        if finding.kind == "collection":
            for type_id in finding.data_categories:
                places[type_id].append(_place(finding))
    rows = tuple(((name(type_id, types), str(types.get(type_id, {}).get("category", "")),
                   "yes" if _sensitive(type_id, types) else "no"), _unique(places[type_id]))
                 for type_id in sorted(places, key=lambda key: name(key, types)))
    return Table("What the code collects", ("data", "category", "sensitive", "where"), rows)


def _destinations(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> Table:
    flows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for finding in findings:
        if finding.kind in TRANSFER_KINDS and finding.kind != "cross-border":
            key = (finding.destination, finding.kind, str(finding.properties.get("country", "")))
            entry = flows.setdefault(key, {"types": set(), "places": []})
            entry["types"].update(finding.data_categories)
            entry["places"].append(_place(finding))
    rows = tuple(((destination, kind, country or "-", names(entry["types"], types)), _unique(entry["places"]))
                 for (destination, kind, country), entry in sorted(flows.items()))
    return Table("Where it goes", ("destination", "kind", "country", "data", "where"), rows)


def _abroad(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> Table:
    transfers: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in findings:
        if finding.kind == "cross-border":
            key = (str(finding.properties.get("country", "")), finding.destination)
            entry = transfers.setdefault(key, {"types": set(), "places": []})
            entry["types"].update(finding.data_categories)
            entry["places"].append(_place(finding))
    rows = tuple(((country, destination, names(entry["types"], types)), _unique(entry["places"]))
                 for (country, destination), entry in sorted(transfers.items()))
    return Table("Transfers out of the home region", ("country", "destination", "data", "where"), rows)


def _edges(findings: list[Finding], types: Mapping[str, Mapping[str, Any]]) -> tuple[Edge, ...]:
    abroad = {finding.destination for finding in findings if finding.kind == "cross-border"}
    data: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        if finding.kind in TRANSFER_KINDS and finding.kind != "cross-border":
            country = finding.properties.get("country")
            target = f"{finding.destination} ({country})" if country else finding.destination
            data[target].update(finding.data_categories)
            if finding.destination in abroad:
                abroad.add(target)
    return tuple(Edge(destination=target, data=tuple(sorted(name(type_id, types) for type_id in type_ids)),
                      abroad=target in abroad, sensitive=any(_sensitive(type_id, types) for type_id in type_ids))
                 for target, type_ids in sorted(data.items()))


def name(type_id: str, types: Mapping[str, Mapping[str, Any]]) -> str:
    """A data type's display name."""
    return str(types.get(type_id, {}).get("name", type_id))


def names(type_ids: Iterable[str], types: Mapping[str, Mapping[str, Any]]) -> str:
    """Display names, sorted, comma-separated."""
    return ", ".join(sorted(name(type_id, types) for type_id in type_ids))


def _sensitive(type_id: str, types: Mapping[str, Mapping[str, Any]]) -> bool:
    return bool(types.get(type_id, {}).get("sensitive"))


def _place(finding: Finding) -> Place:
    return finding.location.path, finding.location.line


def _unique(places: list[Place]) -> tuple[Place, ...]:
    return tuple(dict.fromkeys(places))
