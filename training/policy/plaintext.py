"""Policy source text (Markdown, HTML, plain text) to plain text with its headings, and passages that keep
their heading path: the corpus's own reading, independent of privlint's parser."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser


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
    s = re.sub(r"(\*\*|__|\*|~~|`)", "", s)
    s = re.sub(r"(?<![\w])_(?=\S)|(?<=\S)_(?![\w])", "", s)
    s = re.sub(r"\{%.*?%\}", "", s)
    s = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", s)
    return re.sub(r"[ \t\u00a0]+", " ", s).strip()


def md_blocks(text: str) -> list[tuple[str, int, str]]:
    text = strip_front_matter(text)
    # autolinks (<support@example.org>, <https://...>) are text, not tags, even where the page also holds HTML
    text = re.sub(r"<((?:mailto:)?[^\s<>@]+@[^\s<>@]+\.\w+|https?://[^\s<>]+)>", r"\1", text)
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
