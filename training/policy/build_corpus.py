#!/usr/bin/env python3
"""Assemble the privacy-policy corpus from its reference lists, offline.

Reads training/policy/corpus/<lang>.yml (the language is the file name: en.yml, zh.yml),
takes each document's text from a local git mirror (``git --git-dir=MIRROR show COMMIT:PATH``,
MIRROR = <mirrors>/OWNER+NAME/repo or .../repo/.git, the layout the ``fetch`` tool leaves) or,
failing that, from a plain text cache the user supplies, turns it into plain text with its
heading structure, splits it into passages (sentences, list items, table rows) that keep their
heading path, resolves the label anchors of labels/<lang>/<id>.yml onto those passages, and
writes everything into training/policy/.corpus/<lang>/ (git-ignored).

Standard library + PyYAML only; never touches the network.

    python build_corpus.py                          # every corpus/*.yml
    python build_corpus.py --lang en --cache DIR    # DIR/<id>.txt or DIR/OWNER+NAME/<commit>/<path>
    python build_corpus.py --check-labels           # only report anchors that do not resolve
    python build_corpus.py --assign-splits --lang en  # give documents without `split` one
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SPLIT_SEED = "privlint-policy-split-v1:"
SPLIT_SHARES = (("train", 0.6), ("dev", 0.2), ("test", 0.2))
DISCLOSURES = ["controller-identity", "contact", "purposes", "data-categories", "legal-basis", "retention",
               "third-party-sharing", "cross-border-transfer", "user-rights", "rights-procedure", "complaint",
               "sensitive-data", "children", "security-measures", "policy-changes", "automated-decisions",
               "cookies-tracking", "sale-opt-out", "effective-date"]


# ----------------------------------------------------------------------------- reference lists

def load_reference(path: Path) -> tuple[str, dict, list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    docs = data.get("documents") if isinstance(data, dict) else data
    return path.stem, (data if isinstance(data, dict) else {}), list(docs or [])


def split_hash(doc_id: str) -> str:
    return hashlib.sha256((SPLIT_SEED + doc_id).encode("utf-8")).hexdigest()


def assign_splits(docs: list[dict]) -> int:
    """Give every document without a split one, stratified by kind.

    Within a kind documents are ordered by the seeded hash of their id. If no document of the
    kind has a split yet, the first 60 % get train, the next 20 % dev, the rest test. Otherwise
    each new document (in hash order) goes to the split furthest below its share, so recorded
    splits never move."""
    changed = 0
    by_kind: dict[str, list[dict]] = {}
    for d in docs:
        by_kind.setdefault(d.get("kind", "unknown"), []).append(d)
    for kind_docs in by_kind.values():
        kind_docs.sort(key=lambda d: split_hash(str(d["id"])))
        n = len(kind_docs)
        if not any(d.get("split") for d in kind_docs):
            n_train = round(n * SPLIT_SHARES[0][1])
            n_dev = round(n * SPLIT_SHARES[1][1])
            for i, d in enumerate(kind_docs):
                d["split"] = "train" if i < n_train else "dev" if i < n_train + n_dev else "test"
                changed += 1
            continue
        counts = {s: sum(1 for d in kind_docs if d.get("split") == s) for s, _ in SPLIT_SHARES}
        for d in kind_docs:
            if d.get("split"):
                continue
            total = sum(counts.values()) + 1
            best = max(SPLIT_SHARES, key=lambda s: (s[1] * total - counts[s[0]], s[1]))[0]
            d["split"] = best
            counts[best] += 1
            changed += 1
    return changed


def write_reference(path: Path, header: dict, docs: list[dict]) -> None:
    """Rewrite a reference list keeping its leading comment block and top-level keys."""
    text = path.read_text(encoding="utf-8")
    comments = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            comments.append(line)
        else:
            break
    top = {k: v for k, v in header.items() if k != "documents"}
    out = "\n".join(comments).rstrip("\n") + "\n" if comments else ""
    if top:
        out += yaml.safe_dump(top, sort_keys=False, allow_unicode=True)
    out += "documents:\n"
    for d in docs:
        block = yaml.safe_dump([d], sort_keys=False, allow_unicode=True, width=1000).rstrip("\n")
        out += "\n".join("  " + ln for ln in block.split("\n")) + "\n"
    path.write_text(out, encoding="utf-8")


# ----------------------------------------------------------------------------- fetching text

def mirror_dirs(root: Path, repo: str) -> list[Path]:
    base = root / repo.replace("/", "+")
    return [p for p in (base / "repo" / ".git", base / "repo", base) if (p / "HEAD").is_file() and (p / "objects").is_dir()]


def git_show(git_dir: Path, commit: str, path: str) -> bytes | None:
    try:
        r = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                           capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return r.stdout if r.returncode == 0 else None


def from_cache(caches: list[Path], doc: dict) -> tuple[bytes, str] | None:
    repo = str(doc.get("repo", "")).replace("/", "+")
    for c in caches:
        cands = [c / f"{doc['id']}{ext}" for ext in (".txt", ".md", ".html", ".htm", "")]
        if repo and doc.get("path"):
            cands += [c / repo / str(doc.get("commit", "")) / doc["path"], c / repo / doc["path"]]
        for p in cands:
            if p.is_file():
                return p.read_bytes(), f"cache:{p}"
    return None


def fetch_text(doc: dict, mirrors: Path, caches: list[Path], allow_head: bool) -> tuple[str | None, str]:
    repo, commit, path = doc.get("repo"), doc.get("commit"), doc.get("path")
    if repo and commit and path:
        for g in mirror_dirs(mirrors, repo):
            raw = git_show(g, commit, path)
            if raw is not None:
                return decode(raw), f"mirror:{g}"
    cached = from_cache(caches, doc)
    if cached:
        return decode(cached[0]), cached[1]
    if allow_head and repo and path:
        for g in mirror_dirs(mirrors, repo):
            raw = git_show(g, "HEAD", path)
            if raw is not None:
                return decode(raw), f"mirror-HEAD(not the recorded commit):{g}"
    why = "no mirror" if not (repo and mirror_dirs(mirrors, repo)) else "commit/path not in mirror"
    return None, why


def decode(raw: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16", "gb18030", "latin-1"):
        try:
            t = raw.decode(enc)
            if enc == "utf-16" and not raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
                continue
            return t
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


# ----------------------------------------------------------------------------- text -> blocks
# A block is (kind, level, text): kind is "h" (heading, level 1-7), "p" (paragraph), "li" (list
# item) or "tr" (table row, cells joined by " | ").

BLOCK_TAGS = {"p", "div", "section", "article", "main", "aside", "header", "footer", "ul", "ol", "table",
              "thead", "tbody", "blockquote", "pre", "dl", "dt", "dd", "form", "figure", "figcaption", "body", "html"}
SKIP_TAGS = {"script", "style", "noscript", "svg", "head", "template", "nav", "button", "select", "iframe", "title"}


class _HTMLBlocks(HTMLParser):
    """HTML -> text where block elements end lines; headings are marked with a sentinel."""

    def __init__(self, keep_newlines: bool):
        super().__init__(convert_charrefs=True)
        self.keep = keep_newlines
        self.out: list[str] = []
        self.skip = 0
        self.in_head = 0
        self.cell = 0

    def _nl(self, n: int = 2):
        self.out.append("\n" * n)

    def handle_starttag(self, tag, attrs):
        if tag == "body" and self.in_head:
            # <body> ends an unclosed <head> (pages that write "<head>" again instead of "</head>")
            self.skip = max(0, self.skip - self.in_head)
            self.in_head = 0
        if tag == "head":
            self.in_head += 1
        if tag in SKIP_TAGS:
            self.skip += 1
            return
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._nl()
            self.out.append("\x01H%s " % tag[1])
        elif tag == "li":
            self._nl(1)
            self.out.append("\x01L ")
        elif tag == "tr":
            self._nl(1)
            self.out.append("\x01R ")
            self.cell = 0
        elif tag in ("td", "th"):
            if self.cell:
                self.out.append(" | ")
            self.cell += 1
        elif tag == "br":
            self._nl(1)
        elif tag in BLOCK_TAGS:
            self._nl()

    def handle_startendtag(self, tag, attrs):
        if tag == "br" and not self.skip:
            self._nl(1)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = max(0, self.in_head - 1)
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag) or tag in BLOCK_TAGS or tag in ("li", "tr"):
            self._nl()

    def handle_data(self, data):
        if self.skip:
            return
        self.out.append(data if self.keep else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        return "".join(self.out)


def strip_front_matter(text: str) -> str:
    m = re.match(r"\A\ufeff?---\s*\n.*?\n(---|\.\.\.)\s*(\n|\Z)", text, re.S)
    if m:
        return text[m.end():]
    m = re.match(r"\A\+\+\+\s*\n.*?\n\+\+\+\s*(\n|\Z)", text, re.S)  # Hugo TOML
    return text[m.end():] if m else text


def inline_md(s: str) -> str:
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", s)                 # images
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})*", r"\1", s)  # [text](url){:attr}
    s = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", s)              # [text][ref]
    s = re.sub(r"<(https?://[^>]+)>", r"\1", s)
    s = re.sub(r"(\*\*|__|\*|~~|`)", "", s)
    s = re.sub(r"(?<![\w])_(?=\S)|(?<=\S)_(?![\w])", "", s)
    s = re.sub(r"\{%.*?%\}", "", s)
    s = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", s)
    return re.sub(r"[ \t\u00a0]+", " ", s).strip()


def md_blocks(text: str) -> list[tuple[str, int, str]]:
    text = strip_front_matter(text)
    if re.search(r"<(p|h[1-6]|li|td|div|br|table)\b", text, re.I):
        parser = _HTMLBlocks(keep_newlines=True)
        parser.feed(text)
        parser.close()
        text = parser.text()
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = html.unescape(text)
    blocks: list[tuple[str, int, str]] = []
    para: list[str] = []
    in_code = False

    def flush():
        if para:
            t = inline_md(" ".join(para))
            if t:
                blocks.append(("p", 0, t))
            para.clear()

    lines = text.split("\n")
    i = 0
    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        i += 1
        if line.startswith("```") or (line.startswith("~~~") and not (para and re.fullmatch(r"~{3,}", line))):
            flush()
            in_code = not in_code
            continue
        if not line or re.fullmatch(r"(-{3,}|\*{3,}|_{3,}|&#x20;)", line):
            flush()
            continue
        if line.startswith("\x01H"):
            flush()
            blocks.append(("h", int(line[2]), inline_md(line[3:])))
            continue
        if line.startswith("\x01L") or line.startswith("\x01R"):
            flush()
            t = inline_md(line[3:])
            if t:
                blocks.append(("li" if line[1] == "L" else "tr", 0, t))
            continue
        m = re.match(r"(#{1,6})\s+(.*?)\s*#*$", line)
        if m and not in_code:
            flush()
            blocks.append(("h", len(m.group(1)), inline_md(m.group(2))))
            continue
        if i < len(lines) and para == [] and re.fullmatch(r"(=+|-+|~{3,})", lines[i].strip() or "x") and not in_code:
            # setext heading; "~~~" underlines (reStructuredText style, common in generated .txt policies)
            # would otherwise be taken for a code fence
            blocks.append(("h", {"=": 1, "-": 2, "~": 3}[lines[i].strip()[0]], inline_md(line)))
            i += 1
            continue
        m = re.fullmatch(r"(={2,}|-{2,})\s*(.+?)\s*\1", line)
        if m and not in_code:                                         # "=== Heading ===" (plain-text style)
            flush()
            blocks.append(("h", 2, inline_md(m.group(2))))
            continue
        if re.fullmatch(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?", line):
            continue                                                  # table rule
        if line.startswith("|") and line.count("|") >= 2:
            flush()
            cells = [inline_md(c) for c in line.strip("|").split("|")]
            t = " | ".join(c for c in cells if c)
            if t:
                blocks.append(("tr", 0, t))
            continue
        m = re.match(r"([-*+•]|\d{1,3}[.)]|[a-z][.)]|\((?:[a-z]|[ivx]{1,4}|\d{1,2})\))\s+(.*)", line)
        if m:
            flush()
            t = inline_md(m.group(2))
            # continuation lines of the item (indented, not a new item)
            while i < len(lines) and lines[i].strip() and lines[i][:1] in (" ", "\t") \
                    and not re.match(r"\s*([-*+•]|\d{1,3}[.)])\s+", lines[i]):
                t += " " + inline_md(lines[i].strip())
                i += 1
            if t:
                blocks.append(("li", 0, t))
            continue
        bold = re.fullmatch(r"(\*\*|__)([^*_]{2,120})\1:?", line)
        if bold and len(bold.group(2).split()) <= 14 and not para and not re.search(r"[.!?]$", bold.group(2).strip()):
            flush()
            blocks.append(("h", 7, inline_md(bold.group(2))))
            continue
        if line.startswith(">"):
            line = line.lstrip("> ")
        para.append(line)
    flush()
    return blocks


def html_blocks(text: str) -> list[tuple[str, int, str]]:
    parser = _HTMLBlocks(keep_newlines=False)
    parser.feed(strip_front_matter(text))
    parser.close()
    return md_blocks_from_marked(parser.text())


def md_blocks_from_marked(text: str) -> list[tuple[str, int, str]]:
    # the marked text contains no markdown syntax worth interpreting; reuse md_blocks for structure
    return md_blocks(text)


def txt_blocks(text: str) -> list[tuple[str, int, str]]:
    # plain text may still use Markdown conventions (many privacy.txt files do)
    return md_blocks(text)


def to_blocks(text: str, fmt: str) -> list[tuple[str, int, str]]:
    if fmt == "html":
        return html_blocks(text)
    return md_blocks(text) if fmt == "md" else txt_blocks(text)


# ----------------------------------------------------------------------------- passages

ABBREV = r"(?:e\.g|i\.e|etc|Inc|Ltd|Co|Corp|No|Nr|Art|Sec|para|cf|vs|Mr|Mrs|Ms|Dr|St|U\.S|U\.K|approx|incl|resp|ca|p|pp)"
SENT_EN = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
SENT_ZH = re.compile(r"(?<=[。！？!?；;])\s*")


def sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within text."""
    spans, start = [], 0
    rx = SENT_ZH if lang.startswith("zh") else SENT_EN
    for m in rx.finditer(text):
        if not lang.startswith("zh") and re.search(r"\b" + ABBREV + r"\.$", text[start:m.start()].rstrip("\"'”’)]")):
            continue
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    # join very short pieces to the previous one
    out: list[list[int]] = []
    for s, e in spans:
        if out and len(tokens(text[s:e])) < 4:
            out[-1][1] = e
        else:
            out.append([s, e])
    if len(out) > 1 and len(tokens(text[out[0][0]:out[0][1]])) < 4:
        out[1][0] = out[0][0]
        out.pop(0)
    return [(s, e) for s, e in out]


