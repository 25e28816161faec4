"""What one policy document says, as the consistency rules read it: claims, statements and their lines."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from privlint.findings import FlowStep, Location

PROCESSOR = "processor"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a policy names a recipient, and the role the sentence or its heading gives it ("" when none)."""

    line: int
    text: str
    role: str


@dataclass(frozen=True, slots=True)
class Denial:
    """A negative claim: its text and line, what it denies (share, sell, collect) and the categories it names."""

    text: str
    line: int
    denies: frozenset[str]
    categories: frozenset[str]

    def location(self, path: str) -> Location:
        return Location(path=path, line=self.line, snippet=self.text)


@dataclass(frozen=True, slots=True)
class PolicyView:
    """The consistency-relevant part of one policy document."""

    path: str
    text: str
    categories: frozenset[str]
    sensitive_categories: frozenset[str]
    countries: frozenset[str]
    storage_countries: frozenset[str]
    discloses_transfers: bool
    gives_sensitive_notice: bool
    evidence: Mapping[str, tuple[int, ...]]
    statements: tuple[Mention, ...]
    denials: tuple[Denial, ...]

    def mention(self, names: Iterable[str]) -> Mention | None:
        """The first statement naming one of ``names`` (a processor's role first), else a bare mention anywhere
        in the text with no role."""
        patterns = [_word(name) for name in names if name]
        found = [statement for statement in self.statements if any(p.search(statement.text) for p in patterns)]
        if found:
            return min(found, key=lambda mention: (mention.role != PROCESSOR, mention.line))
        for pattern in patterns:
            match = pattern.search(self.text)
            if match:
                line = self.text.count("\n", 0, match.start()) + 1
                return Mention(line=line, text=_line(self.text, line), role="")
        return None

    def place(self, disclosure: str, what: str) -> FlowStep:
        """The policy line that discloses ``disclosure`` (the document's first line when none does), with words
        saying what is there."""
        lines = self.evidence.get(disclosure, ())
        line = lines[0] if lines else 1
        message = f"the policy's {what}" if lines else f"the privacy policy, which has no {what}"
        return FlowStep(location=Location(path=self.path, line=line, snippet=_line(self.text, line)), message=message)


def policy_view(record: Mapping[str, Any], text: str) -> PolicyView:
    """The view of a policy check's document record and the document's text."""
    claims = record.get("claims", {})
    reader = record.get("reader", {})
    evidence = {name: tuple(lines) for name, lines in record.get("evidence", {}).items()}
    return PolicyView(
        path=record["path"], text=text, categories=frozenset(claims.get("data_categories", ())),
        sensitive_categories=frozenset(claims.get("sensitive_categories", ())),
        countries=frozenset(claims.get("countries", ())),
        storage_countries=frozenset(claims.get("storage_countries", ())),
        discloses_transfers=_discloses("cross-border-transfer", evidence, reader),
        gives_sensitive_notice=_discloses("sensitive-data", evidence, reader),
        evidence=evidence,
        statements=tuple(Mention(line=s["line"], text=s["text"], role=s["role"]) for s in claims.get("statements", ())),
        denials=tuple(Denial(text=c["text"], line=c["line"], denies=frozenset(c.get("denies", ("share",))),
                             categories=frozenset(c.get("categories", ()))) for c in claims.get("negative_claims", ())),
    )


def _discloses(disclosure: str, evidence: Mapping[str, tuple[int, ...]], reader: Mapping[str, Any]) -> bool:
    return bool(evidence.get(disclosure)) or reader.get(disclosure, {}).get("state") == "present"


@functools.lru_cache(maxsize=1024)
def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)" if name.isascii() else re.escape(name), re.IGNORECASE)


def _line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""
