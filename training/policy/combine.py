"""The document-level decision of the policy reader, learned on out-of-fold reader features of train+dev documents:
a logistic model of P(absent) per disclosure (privlint/policy/decision.py applies it) and its cutoffs.

Everything here sees only train and dev documents. `blind_decisions` estimates the whole procedure (fit, then
choose the cutoffs) blind: each fold's documents are decided by models and cutoffs chosen without them.

    python training/policy/combine.py --lang en [--split dev]    # the blind estimate, from train.py's .work/
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Sequence

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent

FOLDS = 5
OWN = ("max", "top", "over50", "over20", "phrases", "phrase_hits", "heading", "details", "extracted", "topic",
       "topic_heading")
# Signals beyond a disclosure's own that bear on it: whether the policy names its product, how many names it
# repeats and how often it repeats a word few other policies use (naming.py) separate a policy that names no one
# from one that names only its app; a policy that lists no rights says nothing on how to exercise them, and the
# reverse; one that names a single kind of right (rights.py) touches user rights without listing them, and one that
# names no way to exercise them (a request channel, settings, closing the account...) states them only.
OWN_EXTRA = {"controller-identity": ("named", "names", "own_word"),
             "rights-procedure": ("best:user-rights", "topic:user-rights", "ways"),
             "user-rights": ("best:rights-procedure", "topic:rights-procedure", "rights")}
SHARED = ("categories", "sensitive", "recipients", "countries", "length")
EXTRA = "own"
L2 = 30.0
BUDGET = 0.0175
MOST = 0.08
MIN_ABSENT = 4


def fold_of(doc_id: str, salt: str = "privlint-policy-decision-fold") -> int:
    """A document's fold, fixed by its id."""
    return int(hashlib.sha256(f"{salt}:{doc_id}".encode()).hexdigest(), 16) % FOLDS


def feature_names(records: Sequence[dict], extra: str, name: str) -> list[str]:
    """The features the combiner of disclosure `name` uses: its own signals, plus the shared document signals
    ("shared"), plus the best score of every disclosure ("all")."""
    names = [*OWN, *OWN_EXTRA.get(name, ())]
    if extra in ("shared", "all"):
        names += SHARED
    if extra == "all":
        names += sorted(key for key in records[0]["features"][name] if key.startswith("best:"))
    return names


