"""The kinds of data-subject rights a policy names where it speaks of rights or requests."""

from __future__ import annotations

import functools
import re
from typing import Mapping, Sequence

from privlint.policy.reader import Passage

# A passage counts when it speaks of rights, requests or what the user can do; each kind counts once per policy.
# A policy lists its users' rights when it names two or more kinds (the labelling rule of `user-rights`), and
# touches them when it names one. Lower case: the texts are lower-cased before matching.
CONTEXT: Mapping[str, str] = {
    "en": r"\bright|\brequest|\byou (?:can|may)\b|\bable to\b",
    "zh": r"权利|權利|有权|有權|您可以|你可以|申请|申請|请求|請求",
}
KINDS: Mapping[str, Mapping[str, str]] = {
    "en": {"access": r"\baccess\b", "correct": r"\b(?:correct|rectif|amend|update)",
           "delete": r"\b(?:delet|eras|remov)", "portable": r"\bportab|\bcopy of\b|\bexport",
           "object": r"\bobject", "restrict": r"\brestrict", "withdraw": r"\bwithdraw|\brevoke",
           "opt-out": r"\bopt[- ]?out", "know": r"\bright to know\b"},
    "zh": {"access": r"查阅|查詢|查询|閱覽|复制|複製|副本", "correct": r"更正|补充|補充", "delete": r"删除|刪除",
           "portable": r"转移|轉移|可携|可攜|导出|導出|匯出", "object": r"拒绝|拒絕|反对|反對",
           "restrict": r"限制处理|限制處理|限制我们|限制我們", "withdraw": r"撤回|撤销|撤銷", "close": r"注销|註銷",
           "explain": r"解释说明|解釋說明"},
}


@functools.lru_cache(maxsize=2)
def _compiled(lang: str) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    return re.compile(CONTEXT[lang]), {kind: re.compile(pattern) for kind, pattern in KINDS[lang].items()}


def rights_named(passages: Sequence[Passage], lang: str) -> int:
    """How many kinds of rights (access, deletion, withdrawal of consent...) the passages that speak of rights or
    requests name; 0 for a language without patterns."""
    if lang not in CONTEXT:
        return 0
    context, kinds = _compiled(lang)
    named: set[str] = set()
    for passage in passages:
        text = passage.text.lower()
        if context.search(text):
            named.update(kind for kind, pattern in kinds.items() if kind not in named and pattern.search(text))
    return len(named)
