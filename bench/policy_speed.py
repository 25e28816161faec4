"""Measures the policy check: spaCy import, the trained readers' load, the first check, and a 10,000-word policy
once loaded (no result cache)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVSET = REPO / "tests" / "data" / "policies"
WORDS = 10_000


def fresh_import_seconds() -> float:
    """`import spacy` in a new interpreter (best of three)."""
    code = "import time; t = time.perf_counter(); import spacy; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    return min(runs)


def readers_load_seconds() -> float:
    """Loading both trained readers (en, zh) in a new interpreter, spaCy already imported (best of three)."""
    code = ("import spacy, time; from privlint.policy import reader; t = time.perf_counter(); "
            "reader.pipeline('en'); reader.pipeline('zh'); print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    return min(runs)


def build_policy(language: str, folder: Path) -> tuple[Path, int]:
    """A long policy made of the dev set's documents of one language, repeated up to about WORDS words."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob(f"{language}-*.md"))]
    body, size = [], 0
    while size < WORDS:
        for text in texts:
            body.append(text)
            size += len(text.split()) if language == "en" else len(text) // 2
    path = folder / f"long-{language}.md"
    path.write_text("\n\n".join(body), encoding="utf-8")
    return path, size


def main() -> None:
    from privlint.policy.api import check_policies

    print(f"import spacy (fresh interpreter): {fresh_import_seconds():.3f} s")
    print(f"load both trained readers (spaCy imported): {readers_load_seconds():.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        small = DEVSET / "en-00.md"
        for language in ("en", "zh"):
            start = time.perf_counter()
            check_policies([small if language == "en" else DEVSET / "zh-00.md"], ["pipl"], use_cache=False)
            print(f"first check ({language}: spaCy import if needed + blank pipeline + matchers + reader): "
                  f"{time.perf_counter() - start:.3f} s")
        for language in ("en", "zh"):
            path, size = build_policy(language, Path(tmp))
            timings = []
            for _ in range(5):
                start = time.perf_counter()
                result = check_policies([path], ["pipl", "gbt35273", "gdpr", "ccpa"], use_cache=False)
                timings.append(time.perf_counter() - start)
            unit = "words" if language == "en" else "word-equivalents (2 characters each)"
            print(f"{language}: {size} {unit}, {path.stat().st_size} bytes, {len(result.findings)} findings: "
                  f"median {statistics.median(timings):.3f} s, best {min(timings):.3f} s")


if __name__ == "__main__":
    main()