def matrix(records: Sequence[dict], name: str, names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Features (documents x names) and targets (1 = the document lacks the disclosure) of disclosure `name`."""
    x = np.array([[record["features"][name].get(key, 0.0) for key in names] for record in records], dtype=float)
    y = np.array([record["labels"].get(name) == "absent" for record in records], dtype=float)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> dict:
    """L2-regularised logistic regression by Newton steps, on standardised features; deterministic."""
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"means": means.tolist(), "scales": scales.tolist(), "bias": float(w[0]), "weights": w[1:].tolist()}


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    """P(absent) of each row."""
    z = model["bias"] + ((x - np.array(model["means"])) / np.array(model["scales"])) @ np.array(model["weights"])
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def choose_absent(probabilities: np.ndarray, y: np.ndarray, settled: np.ndarray, allowed: int) -> float:
    """The P(absent) cutoff with the best F1 of "missing" among those with at most `allowed` false reports (a
    `settled` document is never missing); among equals the highest cutoff (fewest reports)."""
    best, best_f1 = 1.01, -1.0
    candidates = sorted({round(float(p), 6) for p in probabilities}, reverse=True)
    for cut in candidates:
        report = (probabilities >= cut) & (settled == 0)
        tp = float((report & (y == 1)).sum())
        fp = float((report & (y == 0)).sum())
        fn = float(((~report) & (y == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if fp <= allowed and f1 > best_f1 + 1e-12:
            best, best_f1 = cut, f1
    return best


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float) -> np.ndarray:
    """Probabilities of each row from a model fitted without its fold."""
    p = np.zeros(len(x))
    for k in sorted(set(folds.tolist())):
        inside = folds != k
        p[~inside] = predict(fit(x[inside], y[inside], l2), x[~inside]) if y[inside].any() else 0.0
    return p


def f1_and_false(decided: np.ndarray, y: np.ndarray) -> tuple[float, int, int]:
    """F1 of "missing", false reports and absent documents."""
    tp = float((decided & (y == 1)).sum())
    fp = int((decided & (y == 0)).sum())
    fn = float(((~decided) & (y == 1)).sum())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else math.nan
    return f1, fp, int(y.sum())


def curve(probabilities: np.ndarray, y: np.ndarray, x: np.ndarray, columns: Sequence[str],
          most: int) -> list[tuple[float, float, bool]]:
    """(best F1 of "missing", its P(absent) cutoff, whether a phrase match settles the disclosure) for each number
    of false reports allowed, 0..most. An extractor's match always settles a disclosure; a phrase list's match
    settles it where that gives the better F1 (a list that also matches documents lacking the disclosure is left
    to the model). A disclosure fewer than MIN_ABSENT documents lack gets no false report: its curve is too
    uncertain to spend any on."""
    points = []
    for allowed in range(most + 1 if y.sum() >= MIN_ABSENT else 1):
        options = []
        for phrases_settle in (True, False):
            settled = _settled(x, columns, phrases_settle)
            cut = choose_absent(probabilities, y, settled, allowed)
            options.append((_f1_at(probabilities, y, settled, cut), cut, phrases_settle))
        points.append(max(options, key=lambda option: (option[0] + 1e-9 * option[2])))
    return points


def _f1_at(probabilities: np.ndarray, y: np.ndarray, settled: np.ndarray, cut: float) -> float:
    decided = (probabilities >= cut) & (settled == 0)
    f1, _, _ = f1_and_false(decided, y)
    return 0.0 if math.isnan(f1) else f1


def allocate(curves: dict[str, list[tuple[float, float, bool]]], budget: int) -> dict[str, int]:
    """How many false reports each disclosure may make so that the sum of F1 is the highest within `budget`
    false reports in all (dynamic programming over disclosures); among equal sums, fewer reports."""
    names = sorted(curves)
    best: dict[int, tuple[float, dict[str, int]]] = {0: (0.0, {})}
    for name in names:
        nxt: dict[int, tuple[float, dict[str, int]]] = {}
        for used, (total, chosen) in best.items():
            for allowed, (f1, *_) in enumerate(curves[name]):
                if used + allowed > budget:
                    break
                candidate = (total + f1, {**chosen, name: allowed})
                key = used + allowed
                if key not in nxt or candidate[0] > nxt[key][0] + 1e-9:
                    nxt[key] = candidate
        best = nxt
    top = max(total for total, _ in best.values())
    used = min(key for key, (total, _) in best.items() if total >= top - 1e-9)
    return best[used][1]


def choose_combiners(records: Sequence[dict], extra: str = EXTRA, l2: float = L2, budget: float = BUDGET,
                     most: float = MOST) -> dict:
    """The shipped combiner of every disclosure: a logistic model fitted on every record, and the P(absent) cutoff
    of each chosen on out-of-fold probabilities so that the sum of F1 of "missing" is highest with false reports
    on at most `budget` of all (document, disclosure) pairs, and on at most `most` of one disclosure's documents."""
    names = sorted(records[0]["features"])
    columns = {name: feature_names(records, extra, name) for name in names}
    folds = np.array([fold_of(record["doc"]) for record in records])
    curves, models = {}, {}
    for name in names:
        x, y = matrix(records, name, columns[name])
        curves[name] = curve(out_of_fold(x, y, folds, l2), y, x, columns[name], int(most * len(records)))
        models[name] = fit(x, y, l2) if y.any() else None
    allowed = allocate(curves, int(budget * len(records) * len(names)))
    chosen = {}
    for name in names:
        if models[name] is None:
            continue
        _, cut, phrases_settle = curves[name][allowed[name]]
        chosen[name] = {"features": columns[name], **models[name], "absent": cut, "phrases_settle": phrases_settle}
    return chosen


def blind_decisions(records: Sequence[dict], extra: str = EXTRA, l2: float = L2, budget: float = BUDGET,
                    most: float = MOST) -> dict[str, np.ndarray]:
    """"Missing" decisions per disclosure for every record, each fold decided by combiners and cutoffs chosen
    (choose_combiners' procedure) without it: an estimate of the procedure that sees none of its documents."""
    names = sorted(records[0]["features"])
    columns = {name: feature_names(records, extra, name) for name in names}
    folds = np.array([fold_of(record["doc"]) for record in records])
    data = {name: matrix(records, name, columns[name]) for name in names}
    decided = {name: np.zeros(len(records), dtype=bool) for name in names}
    for k in range(FOLDS):
        inside = folds != k
        curves, models = {}, {}
        for name, (x, y) in data.items():
            inner = out_of_fold(x[inside], y[inside], folds[inside], l2)
            curves[name] = curve(inner, y[inside], x[inside], columns[name], int(most * inside.sum()))
            models[name] = fit(x[inside], y[inside], l2) if y[inside].any() else None
        allowed = allocate(curves, int(budget * inside.sum() * len(names)))
        for name, (x, _) in data.items():
            _, cut, phrases_settle = curves[name][allowed[name]]
            p = predict(models[name], x[~inside]) if models[name] else np.zeros((~inside).sum())
            decided[name][~inside] = (p >= cut) & (_settled(x[~inside], columns[name], phrases_settle) == 0)
    return decided


def _settled(x: np.ndarray, columns: Sequence[str], phrases_settle: bool) -> np.ndarray:
    """1 where an extractor (or, when `phrases_settle`, a phrase list) settles the disclosure: the combiner never
    reports those missing."""
    settled = x[:, list(columns).index("extracted")]
    return np.maximum(settled, x[:, list(columns).index("phrases")]) if phrases_settle else settled


def report(records: Sequence[dict], decided: dict[str, np.ndarray]) -> tuple[list[str], float, float]:
    """Markdown lines per disclosure (F1 of "missing", false-"missing" rate, beside the phrase lists), the macro F1
    over disclosures some record lacks and the false-"missing" rate over all pairs."""
    lines = ["| disclosure | absent | reader F1 | reader false-missing | phrases F1 | phrases false-missing |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    f1s, phrase_f1s, false, phrase_false = [], [], 0, 0
    for name in sorted(decided):
        y = np.array([record["labels"].get(name) == "absent" for record in records], dtype=float)
        phrases = np.array([name not in record["found"] for record in records])
        f1, fp, absent = f1_and_false(decided[name], y)
        pf1, pfp, _ = f1_and_false(phrases, y)
        false, phrase_false = false + fp, phrase_false + pfp
        if absent:
            f1s.append(f1)
            phrase_f1s.append(pf1)
        shown = [("-" if math.isnan(v) else f"{v:.2f}") for v in (f1, pf1)]
        lines.append(f"| {name} | {absent} | {shown[0]} | {fp / len(records):.1%} | {shown[1]} | "
                     f"{pfp / len(records):.1%} |")
    pairs = len(records) * len(decided)
    macro, rate = float(np.mean(f1s)), false / pairs
    lines.append(f"| **macro / all** | | **{macro:.2f}** | **{rate:.1%}** | **{np.mean(phrase_f1s):.2f}** | "
                 f"**{phrase_false / pairs:.1%}** |")
    return lines, macro, rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", required=True, choices=("en", "zh"))
    parser.add_argument("--split", choices=("train", "dev"), help="report only this split's documents")
    parser.add_argument("--records", type=Path, help="out-of-fold records (default: train.py's .work/oof_<lang>.json)")
    parser.add_argument("--extra", default=EXTRA, choices=("own", "shared", "all"))
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--budget", type=float, default=BUDGET)
    args = parser.parse_args(argv)
    path = args.records or HERE / ".work" / f"oof_{args.lang}.json"
    records = json.loads(path.read_text(encoding="utf-8"))
    decided = blind_decisions(records, args.extra, args.l2, args.budget)
    if args.split:
        splits = _splits(args.lang)
        keep = np.array([splits.get(record["doc"]) == args.split for record in records])
        records = [record for record, kept in zip(records, keep) if kept]
        decided = {name: values[keep] for name, values in decided.items()}
    lines, _, _ = report(records, decided)
    print(f"{args.lang} {args.split or 'train+dev'}, blind cross-validation: {len(records)} documents")
    print("\n".join(lines))
    return 0


def _splits(lang: str) -> dict[str, str]:
    reference = yaml.safe_load((HERE / "corpus" / f"{lang}.yml").read_text(encoding="utf-8"))
    entries = reference["documents"] if isinstance(reference, dict) else reference
    return {entry["id"]: entry.get("split") for entry in entries}


if __name__ == "__main__":
    sys.exit(main())
