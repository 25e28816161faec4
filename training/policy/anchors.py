"""Label anchors (the first words of an evidence passage) resolved onto a document's passages."""
from __future__ import annotations

import re

from plaintext import tokens

DISCLOSURES = ["controller-identity", "contact", "purposes", "data-categories", "legal-basis", "retention",
               "third-party-sharing", "cross-border-transfer", "user-rights", "rights-procedure", "complaint",
               "sensitive-data", "children", "security-measures", "policy-changes", "automated-decisions",
               "cookies-tracking", "sale-opt-out", "effective-date"]


# ----------------------------------------------------------------------------- label anchors

def token_index(plain: str):
    toks, starts, ends = [], [], []
    low = plain.lower().replace("’", "'").replace("‘", "'")
    for m in re.finditer(r"[0-9a-z\u00c0-\u024f]+|[\u3400-\u9fff\uf900-\ufaff]", low):
        toks.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return toks, starts, ends


def find_seq(hay: list[str], needle: list[str], lo: int = 0, hi: int | None = None) -> int:
    hi = len(hay) if hi is None else hi
    if not needle:
        return -1
    first = needle[0]
    for i in range(lo, max(lo, hi - len(needle) + 1)):
        if hay[i] == first and hay[i:i + len(needle)] == needle:
            return i
    return -1


# A list marker or heading mark at the start of a quote ("1. **基本信息**", "(c) 为服务用户的目的",
# "## 联系方式"): the build drops list markers from list items, so a quote that copies one does not
# match; it is retried without it.
QUOTE_LEAD_MARK = re.compile(r"^\s*(?:#{1,6}\s*|>\s*)*(?:\*\*|__|\*(?=\S))?\s*"
                             r"(?:[-*+•]|\d{1,3}[.)、]|[a-z][.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s*")


def resolve_anchor(anchor: dict, plain: str, passages: list[dict], tindex, raw_text: str | None):
    idxs, how = _resolve_anchor(anchor, plain, passages, tindex, raw_text)
    quote = anchor.get("quote")
    if not idxs and how == "quote not found" and isinstance(quote, str):
        bare = QUOTE_LEAD_MARK.sub("", quote, count=1)
        if bare.strip() and bare != quote:
            idxs2, how2 = _resolve_anchor({**anchor, "quote": bare}, plain, passages, tindex, raw_text)
            if idxs2:
                return idxs2, how2
    return idxs, how


def _resolve_anchor(anchor: dict, plain: str, passages: list[dict], tindex, raw_text: str | None):
    """Map one evidence anchor to passage indexes. Returns (idxs, how) or ([], reason)."""
    toks, starts, ends = tindex
    quote = anchor.get("quote")
    if not quote and anchor.get("lines") and raw_text is not None:
        a, _, b = str(anchor["lines"]).partition("-")
        lines = raw_text.splitlines()
        quote = " ".join(lines[int(a) - 1:int(b or a)])
    if not quote:
        return [], "anchor has neither quote nor resolvable lines"
    q = tokens(quote)
    if not q:
        return [], "empty quote"
    section = anchor.get("section")
    ranges = []
    if section:
        st = " ".join(tokens(str(section)))
        for p in passages:
            if st and st in " ".join(tokens(" ".join(p["heading"]))):
                ranges.append(p)
    how = "exact"
    hit = -1
    for attempt in (q, q[:8] if len(q) > 8 else None):
        if attempt is None:
            break
        if ranges:
            lo_c, hi_c = min(p["start"] for p in ranges), max(p["end"] for p in ranges)
            lo = next((i for i, s in enumerate(starts) if s >= lo_c), len(toks))
            hi = next((i for i, s in enumerate(starts) if s >= hi_c), len(toks))
            hit = find_seq(toks, attempt, lo, hi)
        if hit < 0:
            hit = find_seq(toks, attempt)
            if hit >= 0 and section and ranges:
                how = "outside-section"
        if hit >= 0:
            if attempt is not q:
                how = "prefix"
            q = attempt
            break
    if hit < 0:
        return [], "quote not found"
    c0, c1 = starts[hit], ends[hit + len(q) - 1]
    idxs = [p["idx"] for p in passages if p["start"] < c1 and p["end"] > c0]
    if not idxs:  # the quote is in a heading: take the first passage under it
        idxs = [p["idx"] for p in passages if p["start"] >= c0][:1]
        how += "+heading"
    return idxs, how


def apply_labels(label: dict, plain: str, passages: list[dict], raw_text: str | None, problems: list):
    tindex = token_index(plain)
    doc_labels = {}
    for cid, entry in (label.get("disclosures") or {}).items():
        if cid not in DISCLOSURES:
            problems.append({"doc": label.get("id"), "disclosure": cid, "problem": "unknown disclosure id"})
            continue
        entry = entry or {}
        status = entry.get("status", "absent")
        doc_labels[cid] = {"status": status, **({"negative": True} if entry.get("negative") else {})}
        for anchor in entry.get("evidence") or []:
            idxs, how = resolve_anchor(anchor, plain, passages, tindex, raw_text)
            if not idxs:
                problems.append({"doc": label.get("id"), "disclosure": cid, "anchor": anchor, "problem": how})
                continue
            if how != "exact":
                problems.append({"doc": label.get("id"), "disclosure": cid, "anchor": anchor, "note": how})
            for i in idxs:
                passages[i].setdefault("labels", {})[cid] = status
    missing = [c for c in DISCLOSURES if c not in doc_labels]
    if missing:
        problems.append({"doc": label.get("id"), "problem": "label file lacks ids", "ids": missing})
    return doc_labels
