"""Checks one parsed policy document against the rules of the chosen regimes."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any, Sequence

from privlint.findings import Finding, Location, Notification, Severity
from privlint.policy.analysis import analyse
from privlint.policy.claims import extract_claims
from privlint.policy.conditional import as_note
from privlint.policy.disclosures import MISSING, PARTIAL, UNCONFIRMED, Status, evidence_lines, rule_status
from privlint.policy.documents import PolicyDocument
from privlint.policy.judgement import judge
from privlint.policy.packs import Catalogue, PolicyRule

LOG = logging.getLogger(__name__)

CHINESE = {
    MISSING: "（隐私政策未说明{name}，请补充。）",
    PARTIAL: "（隐私政策对{name}的说明不完整，请补充。）",
    UNCONFIRMED: "（无法确认隐私政策是否说明了{name}；最接近的内容在第 {line} 行。）",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentResult:
    """Findings, notifications and the JSON-ready record of one document."""

    findings: tuple[Finding, ...] = ()
    notifications: tuple[Notification, ...] = ()
    record: dict[str, Any] | None = None


def check_document(document: PolicyDocument, catalogue: Catalogue, rules: Sequence[PolicyRule]) -> DocumentResult:
    """Disclosure findings and claims of one document, or a notification when it cannot be checked."""
    analysis = analyse(document, catalogue)
    if isinstance(analysis, str):
        return DocumentResult(notifications=(_note(document, analysis),))
    judged = judge(analysis, {rule.disclosure for rule in rules})
    statuses = [(rule, rule_status(rule, catalogue, analysis.found, analysis.located, document.blocks,
                                   judged[rule.disclosure])) for rule in rules]
    chinese = catalogue.chinese_names if analysis.lang == "zh" else {}
    findings = tuple(as_note(_finding(document, rule, status, chinese.get(rule.disclosure)))
                     for rule, status in statuses if status.status is not None)
    record = {
        "path": document.path, "format": document.format, "encoding": document.encoding,
        "language": analysis.language, "evidence": evidence_lines(analysis.found),
        "claims": extract_claims(document.blocks, analysis.sentences, analysis.located, catalogue.claims),
        "reader": {name: {"state": judgement.state, "score": judgement.score}
                   for name, judgement in sorted(judged.items()) if judgement.score is not None},
    }
    return DocumentResult(findings=findings, record=record)


def _finding(document: PolicyDocument, rule: PolicyRule, status: Status, chinese_name: str | None) -> Finding:
    severity = rule.meta.severity
    if status.status == UNCONFIRMED:
        message, severity = _unconfirmed(rule, status), Severity.NOTE
    elif status.status == MISSING:
        message = rule.meta.short_description
    else:
        message = rule.partial_message or rule.meta.short_description
    if chinese_name:
        message = f"{message} {CHINESE[status.status].format(name=chinese_name, line=status.line)}"
    properties = {"regime": rule.meta.regime, "disclosure": rule.disclosure, "status": status.status,
                  "references": list(rule.meta.references)}
    if status.missing_details:
        properties["missing_details"] = list(status.missing_details)
    digest = hashlib.sha256(f"{rule.meta.id}|{document.path}|{status.status}".encode()).hexdigest()[:16]
    return Finding(rule_id=rule.meta.id, message=message, severity=severity,
                   location=Location(path=document.path, line=status.line, snippet=_line_text(document, status.line)),
                   kind="policy", properties=properties, fingerprint=digest)


def _unconfirmed(rule: PolicyRule, status: Status) -> str:
    quote = " ".join(status.quote.split())
    quote = quote if len(quote) <= 160 else quote[:157] + "..."
    return (f"privlint could not confirm the {rule.disclosure.replace('-', ' ')} disclosure; the closest passage, "
            f"line {status.line}: \"{quote}\"")


def _line_text(document: PolicyDocument, line: int) -> str:
    for block in document.blocks:
        if block.line <= line <= block.line_at(len(block.text)):
            return block.text.splitlines()[min(line - block.line, block.text.count("\n"))].strip()[:200]
    return ""


def _note(document: PolicyDocument, message: str) -> Notification:
    LOG.debug("%s: %s", document.path, message)
    return Notification(message=message, path=document.path, line=1, level="warning", unreadable=False)


