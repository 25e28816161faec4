"""One policy document read once: its language, sentences, phrase evidence and passages for the trained reader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from privlint.policy.blocks import Block
from privlint.policy.disclosures import Located, evidence, locate, sections
from privlint.policy.documents import PolicyDocument
from privlint.policy.extractors import extract_all
from privlint.policy.language import ENGLISH, TRADITIONAL, detect_language, to_simplified
from privlint.policy.naming import OPENING_BLOCKS
from privlint.policy.nlp import Sentence
from privlint.policy.packs import Catalogue
from privlint.policy.reader import Passage


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """What the checks need of one document; `lang` is the pipeline language, "en" or "zh"; `opening` the texts of
    its first blocks, where a title names the product; `extracted` the passage or heading each precise extractor
    (extractors.py) matches, by disclosure."""

    language: str
    lang: str
    sentences: list[Sentence]
    located: list[Located]
    found: dict[str, list[Located]]
    passages: list[Passage]
    opening: tuple[str, ...]
    extracted: dict[str, Passage]


def analyse(document: PolicyDocument, catalogue: Catalogue) -> Analysis | str:
    """The document's analysis, or why it cannot be checked."""
    from privlint.policy.nlp import matcher_for

    if not document.text.strip():
        return "policy document has no text to check"
    language = detect_language(document.text, catalogue.traditional)
    if language is None:
        return "policy language not detected: only English and Chinese policies are checked"
    texts = [block.text for block in document.blocks]
    if language == TRADITIONAL:
        texts = [to_simplified(text, catalogue.traditional) for text in texts]
    lang = "en" if language == ENGLISH else "zh"
    sentences = matcher_for(catalogue, lang).analyse(texts)
    located = locate(document.blocks, sentences)
    text_passages = passages(document.blocks, texts, sentences)
    headings = [Passage(heading="", text=text, block=index) for index, (block, text) in
                enumerate(zip(document.blocks, texts)) if block.heading]
    return Analysis(language=language, lang=lang, sentences=sentences, located=located,
                    found=evidence(catalogue, located), passages=text_passages,
                    opening=tuple(texts[:OPENING_BLOCKS]), extracted=extract_all(text_passages, headings))


def passages(blocks: Sequence[Block], texts: Sequence[str], sentences: Sequence[Sentence]) -> list[Passage]:
    """Every sentence outside headings, with the nearest heading above it and the phrase cues of both."""
    cues_of_block: dict[int, set[str]] = {}
    for sentence in sentences:
        cues_of_block.setdefault(sentence.block, set()).update(cues(sentence))
    headings: list[tuple[str, frozenset[str]]] = []
    current: tuple[str, frozenset[str]] = ("", frozenset())
    for index, (block, text) in enumerate(zip(blocks, texts)):
        current = (text, frozenset(cues_of_block.get(index, ()))) if block.heading else current
        headings.append(current)
    section_of = sections(blocks)
    return [Passage(heading=headings[s.block][0], text=texts[s.block][s.start:s.end], block=s.block, start=s.start,
                    cues=tuple(sorted(headings[s.block][1] | cues(s))), section=section_of[s.block])
            for s in sentences if not blocks[s.block].heading]


def cues(sentence: Sentence) -> set[str]:
    """The disclosures whose phrases (heading phrases included) match in a sentence."""
    return {hit.label.partition(":")[2] for hit in sentence.hits if hit.label.startswith(("disclosure:", "heading:"))}
