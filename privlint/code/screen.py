"""A cheap first look at a file's text: can it hold personal data at all, or can it be settled unparsed?"""

from __future__ import annotations

import re
from typing import Iterable

from privlint.taxonomy import Taxonomy

_WORD = re.compile(r"[^\W\d]\w*(?:-\w+)*")
_LITERAL_LIKE = re.compile(r"\d[\d -]{7,}[\dXx]|[\w.+-]+@[\w-]+\.\w|\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b")
# The owner that admits the most names: ambiguous words (name, address) count on a person.
_PERSON = "user"


class Screen:
    """Decides, from text alone, whether a file may contain personal data; errs on the side of parsing."""

    def __init__(self, taxonomy: Taxonomy, extra_words: Iterable[str] = ()) -> None:
        self._taxonomy = taxonomy
        words = "|".join(map(re.escape, sorted(set(extra_words))))
        self._extra = re.compile(rf"\b(?:{words})\b" if words else r"(?!x)x")
        self._verdicts: dict[str, bool] = {}

    def might_hold_personal_data(self, text: str) -> bool:
        """True when some word of the text names personal data, or some literal looks like it."""
        if self._extra.search(text) or _LITERAL_LIKE.search(text):
            return True
        verdicts = self._verdicts
        for word in set(_WORD.findall(text)):
            verdict = verdicts.get(word)
            if verdict is None:
                verdict = verdicts[word] = self._names_data(word)
            if verdict:
                return True
        return False

    def _names_data(self, word: str) -> bool:
        classify = self._taxonomy.classify_name
        return classify(word, None) is not None or classify(word, _PERSON) is not None
