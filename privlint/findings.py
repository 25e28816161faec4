"""Plain immutable result types shared by the engine, the rules and the formatters."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that gates can compare levels."""

    NOTE = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            choices = ", ".join(level.label for level in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {choices})") from None


class Confidence(enum.Enum):
    """How likely a finding of a rule is to be a true positive (SARIF ``precision``)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very-high"


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A place in a file: 1-based lines, 0-based columns."""

    path: str
    line: int
    column: int = 0
    end_line: int | None = None
    end_column: int | None = None
    snippet: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class FlowStep:
    """One step of a data flow from where personal data enters to where it leaves."""

    location: Location
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleDocs:
    """Human documentation of a rule."""

    why: str = ""
    example: str = ""
    instead: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleMeta:
    """What a rule is, independent of any finding: used by SARIF ``tool.driver.rules`` and ``privlint rules``."""

    id: str
    name: str
    short_description: str
    full_description: str
    severity: Severity
    confidence: Confidence
    kind: str
    tags: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    docs: RuleDocs = field(default_factory=RuleDocs)
    regime: str | None = None
    source_path: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One result: a rule that fired at a location, with the data involved, how it got there and, for a finding
    that holds code against policy, the other side (``related``)."""

    rule_id: str
    message: str
    severity: Severity
    location: Location
    kind: str
    data_categories: tuple[str, ...] = ()
    destination: str = ""
    flow: tuple[FlowStep, ...] = ()
    related: tuple[FlowStep, ...] = ()
    properties: Mapping[str, Any] = field(default_factory=dict)
    fingerprint: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Notification:
    """Something the tool could not do (a file it could not read or parse): reported, never dropped."""

    message: str
    path: str
    line: int | None = None
    level: str = "error"
    unreadable: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """Everything one run produced; formatters are pure functions of it."""

    findings: tuple[Finding, ...]
    rules: tuple[RuleMeta, ...]
    notifications: tuple[Notification, ...] = ()
    files_scanned: int = 0
    extra: Mapping[str, Any] = field(default_factory=dict)


def data_words(phrases: list[str]) -> dict[str, str]:
    """``{data}`` for a message, with its verbs agreeing: "e-mail address and phone number are written"."""
    plural = len(phrases) > 1
    listed = ", ".join(phrases[:-1]) + " and " + phrases[-1] if plural else "".join(phrases)
    return {"data": listed, "is": "are" if plural else "is", "leaves": "leave" if plural else "leaves"}
