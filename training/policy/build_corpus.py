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
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from anchors import apply_labels
from plaintext import build_document, tokens

HERE = Path(__file__).resolve().parent
SPLIT_SEED = "privlint-policy-split-v1:"
SPLIT_SHARES = (("train", 0.6), ("dev", 0.2), ("test", 0.2))


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