def tokens(s: str) -> list[str]:
    s = s.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[0-9a-z\u00c0-\u024f]+|[\u3400-\u9fff\uf900-\ufaff]", s)


def demote_empty_bold_headings(blocks: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """A run of bold-only lines (level-7 pseudo-headings) with no content before the next real heading
    or the end of the document is content, not headings: "**生效日期：2025年1月1日**" under the title,
    "**最后更新日期：...**" as the last line. Make them paragraphs so they get passages.
    (Applied to Chinese documents only; the English corpus keeps its passages.)"""
    out = list(blocks)
    i = 0
    while i < len(out):
        if out[i][0] == "h" and out[i][1] == 7:
            j = i
            while j < len(out) and out[j][0] == "h" and out[j][1] == 7:
                j += 1
            if j == len(out) or out[j][0] == "h":
                for k in range(i, j):
                    out[k] = ("p", 0, out[k][2])
            i = j
        else:
            i += 1
    return out


def build_document(text: str, fmt: str, lang: str, doc_id: str):
    """Returns (plain_text, passages). Passages carry heading path and character offsets."""
    blocks = to_blocks(text, fmt)
    if lang.startswith("zh"):
        blocks = demote_empty_bold_headings(blocks)
    plain_parts: list[str] = []
    offset = 0
    path: list[tuple[int, str]] = []
    passages = []
    for kind, level, t in blocks:
        if not t:
            continue
        start = offset
        plain_parts.append(t)
        offset += len(t) + 2
        if kind == "h":
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, t))
            continue
        heading = [h for _, h in path]
        if kind in ("li", "tr") and len(t) <= 600:
            spans = [(0, len(t))]
        else:
            spans = sentences(t, lang)
        for s, e in spans:
            seg = t[s:e].strip()
            if not seg:
                continue
            lead = len(t[s:e]) - len(t[s:e].lstrip())
            passages.append({"doc": doc_id, "heading": heading, "kind": kind, "text": seg,
                             "start": start + s + lead, "end": start + s + lead + len(seg)})
    plain = "\n\n".join(plain_parts)
    for i, p in enumerate(passages):
        p["idx"] = i
    return plain, passages


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


