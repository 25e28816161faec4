"""Checks one parsed policy document against the rules of the chosen regimes."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any, Sequence

from privlint.findings import Finding, Location, Notification
from privlint.policy.claims import extract_claims
from privlint.policy.disclosures import Status, evidence, evidence_lines, locate, rule_status
from privlint.policy.documents import PolicyDocument
from privlint.policy.language import ENGLISH, TRADITIONAL, detect_language, to_simplified
from privlint.policy.packs import Catalogue, PolicyRule

LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentResult:
    """Findings, notifications and the JSON-ready record of one document."""

    findings: tuple[Finding, ...] = ()
    notifications: tuple[Notification, ...] = ()
    record: dict[str, Any] | None = None


def check_document(document: PolicyDocument, catalogue: Catalogue, rules: Sequence[PolicyRule]) -> DocumentResult:
    """Disclosure findings and claims of one document, or a notification when it cannot be checked."""
    from privlint.policy.nlp import matcher_for

    text = document.text
    if not text.strip():
        return DocumentResult(notifications=(_note(document, "policy document has no text to check"),))
    language = detect_language(text, catalogue.traditional)
    if language is None:
        return DocumentResult(notifications=(_note(
            document, "policy language not detected: only English and Chinese policies are checked"),))
    texts = [block.text for block in document.blocks]
    if language == TRADITIONAL:
        texts = [to_simplified(block_text, catalogue.traditional) for block_text in texts]
    sentences = matcher_for(catalogue, "en" if language == ENGLISH else "zh").analyse(texts)
    located = locate(document.blocks, sentences)
    found = evidence(catalogue, located)
    top_line = document.blocks[0].line
    statuses = [(rule, rule_status(rule, catalogue, found, located, top_line=top_line)) for rule in rules]
    findings = tuple(_finding(document, rule, status) for rule, status in statuses if status.status is not None)
    record = {
        "path": document.path, "format": document.format, "encoding": document.encoding, "language": language,
        "evidence": evidence_lines(found), "claims": extract_claims(document.blocks, sentences, located),
    }
    return DocumentResult(findings=findings, record=record)


def _finding(document: PolicyDocument, rule: PolicyRule, status: Status) -> Finding:
    message = rule.meta.short_description if status.status == "missing" else rule.partial_message
    properties = {"regime": rule.meta.regime, "disclosure": rule.disclosure, "status": status.status,
                  "references": list(rule.meta.references)}
    if status.missing_details:
        properties["missing_details"] = list(status.missing_details)
    digest = hashlib.sha256(f"{rule.meta.id}|{document.path}|{status.status}".encode()).hexdigest()[:16]
    return Finding(rule_id=rule.meta.id, message=message or rule.meta.short_description, severity=rule.meta.severity,
                   location=Location(path=document.path, line=status.line, snippet=_line_text(document, status.line)),
                   kind="policy", properties=properties, fingerprint=digest)


def _line_text(document: PolicyDocument, line: int) -> str:
    for block in document.blocks:
        if block.line <= line <= block.line_at(len(block.text)):
            return block.text.splitlines()[min(line - block.line, block.text.count("\n"))].strip()[:200]
    return ""


def _note(document: PolicyDocument, message: str) -> Notification:
    LOG.debug("%s: %s", document.path, message)
    return Notification(message=message, path=document.path, line=1, level="warning", unreadable=False)


