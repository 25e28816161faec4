"""Rebuilds the labelled policy dev set from the section texts in sections_en.py and sections_zh.py."""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from sections_en import EN, EN_PARTIAL, FILLER_EN  # noqa: E402
from sections_zh import FILLER_ZH, ZH, ZH_PARTIAL  # noqa: E402

ORDER = list(EN)
PROFILES = {"complete": (1.0, 0.0), "typical": (0.7, 0.35), "deficient": (0.35, 0.5)}
TRADITIONAL_MAP = Path(HERE, "..", "..", "..", "rules", "policy", "traditional.yml")


def plan(rng: random.Random, profile: str, partials: dict) -> dict[str, str]:
    """present / partial / absent for each disclosure."""
    keep, partial_rate = PROFILES[profile]
    labels = {}
    for name in ORDER:
        if rng.random() < keep:
            labels[name] = "present"
        elif name in partials and rng.random() < partial_rate:
            labels[name] = "partial"
        else:
            labels[name] = "absent"
    return labels


def sections(rng: random.Random, labels: dict, full: dict, partials: dict) -> list[tuple[str, str]]:
    chosen = []
    for name in ORDER:
        if labels[name] == "present":
            heading, body, also = rng.choice(full[name])
        elif labels[name] == "partial":
            heading, body, also = partials[name][0]
        else:
            continue
        for other in also:
            if labels[other] == "absent":
                labels[other] = "present"
        chosen.append((heading, body))
    return chosen


def render(fmt: str, title: str, parts: list[tuple[str, str]], filler: list[str]) -> str:
    dated = [body for heading, body in parts if not heading]
    body_parts = [(h, b) for h, b in parts if h]
    if fmt == "md":
        out = [f"# {title}", "", *[d + "\n" for d in dated], filler[0], ""]
        for heading, body in body_parts:
            out += [f"## {heading}", "", body, ""]
        return "\n".join(out)
    if fmt == "html":
        out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>" + title + "</title>",
               "<style>body { font-family: sans-serif; }</style></head>", "<body>", f"<h1>{title}</h1>"]
        out += [f"<p><em>{html.escape(d)}</em></p>" for d in dated] + [f"<p>{filler[0]}</p>"]
        for heading, body in body_parts:
            out += [f"<h2>{html.escape(heading)}</h2>", f"<p>{html.escape(body)}</p>"]
        return "\n".join(out + ["</body></html>", ""])
    out = [title, "", *[d + "\n" for d in dated], filler[0], ""]
    for heading, body in body_parts:
        out += [heading, body, ""]
    return "\n".join(out)


def to_traditional(text: str) -> str:
    pairs = yaml.safe_load(TRADITIONAL_MAP.read_text(encoding="utf-8"))["traditional"]
    reverse: dict[str, str] = {}
    for pair in pairs:
        reverse.setdefault(pair[1], pair[0])
    return text.translate(str.maketrans(reverse))


def main() -> None:
    labels_out = {}
    specs = [("en", f"en-{i:02d}", p) for i, p in enumerate(["complete"] * 4 + ["typical"] * 8 + ["deficient"] * 6)]
    specs += [("zh", f"zh-{i:02d}", p) for i, p in enumerate(["complete"] * 4 + ["typical"] * 7 + ["deficient"] * 5)]
    formats = ["md", "html", "txt"]
    for index, (lang, stem, profile) in enumerate(specs):
        rng = random.Random(stem)
        full, partials, filler = (EN, EN_PARTIAL, FILLER_EN) if lang == "en" else (ZH, ZH_PARTIAL, FILLER_ZH)
        labels = plan(rng, profile, partials)
        parts = sections(rng, labels, full, partials)
        fmt = formats[index % 3]
        title = "Privacy Policy" if lang == "en" else "隐私政策"
        text = render(fmt, title, parts, rng.sample(filler, len(filler)))
        language = "en" if lang == "en" else "zh-Hans"
        encoding = "utf-8"
        if stem in ("zh-05", "zh-12"):
            text, language = to_traditional(text), "zh-Hant"
        if stem == "zh-08":
            encoding = "gb18030"
        name = f"{stem}.{fmt}"
        (HERE / name).write_bytes(text.encode(encoding))
        labels_out[name] = {"language": language, "profile": profile, "encoding": encoding, "labels": labels}
    header = "# Per-document, per-disclosure labels of the policy dev set (present / partial / absent).\n"
    (HERE / "labels.yml").write_text(header + yaml.dump({"documents": labels_out}, allow_unicode=True, sort_keys=True),
                                     encoding="utf-8")


if __name__ == "__main__":
    main()