# ----------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=HERE, help="folder holding corpus/ and labels/ (default: this script's)")
    ap.add_argument("--lang", action="append", help="only these languages (corpus/<lang>.yml); repeatable")
    ap.add_argument("--mirrors", type=Path, default=Path(os.environ.get("PRIVLINT_MIRRORS", "/work/.mirror")),
                    help="root of the git mirrors, laid out OWNER+NAME/repo (default /work/.mirror)")
    ap.add_argument("--cache", type=Path, action="append", default=[],
                    help="plain text cache: DIR/<id>.txt|.md|.html or DIR/OWNER+NAME/<commit>/<path>; repeatable")
    ap.add_argument("--out", type=Path, help="output folder (default <root>/.corpus)")
    ap.add_argument("--allow-head", action="store_true",
                    help="if the recorded commit is missing from a mirror, use the mirror's HEAD version (flagged)")
    ap.add_argument("--check-labels", action="store_true", help="only resolve label anchors and report problems")
    ap.add_argument("--assign-splits", action="store_true",
                    help="write a split for documents lacking one into the named --lang reference lists, then stop")
    args = ap.parse_args(argv)

    corpus_dir = args.root / "corpus"
    files = sorted(corpus_dir.glob("*.yml"))
    if args.lang:
        files = [f for f in files if f.stem in args.lang]
    if not files:
        print(f"no reference lists under {corpus_dir}", file=sys.stderr)
        return 1

    if args.assign_splits:
        if not args.lang:
            print("--assign-splits needs --lang (each language's list is owned by its own maintainer)", file=sys.stderr)
            return 2
        for f in files:
            lang, header, docs = load_reference(f)
            n = assign_splits(docs)
            if n:
                write_reference(f, header, docs)
            print(f"{f.name}: {n} split(s) assigned")
        return 0

    out_root = args.out or (args.root / ".corpus")
    status = 0
    for f in files:
        lang, header, docs = load_reference(f)
        lang = header.get("language", lang) if isinstance(header.get("language"), str) else lang
        out = out_root / f.stem
        labels_dir = args.root / "labels" / f.stem
        report = {"language": lang, "documents": len(docs), "built": 0, "missing": [], "sources": {},
                  "label_files": 0, "label_problems": [], "by_split": {}, "by_kind": {}, "passages": 0}
        if not args.check_labels:
            out.mkdir(parents=True, exist_ok=True)
        doc_lines, passage_lines = [], []
        for d in docs:
            did = str(d.get("id"))
            fmt = d.get("format") or {".html": "html", ".htm": "html", ".txt": "txt"}.get(
                Path(str(d.get("path", ""))).suffix.lower(), "md")
            text, source = fetch_text(d, args.mirrors, args.cache, args.allow_head)
            if text is None:
                report["missing"].append({"id": did, "repo": d.get("repo"), "why": source})
                continue
            report["sources"][did] = source
            plain, passages = build_document(text, fmt, lang, did)
            split = d.get("split", "unassigned")
            for p in passages:
                p["split"] = split
            doc_labels = None
            lf = labels_dir / f"{did}.yml"
            if lf.is_file():
                report["label_files"] += 1
                label = yaml.safe_load(lf.read_text(encoding="utf-8")) or {}
                label.setdefault("id", did)
                if label.get("read_at_commit") and d.get("commit") and label["read_at_commit"] != d["commit"]:
                    report["label_problems"].append({"doc": did, "problem": "label read at another commit"})
                doc_labels = apply_labels(label, plain, passages, text, report["label_problems"])
            report["built"] += 1
            report["passages"] += len(passages)
            report["by_split"][split] = report["by_split"].get(split, 0) + 1
            report["by_kind"][d.get("kind", "?")] = report["by_kind"].get(d.get("kind", "?"), 0) + 1
            if args.check_labels:
                continue
            (out / f"{did}.txt").write_text(plain + "\n", encoding="utf-8")
            meta = {k: d.get(k) for k in ("id", "repo", "commit", "path", "format", "kind", "regime", "split",
                                          "licence", "family")}
            meta.update(source=source, words=len(tokens(plain)) if not lang.startswith("zh") else len(plain),
                        passages=len(passages), labels=doc_labels)
            doc_lines.append(json.dumps(meta, ensure_ascii=False))
            passage_lines += [json.dumps({"id": f"{did}:{p['idx']}", **p}, ensure_ascii=False) for p in passages]
        if not args.check_labels:
            (out / "documents.jsonl").write_text("\n".join(doc_lines) + ("\n" if doc_lines else ""), encoding="utf-8")
            (out / "passages.jsonl").write_text("\n".join(passage_lines) + ("\n" if passage_lines else ""),
                                                encoding="utf-8")
            (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        unresolved = [p for p in report["label_problems"] if "problem" in p]
        print(f"{f.name}: {report['built']}/{len(docs)} documents built, {report['passages']} passages, "
              f"{len(report['missing'])} missing, {report['label_files']} label files, "
              f"{len(unresolved)} label problems")
        for p in report["label_problems"]:
            print("  ", json.dumps(p, ensure_ascii=False))
        if unresolved:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
