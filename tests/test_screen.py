"""The screen's search for ambiguous words read from a person agrees with the plain pattern it replaces."""

from __future__ import annotations

import re

import pytest

from privlint.code.screen import Screen
from privlint.taxonomy import load_taxonomy

TEXTS = [
    "print(current_user.name)",
    "print(user\n    .name)",
    "value = customer [ 'address' ]",
    "value = Customer.get('name')",
    "value = record.get('name')",
    "value = users_by_id[key].name",
    "value = 患者.name",
    "value = user_name",
    "value = self.username",
    "value = account.name_of_thing",
    "value = PROFILE\t.\tADDRESS",
    "value = superuser.name + owner['address']",
    "value = x.user . name",
    "value = userX_1.address",
]
WORDS = [["name"], ["address"], ["name", "address"], ["address", "nam"]]


def plain(screen: Screen, text: str, words: list[str]) -> bool:
    """The single pattern the screen used to compile for every file."""
    fields = "|".join(map(re.escape, words))
    access = rf"(?:{screen._people})\w*\s*(?:\.\s*|\[\s*['\"]|\.get\(\s*['\"])(?:{fields})\b"
    return bool(screen._person_class.search(text)) or re.search(access, text, re.IGNORECASE) is not None


@pytest.fixture(scope="module")
def screen() -> Screen:
    return Screen(load_taxonomy())


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("words", WORDS)
def test_quick_search_agrees_with_the_plain_pattern(screen: Screen, text: str, words: list[str]) -> None:
    assert screen._read_from_a_person(text, words) == plain(screen, text, words)


def test_quick_search_finds_and_refuses(screen: Screen) -> None:
    assert screen._read_from_a_person("print(current_user.name)", ["name"])
    assert screen._read_from_a_person("print(user\n    .name)", ["name"])
    assert not screen._read_from_a_person("print(record.name)", ["name"])
    assert not screen._read_from_a_person("print(user.names)", ["name"])


class _Words:
    """A stand-in taxonomy whose only person word is not made of word characters."""

    person_words = frozenset({"end-user"})


def test_person_words_with_other_characters_use_the_plain_pattern() -> None:
    screen = Screen(_Words())  # type: ignore[arg-type]
    assert screen._person_word is None
    for text in ("x = end-user.name", "x = end-user_1 .name", "x = enduser.name", "x = end-user.names"):
        assert screen._read_from_a_person(text, ["name"]) == plain(screen, text, ["name"])
    assert screen._read_from_a_person("x = end-user.name", ["name"])
