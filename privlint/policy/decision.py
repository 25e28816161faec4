"""The document-level decision of the policy reader: signals of one document per disclosure (the reader's passage
scores, phrase matches in the text and in headings, detail and claim hits, extractor hits) combined by a small
logistic model per disclosure whose weights ship in cutoffs.json (plain Python, trained by training/policy)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

from privlint.policy.analysis import Analysis
from privlint.policy.naming import names_itself, own_word_mentions, repeated_names, word_counts
from privlint.policy.rights import rights_named, ways_named
from privlint.policy.topics import topic_counts

SENSITIVE = frozenset({"location", "biometric", "health", "financial", "government-id"})
TOP = 3
EPSILON = 1e-4


def logit(score: float) -> float:
    """The log-odds of a score, clipped away from 0 and 1."""
    score = min(max(score, EPSILON), 1 - EPSILON)
    return math.log(score / (1 - score))


def document_signals(analysis: Analysis, scores: Sequence[Mapping[str, float]],
                     common: Collection[str]) -> dict[str, float]:
    """What the document says beside its passage scores: counts of claim hits (data categories, sensitive
    categories, recipient names, countries), its length, its topic words (topics.py), whether it names its
    product or operator, how many names it repeats and how often the word it repeats most outside the `common`
    words of other policies (naming.py), how many kinds of rights and of ways to exercise them it names
    (rights.py); shared by every disclosure."""
    categories: set[str] = set()
    recipients: set[str] = set()
    countries: set[str] = set()
    for item in analysis.located:
        kind, _, name = item.hit.label.partition(":")
        if item.hit.negated:
            continue
        if kind == "category":
            categories.add(name)
        elif kind == "recipient-names":
            recipients.add(name)
        elif kind == "country":
            countries.add(name)
    signals = {"categories": math.log1p(len(categories)), "sensitive": math.log1p(len(categories & SENSITIVE)),
               "recipients": math.log1p(len(recipients)), "countries": math.log1p(len(countries)),
               "length": math.log1p(len(scores)),
               "named": float(names_itself(analysis.opening, analysis.passages, analysis.lang)),
               "names": math.log1p(repeated_names(analysis.passages, analysis.lang)),
               "own_word": math.log1p(own_word_mentions(word_counts(analysis.passages, analysis.lang), common)),
               "rights": math.log1p(rights_named(analysis.passages, analysis.lang)),
               "ways": math.log1p(ways_named(analysis.passages, analysis.lang))}
    for name, (count, in_heading) in topic_counts(analysis.passages, analysis.lang).items():
        signals[f"topic:{name}"] = math.log1p(count)
        signals[f"topic_heading:{name}"] = float(in_heading)
    return signals


def features(name: str, analysis: Analysis, scores: Sequence[Mapping[str, float]], best: Mapping[str, float],
             shared: Mapping[str, float]) -> dict[str, float]:
    """The named features of disclosure `name` in one document: its passage scores (best, mean of the TOP best,
    how many passages score high), its phrase evidence in text and headings, its detail hits, a precise
    extractor's hit, the best scores of every disclosure (`best`) and the `shared` document signals."""
    ranked = sorted((row.get(name, 0.0) for row in scores), reverse=True)
    top = ranked[:TOP] or [0.0]
    found = analysis.found.get(name, [])
    details = {item.hit.label for item in analysis.located
               if item.hit.label.startswith(f"detail:{name}:") and not item.hit.negated}
    values = {"max": logit(top[0]), "top": logit(sum(top) / len(top)),
              "over50": math.log1p(sum(score >= 0.5 for score in ranked)),
              "over20": math.log1p(sum(score >= 0.2 for score in ranked)),
              "phrases": float(bool(found)), "phrase_hits": math.log1p(len(found)),
              "heading": float(any(item.in_heading for item in found)),
              "details": math.log1p(len(details)),
              "extracted": float(name in analysis.extracted),
              "topic": shared.get(f"topic:{name}", 0.0), "topic_heading": shared.get(f"topic_heading:{name}", 0.0)}
    values.update(shared)
    values.update({f"best:{other}": logit(score) for other, score in best.items()})
    return values


@dataclass(frozen=True, slots=True)
class Combiner:
    """A logistic model of P(absent) for one disclosure over standardised features, and its cutoff: from `absent`
    on, the document is reported to lack the disclosure, unless a precise extractor matches it or, where training
    found them reliable (`phrases_settle`), its phrase lists (the user's included) do."""

    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    absent: float
    phrases_settle: bool = True

    @classmethod
    def from_json(cls, raw: Mapping) -> Combiner:
        """The combiner of one disclosure as train.py writes it."""
        return cls(names=tuple(raw["features"]), means=tuple(raw["means"]), scales=tuple(raw["scales"]),
                   weights=tuple(raw["weights"]), bias=float(raw["bias"]), absent=float(raw["absent"]),
                   phrases_settle=bool(raw.get("phrases_settle", True)))

    def missing(self, values: Mapping[str, float]) -> bool:
        """True when the document's features say it lacks the disclosure."""
        if values.get("extracted") or (self.phrases_settle and values.get("phrases")):
            return False
        return self.probability(values) >= self.absent

    def probability(self, values: Mapping[str, float]) -> float:
        """P(the document lacks the disclosure)."""
        z = self.bias + sum(weight * (values.get(name, 0.0) - mean) / scale
                            for name, mean, scale, weight in zip(self.names, self.means, self.scales, self.weights))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
