"""The matching vocabulary read from YAML: disclosure patterns, detail groups and claim phrases."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Mapping

from privlint.errors import RuleError
from privlint.linear_regex import compile_linear

LOG = logging.getLogger(__name__)

LANGUAGES = ("en", "zh")
NEGATION_MODES = ("evidence", "claim")


@dataclass(frozen=True, slots=True, kw_only=True)
class PatternSet:
    """Phrases (PhraseMatcher, LOWER), heading-only phrases, token patterns (Matcher) and regexes for one language."""

    phrases: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    regexes: tuple[str, ...] = ()

    def merged(self, other: PatternSet) -> PatternSet:
        return PatternSet(phrases=self.phrases + other.phrases, headings=self.headings + other.headings,
                          patterns=self.patterns + other.patterns, regexes=self.regexes + other.regexes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Detail:
    """A group of phrases that completes a disclosure (a retention period, recipient names...)."""

    name: str
    languages: Mapping[str, PatternSet]
    claims: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Disclosure:
    """How one disclosure item is recognised."""

    name: str
    languages: Mapping[str, PatternSet]
    negation: str = "evidence"
    details: Mapping[str, Detail] = field(default_factory=dict)


def parse_pattern_sets(raw: Mapping[str, Any], where: str) -> dict[str, PatternSet]:
    """Per-language pattern sets; the `all` key adds to every language."""
    common = _pattern_set(raw.get("all") or {}, f"{where}.all")
    return {lang: _pattern_set(raw.get(lang) or {}, f"{where}.{lang}").merged(common) for lang in LANGUAGES}


def _pattern_set(raw: Any, where: str) -> PatternSet:
    if not isinstance(raw, Mapping):
        raise RuleError(f"{where} must be a mapping of phrases/patterns/regexes")
    unknown = set(raw) - {"phrases", "headings", "patterns", "regexes"}
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)} (expected phrases, headings, patterns, regexes)")
    patterns = raw.get("patterns") or []
    if not all(isinstance(p, list) and all(isinstance(t, dict) for t in p) for p in patterns):
        raise RuleError(f"{where}.patterns must be a list of spaCy token patterns (lists of mappings)")
    regexes = tuple(str(r) for r in raw.get("regexes") or ())
    for regex in regexes:
        try:
            compile_linear(regex)
        except ValueError as error:
            raise RuleError(f"{where}.regexes: invalid regex {regex!r}: {error}") from None
    return PatternSet(phrases=tuple(str(p) for p in raw.get("phrases") or ()),
                      headings=tuple(str(p) for p in raw.get("headings") or ()),
                      patterns=tuple(tuple(p) for p in patterns),
                      regexes=regexes)


def parse_disclosure(name: str, raw: Mapping[str, Any], where: str) -> Disclosure:
    """One entry of a `disclosures:` table."""
    negation = raw.get("negation", "evidence")
    if negation not in NEGATION_MODES:
        raise RuleError(f"{where}.{name}.negation must be one of {', '.join(NEGATION_MODES)}")
    details = {
        detail: Detail(name=detail, languages=parse_pattern_sets(_without(spec, "claims"), f"{where}.{name}.{detail}"),
                       claims=spec.get("claims"))
        for detail, spec in (raw.get("details") or {}).items()
    }
    languages = parse_pattern_sets(_without(raw, "negation", "details"), f"{where}.{name}")
    return Disclosure(name=name, languages=languages, negation=negation, details=details)


def merge_disclosure(base: Disclosure, extra: Disclosure) -> Disclosure:
    """A user's additions to a built-in disclosure: more phrases, more detail groups."""
    languages = {lang: base.languages[lang].merged(extra.languages[lang]) for lang in LANGUAGES}
    details = dict(base.details)
    for name, detail in extra.details.items():
        if name in details:
            merged = {lang: details[name].languages[lang].merged(detail.languages[lang]) for lang in LANGUAGES}
            detail = Detail(name=name, languages=merged, claims=detail.claims or details[name].claims)
        details[name] = detail
    negation = extra.negation if extra.negation != "evidence" else base.negation
    return Disclosure(name=base.name, languages=languages, negation=negation, details=details)


def _without(raw: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in raw.items() if key not in keys}
