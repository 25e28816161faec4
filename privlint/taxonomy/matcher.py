"""The identifier classifier: token-sequence patterns, person context, fillers and exclusions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from privlint.taxonomy.model import NamePattern
from privlint.taxonomy.tokens import singular, split_identifier

Tokens = tuple[str, ...]
_TOKENS_LIMIT = 200_000


def pattern_tokens(pattern: str) -> Tokens:
    """Tokens of a pattern written as words, snake_case or camelCase; a Chinese word stays one token."""
    tokens: list[str] = []
    for part in pattern.split():
        tokens.extend([part] if not part.isascii() else map(singular, split_identifier(part)))
    return tuple(tokens)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pattern found at ``tokens[start:end]``; ``reach`` is ``end`` extended over trailing fillers."""

    start: int
    end: int
    reach: int
    pattern: NamePattern

    def rank(self) -> tuple[int, int, int, bool]:
        """Head noun last: prefer the match reaching rightmost, then the widest (``id_card_no`` is an ID card,
        not a ``card_no``), then the longest pattern, then one needing no context."""
        return (self.reach, self.reach - self.start, self.end - self.start, not self.pattern.needs_person)


class NameMatcher:
    """Classifies identifier names, given compiled patterns and the context word lists."""

    def __init__(self, patterns: Iterable[NamePattern], type_excludes: Mapping[str, Sequence[str]],
                 context: Mapping[str, Sequence[str]], owner_independent: frozenset[str] = frozenset()) -> None:
        self._index: dict[str, list[NamePattern]] = defaultdict(list)
        for pattern in patterns:
            self._index[pattern.tokens[0]].append(pattern)
        self._type_excludes = {key: [pattern_tokens(item) for item in items] for key, items in type_excludes.items()}
        self._person = _word_set(context["person_tokens"])
        self._non_person = _word_set(context["non_person_owners"])
        self._fillers = _word_set(context["fillers"])
        self._prefix_excludes = _word_set(context["prefix_excludes"])
        self._excludes = [_owner_and_tokens(item) for item in context["excludes"]]
        self._owner_independent = owner_independent
        words = {token for items in self._index.values() for pattern in items for token in pattern.tokens}
        self._cjk = frozenset(word for word in words | self._person if not word.isascii())
        self._tokens: dict[str, Tokens] = {}

    @property
    def person_words(self) -> frozenset[str]:
        return frozenset(self._person)

    def tokens(self, name: str) -> Tokens:
        """Singular lower-case tokens of an identifier, Chinese cut into the known words (remembered: a name is
        classified again for every owner it is read from)."""
        found = self._tokens.get(name)
        if found is None:
            if len(self._tokens) > _TOKENS_LIMIT:
                self._tokens.clear()
            found = self._tokens[name] = tuple(singular(token) for token in split_identifier(name, self._cjk))
        return found

    def classify(self, name: str, owner: str | None) -> str | None:
        """The type id ``name`` (read from ``owner``) holds, or None; dunder names never hold personal data."""
        if name.startswith("__") and name.endswith("__"):
            return None
        tokens = self.tokens(name)
        owner_tokens = self.tokens(owner.rsplit(".", 1)[-1]) if owner else ()
        return self._classify_tokens(tokens, owner_tokens)

    def classify_joined(self, name: str, owner: str | None) -> str | None:
        """The type id the owner's last word and a one-word name make together (``mail["address"]`` is a
        ``mail address``) when the owner's word alone is a name of that type too (``mail``), or None."""
        tokens = self.tokens(name)
        owner_tokens = self.tokens(owner.rsplit(".", 1)[-1]) if owner else ()
        if not owner_tokens or len(tokens) != 1 or name.startswith("__"):
            return None
        word = owner_tokens[-1]
        found = self._classify_tokens((word, *tokens), owner_tokens[:-1], joined=True)
        alone = any(pattern.tokens == (word,) and pattern.type_id == found for pattern in self._index.get(word, ()))
        return found if alone else None

    def _classify_tokens(self, tokens: Tokens, owner_tokens: Tokens, joined: bool = False) -> str | None:
        """The type id of a name's tokens read from an owner's; with ``joined``, only a pattern spanning the
        first token (the owner's word) and the name."""
        candidates = [found for found in self._find(tokens) if not self._type_excluded(found, tokens)
                      and not (joined and (found.start > 0 or found.end < 2))]
        if not candidates or self._globally_excluded(tokens, owner_tokens):
            return None
        best = max(candidates, key=Candidate.rank)
        return best.pattern.type_id if self._accepts(best, tokens, owner_tokens) else None

    def _find(self, tokens: Tokens) -> Iterable[Candidate]:
        """Every pattern occurrence in ``tokens``."""
        for start, token in enumerate(tokens):
            for pattern in self._index.get(token, ()):
                end = start + len(pattern.tokens)
                if tokens[start:end] == pattern.tokens:
                    yield Candidate(start, end, self._reach(tokens, end), pattern)

    def _reach(self, tokens: Tokens, end: int) -> int:
        """The index after the run of filler tokens (``no``, ``number``, digits...) that starts at ``end``."""
        while end < len(tokens) and self._is_filler(tokens[end]):
            end += 1
        return end

    def _is_filler(self, token: str) -> bool:
        """A token that leaves the matched data type unchanged when it follows the match."""
        return token in self._fillers or token.isdigit()

    def _type_excluded(self, found: Candidate, tokens: Tokens) -> bool:
        """Whether one of the type's own exclusion sequences occurs in the name."""
        return any(_contains(tokens, item) for item in self._type_excludes.get(found.pattern.type_id, ()))

    def _globally_excluded(self, tokens: Tokens, owner_tokens: Tokens) -> bool:
        """Whether a global exclusion (``seq`` or ``owner.seq``) matches."""
        for owner, sequence in self._excludes:
            if _contains(tokens, sequence) and (owner is None or owner_tokens[-1:] == owner[-1:]):
                return True
        return False

    def _accepts(self, found: Candidate, tokens: Tokens, owner_tokens: Tokens) -> bool:
        """Apply context: only fillers after the match, no negating word before it, no infrastructure owner
        (``server.ip``, ``my_file.name``) unless the name alone says it is a person's sensitive data or government
        ID (``zip.ssn``), and a person (owner or name word) where the word is ambiguous."""
        before = tokens[: found.start]
        if found.reach < len(tokens):
            return False
        if any(token in self._prefix_excludes for token in before):
            return False
        owner_decides = found.pattern.needs_person or found.pattern.type_id not in self._owner_independent
        head = self._head(owner_tokens)
        if (head and head[-1] in self._non_person
                and not any(token in self._person for token in head[:-1]) and owner_decides):
            return False
        if owner_decides and self._thing_qualifies(before):
            return False
        if not found.pattern.needs_person:
            return True
        return any(token in self._person for token in owner_tokens) or self._person_qualifies(before)

    def names_a_thing(self, name: str) -> bool:
        """Whether ``name``'s head noun is a thing of ``non_person_owners`` and no person word is in it."""
        tokens = self._head(self.tokens(name))
        return bool(tokens) and tokens[-1] in self._non_person and not any(t in self._person for t in tokens)

    def _head(self, owner_tokens: Tokens) -> Tokens:
        """The owner's tokens up to its head noun: ``service_data`` is a service's, ``repo_info`` a repository's."""
        end = len(owner_tokens)
        while end > 1 and self._is_filler(owner_tokens[end - 1]):
            end -= 1
        return owner_tokens[:end]

    def _thing_qualifies(self, before: Tokens) -> bool:
        """Whether the name starts with a word naming a thing, and no person follows it: a ``machine_ip``, a
        ``room_latitude``, a ``repo_full_name`` belong to a machine, a room, a repository."""
        return bool(before) and before[0] in self._non_person and not any(token in self._person for token in before)

    def _person_qualifies(self, before: Tokens) -> bool:
        """Whether the word right before the match (skipping fillers) is a person: ``customer_primary_address``
        but not ``owner_thread_ids``, whose ids belong to threads."""
        for token in reversed(before):
            if not self._is_filler(token):
                return token in self._person
        return False


def _word_set(words: Iterable[str]) -> frozenset[str]:
    """A context word list as singular tokens."""
    return frozenset(token for word in words for token in pattern_tokens(word))


def names_a_word(exclusion: str) -> bool:
    """Whether an exclusion (``seq`` or ``owner.seq``) has a word to match: one without would exclude every name."""
    return bool(_owner_and_tokens(exclusion)[1])


def _owner_and_tokens(pattern: str) -> tuple[Tokens | None, Tokens]:
    """Split a global exclusion ``owner.sequence`` (owner optional) into tokens."""
    owner, _, sequence = pattern.rpartition(".")
    return (pattern_tokens(owner) if owner else None), pattern_tokens(sequence)


def _contains(tokens: Tokens, sequence: Tokens) -> bool:
    """Whether ``sequence`` occurs contiguously in ``tokens``."""
    size = len(sequence)
    return any(tokens[i : i + size] == sequence for i in range(len(tokens) - size + 1))
