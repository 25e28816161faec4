"""The personal-data type record and the compiled patterns the classifier matches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class DataType:
    """One kind of personal data, e.g. an e-mail address or a resident ID number."""

    id: str
    category: str
    name: str
    sensitive: bool
    fideslang: str | None

    @property
    def phrase(self) -> str:
        """The name as it reads inside a sentence: ``e-mail address``, but ``IP address``."""
        return self.name if self.name[1:2].isupper() else self.name[:1].lower() + self.name[1:]


@dataclass(frozen=True, slots=True, kw_only=True)
class NamePattern:
    """A token sequence naming a data type; ``needs_person`` patterns count only in person context."""

    tokens: tuple[str, ...]
    type_id: str
    needs_person: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ValuePattern:
    """A regular expression a literal must fully match, plus an optional checksum validator name."""

    regex: Any  # a linear-time pattern (privlint.linear_regex)
    check: str | None
    type_id: str
