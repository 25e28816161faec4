"""Precise extractors that settle a disclosure where a rule beats the model: contact channels, the operator's
self-definition and the policy's date."""

from __future__ import annotations

import re
from typing import Sequence

from privlint.policy.reader import Passage

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_PHONE = (r"(?:\+\d{1,3}[ -]?)?(?:\(\d{1,4}\)[ -]?)?\d{2,4}[ -]\d{3,4}[ -]\d{3,4}|"
          r"\b1[3-9]\d{9}\b|\b400[ -]?\d{3}[ -]?\d{4}\b")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = (rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}\b|"
         rf"\b{_MONTH},? \d{{4}}\b|\b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}\b|"
         r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?")
_DATED = (r"effective|updated|update|revised|revision|modified|last change|version|dated|\bas of|in force|takes effect|"
          r"starting from|生效|更新|修订|修改|发布|版本|(?<!出生)日期(?=\s*[：:])")
# A date alone on its line ("November 5th 2025", "[2018.4.22]") or opening a changelog entry ("June 16, 2022: Added
# a changelog") dates the policy too.
_DATE_LINE = rf"^[ \t]*[\[(（【]?(?:{_DATE})[\])）】]?[ \t]*$|^[ \t]*(?:{_DATE})[^\n:：]{{0,25}}[:：]"
_GENERIC = ("本网站", "本应用", "本软件", "本产品", "本程序", "本扩展", "本插件", "本站", "我们")
_NAMED = "".join(f"(?<!{name}[（(])(?<!{name})" for name in _GENERIC)
_SELF = (r"\((?:the )?[\"“']?(?:we|us|our)[\"”']?[,)]|\(that'?’?s us\)|hereinafter[^.]{0,40}[\"“](?:we|us)[\"”]|"
         rf"{_NAMED}[（(]?以下简称\s*[“\"「]?(?:我们|本公司|我方)|{_NAMED}（[“\"「]?我们[”\"」]?）")

EXTRACTORS: dict[str, tuple[re.Pattern[str], ...]] = {
    "contact": (re.compile(_EMAIL), re.compile(_PHONE)),
    "effective-date": (re.compile(rf"(?:{_DATED})[^\n]{{0,60}}?(?:{_DATE})", re.IGNORECASE),
                       re.compile(rf"(?:{_DATE})[^\n]{{0,20}}?(?:{_DATED})", re.IGNORECASE),
                       re.compile(_DATE_LINE, re.IGNORECASE | re.MULTILINE)),
    "controller-identity": (re.compile(_SELF, re.IGNORECASE),),
}


def extract_all(passages: Sequence[Passage], headings: Sequence[Passage]) -> dict[str, Passage]:
    """The first passage or heading each extractor matches, by disclosure. Headings are searched on their own as
    well as above their passages: a dated heading ("## Last update: 16/07/2024") often has no text under it."""
    ordered = sorted([*passages, *headings], key=lambda passage: (passage.block, passage.start))
    return {name: passage for name in EXTRACTORS if (passage := extracted(name, ordered)) is not None}


def extracted(name: str, passages: Sequence[Passage]) -> Passage | None:
    """The first passage (its heading included) in which an extractor of disclosure `name` matches. A match may
    run over the sentences of one block: the Chinese sentencizer cuts "name@mail.example" at every full stop, so
    each block's passages are joined again at their offsets before they are searched."""
    patterns = EXTRACTORS.get(name, ())
    if not patterns:
        return None
    for group in _blocks(passages):
        text, starts = _joined(group)
        heading = f"{group[0].heading}\n"
        for pattern in patterns:
            match = pattern.search(heading + text)
            if match is not None:
                at = max(match.start() - len(heading), 0)
                return next(p for p, start in reversed(list(zip(group, starts))) if start <= at)
    return None


def _blocks(passages: Sequence[Passage]) -> list[list[Passage]]:
    """Consecutive passages of the same block."""
    groups: list[list[Passage]] = []
    for passage in passages:
        if groups and groups[-1][-1].block == passage.block and passage.start >= groups[-1][-1].start:
            groups[-1].append(passage)
        else:
            groups.append([passage])
    return groups


def _joined(group: Sequence[Passage]) -> tuple[str, list[int]]:
    """The block text of a group of passages (the white space between them as single spaces), and where each
    passage starts in it."""
    text, starts, end = "", [], group[0].start
    for passage in group:
        if passage.start > end:
            text += " "
        starts.append(len(text))
        text += passage.text
        end = passage.start + len(passage.text)
    return text, starts
