"""Train the policy reader of one language from the built corpus and install it into privlint/policy/models.

    python training/policy/build_corpus.py          # first: assemble the corpus from the mirrors
    python training/policy/train.py --lang en       # then: train, choose cutoffs, install
    python training/policy/train.py --lang zh

The reader trains on the `train` and `dev` documents; `test` is never read here (evaluate.py reports it).
Cutoffs are chosen on out-of-fold scores: the train+dev documents are cut into FOLDS folds by document, a model
trained without each fold scores it, and the cutoffs are chosen on all those scores; the installed model is
then trained on every train+dev document. spaCy trains deterministically on CPU for a fixed seed and a fixed
number of epochs (the last model is kept, none is picked by score), so the same corpus and config give the
same reader.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from combine import choose_combiners  # noqa: E402
from cutoffs import choose_cutoffs, document_frequencies, document_scores  # noqa: E402
from examples import labelled_examples, labelled_ids  # noqa: E402
import scoring  # noqa: E402
from privlint.policy.naming import common_words  # noqa: E402
from privlint.policy.reader import MODELS  # noqa: E402

FOLDS = 5
POSITIVE_REPEAT = 3
FIT_SPLITS = {"train", "dev"}
SPACY_RANGE = ">=3.8,<4"


def write_docbin(corpus: Path, lang: str, doc_ids: set[str], target: Path) -> int:
    """The labelled passages of `doc_ids` as a spaCy DocBin, passages that make a disclosure repeated
    POSITIVE_REPEAT times (most passages make none); returns how many examples."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank(lang)
    bin_ = DocBin()
    count = 0
    for text, cats, _ in labelled_examples(corpus, lang, doc_ids):
        doc = nlp.make_doc(text)
        doc.cats = cats
        for _ in range(POSITIVE_REPEAT if any(value == 1.0 for value in cats.values()) else 1):
            bin_.add(doc)
            count += 1
    bin_.to_disk(target)
    return count


def train(lang: str, corpus: Path, doc_ids: set[str], work: Path) -> Path:
    """Run `spacy train` with config_<lang>.cfg on `doc_ids`; returns the trained model's folder."""
    from spacy.cli.train import train as spacy_train

    work.mkdir(parents=True, exist_ok=True)
    count = write_docbin(corpus, lang, doc_ids, work / "train.spacy")
    print(f"{lang}: training on {len(doc_ids)} documents, {count} examples", flush=True)
    spacy_train(HERE / f"config_{lang}.cfg", work / "output",
                overrides={"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "train.spacy"),
                           "training.logger.progress_bar": False})
    return work / "output" / "model-last"


def out_of_fold_scores(lang: str, corpus: Path, ids: list[str], work: Path, mirrors: Path,
                       frequencies: Mapping[str, int]) -> list[dict]:
    """Every train+dev document read by a model trained without it (cutoffs.document_scores)."""
    scores = []
    for fold in range(FOLDS):
        held_out = {doc_id for doc_id in ids if _fold(doc_id) == fold}
        model = train(lang, corpus, set(ids) - held_out, work / f"fold{fold}")
        scores.extend(document_scores(model, lang, FIT_SPLITS, mirrors, held_out, frequencies))
    return scores


def _fold(doc_id: str) -> int:
    return int(hashlib.sha256(f"privlint-policy-fold:{doc_id}".encode()).hexdigest(), 16) % FOLDS


def install(model: Path, lang: str, cutoffs: dict, common: Iterable[str]) -> Path:
    """Copy the trained pipeline, the words common to its training documents and its cutoffs (with a digest of the
    model files) into the package."""
    target = MODELS / lang
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(model, target)
    _portable(target)
    (target / "common_words.txt").write_text("".join(f"{word}\n" for word in sorted(common)), encoding="utf-8")
    cutoffs = {**cutoffs, "model_sha256": _digest(target)}
    (target / "cutoffs.json").write_text(json.dumps(cutoffs, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return target


def _portable(target: Path) -> None:
    """No scratch paths in the shipped config, and the spaCy range privlint depends on in its meta."""
    config = (target / "config.cfg").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^(train|dev) = .*$", r"\1 = null", config)
    (target / "config.cfg").write_text(config, encoding="utf-8")
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta["spacy_version"] = SPACY_RANGE
    (target / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def _recut(lang: str, cutoffs: dict) -> int:
    """Replace the installed model's cutoffs, keeping its digest."""
    path = MODELS / lang / "cutoffs.json"
    cutoffs = {**cutoffs, "model_sha256": json.loads(path.read_text(encoding="utf-8"))["model_sha256"]}
    path.write_text(json.dumps(cutoffs, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"new cutoffs for {path.parent}")
    return 0


def _digest(folder: Path) -> str:
    """One digest of every file of the installed model, so that the policy result cache sees a retrained reader."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", required=True, choices=("en", "zh"))
    parser.add_argument("--corpus", type=Path, default=HERE / ".corpus")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--cutoffs-only", action="store_true",
                        help="only choose the installed model's cutoffs again, from the saved out-of-fold scores")
    parser.add_argument("--cache", type=Path, action="append", default=[],
                        help="plain text cache of sources, as for build_corpus.py --cache")
    args = parser.parse_args(argv)
    scoring.CACHES[:] = args.cache
    ids = labelled_ids(args.corpus, args.lang, FIT_SPLITS)
    with tempfile.TemporaryDirectory(prefix="privlint-train-") as scratch:
        work = (args.work or Path(scratch)) / args.lang
        shutil.rmtree(work, ignore_errors=True)
        saved = HERE / ".work" / f"oof_{args.lang}.json"
        if args.cutoffs_only:
            records = json.loads(saved.read_text())
        else:
            frequencies = document_frequencies(args.lang, FIT_SPLITS, args.mirrors, set(ids))
            records = out_of_fold_scores(args.lang, args.corpus, ids, work, args.mirrors, frequencies)
            saved.parent.mkdir(exist_ok=True)
            saved.write_text(json.dumps(records))
        cutoffs = choose_cutoffs([(r["labels"], r["best"], set(r["found"])) for r in records])
        cutoffs["decision"] = choose_combiners(records)
        if args.cutoffs_only:
            return _recut(args.lang, cutoffs)
        target = install(train(args.lang, args.corpus, set(ids), work / "final"), args.lang, cutoffs,
                         common_words(frequencies))
    print(f"installed {target}: {len(ids)} documents; cutoffs from {cutoffs['documents']} out-of-fold scores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
