"""A cheap first look at a file's text: can it hold personal data at all, or can it be settled unparsed?"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable

from privlint.taxonomy import Taxonomy
from privlint.wordsets import alternation, any_of

_WORD = re.compile(r"[^\W\d]\w*(?:-\w+)*")
_STRING = re.compile(r"""(["'])([^"'\n]{5,64})\1""")
# The owner that admits the most names: ambiguous words (name, address) count on a person.
_PERSON = "user"
_NOT_PERSONAL, _ON_A_PERSON, _PERSONAL = 0, 1, 2


class Screen:
    """Decides, from text alone, whether a file may contain personal data; errs on the side of parsing."""

    def __init__(self, taxonomy: Taxonomy, extra_words: Iterable[str] = (), ignored_types: Iterable[str] = ()) -> None:
        self._taxonomy = taxonomy
        self._ignored = frozenset(ignored_types)
        self._extra = any_of(extra_words, r"\b(?:{})\b")
        self._people = alternation(taxonomy.person_words)
        self._verdicts: dict[str, int] = {}

    # The person patterns are compiled on first use (the larger one takes milliseconds): most files are
    # settled before a person needs finding, and a one-file run may never need them.
    @functools.cached_property
    def _person_class(self) -> re.Pattern[str]:
        return any_of(self._taxonomy.person_words, r"\bclass\s+\w*(?:{})")

    @functools.cached_property
    def _person_word(self) -> re.Pattern[str] | None:
        """The person words, when all are made of word characters (the built-in ones are): the quick search."""
        quick = bool(self._people) and all(map(_is_word, "".join(self._taxonomy.person_words)))
        return re.compile(self._people, re.IGNORECASE) if quick else None

    def might_hold_personal_data(self, text: str) -> bool:
        """True when a word of the text names personal data (an ambiguous one such as ``name`` only when it is
        read from a person or declared in a person's class), or a string literal is personal data."""
        if self._extra.search(text) or self._has_personal_literal(text):
            return True
        ambiguous = []
        verdicts = self._verdicts
        for word in set(_WORD.findall(text)):
            verdict = verdicts.get(word)
            if verdict is None:
                verdict = verdicts[word] = self._verdict(word)
            if verdict == _PERSONAL:
                return True
            if verdict == _ON_A_PERSON:
                ambiguous.append(word)
        return bool(ambiguous) and self._read_from_a_person(text, ambiguous)

    def _read_from_a_person(self, text: str, words: list[str]) -> bool:
        if not self._people:
            return False
        if self._person_class.search(text):
            return True
        fields = "|".join(map(re.escape, words))
        if not self._person_word:
            access = rf"(?:{self._people})\w*\s*(?:\.\s*|\[\s*['\"]|\.get\(\s*['\"])(?:{fields})\b"
            return re.search(access, text, re.IGNORECASE) is not None
        # What the pattern above finds, without compiling the person words into a new pattern for every file
        # (the most costly step of the screen): an accessor of one of ``words`` (found quickly: it starts with
        # ``.`` or ``[``), after optional spaces, ends a run of word characters in which a person word starts.
        accessor = re.compile(rf"(?=(?:\.\s*|\[\s*['\"]|\.get\(\s*['\"])(?:{fields})\b)", re.IGNORECASE)
        for found in accessor.finditer(text):
            run_end = _before(text, found.start(), str.isspace)
            run_start = _before(text, run_end, _is_word)
            if any(self._person_word.match(text, start, run_end) for start in range(run_start, run_end)):
                return True
        return False

    def _has_personal_literal(self, text: str) -> bool:
        classify = self._taxonomy.classify_literal
        return any(classify(value) is not None for _, value in _STRING.findall(text)
                   if any(char.isdigit() or char == "@" for char in value))

    def _verdict(self, word: str) -> int:
        classify = self._taxonomy.classify_name
        found = classify(word, None)
        if found is not None and found.id not in self._ignored:
            return _PERSONAL
        found = classify(word, _PERSON)
        return _ON_A_PERSON if found is not None and found.id not in self._ignored else _NOT_PERSONAL


def _is_word(char: str) -> bool:
    """Whether ``char`` is what ``\\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _before(text: str, end: int, wanted: Callable[[str], bool]) -> int:
    """The start of the run of ``wanted`` characters that ends at ``end``."""
    start = end
    while start > 0 and wanted(text[start - 1]):
        start -= 1
    return start
