"""The kinds of data-subject rights a policy names, and the kinds of ways it gives to exercise them, where it speaks
of rights or requests."""

from __future__ import annotations

import functools
import re
from typing import Mapping, Sequence

from privlint.policy.reader import Passage

Patterns = Mapping[str, tuple[str, Mapping[str, str]]]

_EMAIL = r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"

# A passage counts when it speaks of rights, requests or what the user can do; each kind counts once per policy.
# A policy lists its users' rights when it names two or more kinds (the labelling rule of `user-rights`), and
# touches them when it names one. Lower case: the texts are lower-cased before matching.
RIGHTS: Patterns = {
    "en": (r"\bright|\brequest|\byou (?:can|may)\b|\bable to\b",
           {"access": r"\baccess\b", "correct": r"\b(?:correct|rectif|amend|update)",
            "delete": r"\b(?:delet|eras|remov)", "portable": r"\bportab|\bcopy of\b|\bexport",
            "object": r"\bobject", "restrict": r"\brestrict", "withdraw": r"\bwithdraw|\brevoke",
            "opt-out": r"\bopt[- ]?out", "know": r"\bright to know\b"}),
    "zh": (r"权利|權利|有权|有權|您可以|你可以|申请|申請|请求|請求",
           {"access": r"查阅|查詢|查询|閱覽|复制|複製|副本", "correct": r"更正|补充|補充", "delete": r"删除|刪除",
            "portable": r"转移|轉移|可携|可攜|导出|導出|匯出", "object": r"拒绝|拒絕|反对|反對",
            "restrict": r"限制处理|限制處理|限制我们|限制我們", "withdraw": r"撤回|撤销|撤銷", "close": r"注销|註銷",
            "explain": r"解释说明|解釋說明"}),
}
# How a user exercises a right (the labelling rule of `rights-procedure`): a channel for requests, their
# verification and deadline, an authorised agent, or a path of their own (settings, closing the account,
# unsubscribing, uninstalling or clearing the app's data), where the passage speaks of rights, requests, deleting,
# correcting or contacting. A policy that states rights and gives no way to exercise them names none.
WAYS: Patterns = {
    "en": (r"\bright|\brequest|\byou (?:can|may)\b|\bable to\b|\bdelet|\baccess|\bcorrect|\bopt[- ]?out|\bcontact",
           {"channel": rf"{_EMAIL}|https?://|\bform\b|\bphone\b|\bcall us\b|\bwrite to\b|\bmail to\b|\bportal\b",
            "verify": r"\bverif|\bconfirm your identity|\bproof of identity",
            "deadline": r"\bwithin (?:\w+ )?(?:\(\d+\) )?(?:days?|months?|weeks|business days)\b|"
                        r"\brespond (?:to|within)",
            "agent": r"\bauthori[sz]ed agent",
            "settings": r"\bsettings?\b|\bpreferences\b|\bdashboard\b|\btoggle\b",
            "account": r"\b(?:delete|deleting|close) your account\b|\baccount deletion\b",
            "unsubscribe": r"\bunsubscrib|\bopt[- ]out link\b",
            "device": r"\buninstall|\bclear (?:the )?(?:app(?:lication)? )?(?:data|cache|storage)|"
                      r"\b(?:browser|device) settings",
            "self": r"\byou can (?:delete|remove|export|edit|change|update|correct|download)\b"}),
    "zh": (r"权利|權利|有权|有權|您可以|你可以|申请|申請|请求|請求|删除|刪除|更正|查询|查詢|联系|聯繫",
           {"channel": rf"{_EMAIL}|https?://|电话|電話|客服|邮箱|郵箱|反馈|回饋|在线|線上|写信|邮寄",
            "verify": r"验证|驗證|核实|核實|身份",
            "deadline": r"\d+\s*(?:个|個)?(?:工作日|天|日)内|十五|三十",
            "settings": r"设置|設置|設定",
            "account": r"注销|註銷|删除账号|刪除帳號|删除账户",
            "unsubscribe": r"退订|退訂|取消订阅",
            "device": r"卸载|卸載|清除|缓存|快取|系统权限|系統權限",
            "self": r"您可以(?:自行)?(?:删除|刪除|修改|更正|导出|關閉|关闭)"}),
}


@functools.lru_cache(maxsize=4)
def _compiled(patterns: str, lang: str) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    context, kinds = {"rights": RIGHTS, "ways": WAYS}[patterns][lang]
    return re.compile(context), {kind: re.compile(pattern) for kind, pattern in kinds.items()}


def _kinds_named(patterns: str, passages: Sequence[Passage], lang: str) -> int:
    """How many kinds of `patterns` the passages that match its context name; 0 for a language without them."""
    if lang not in RIGHTS:
        return 0
    context, kinds = _compiled(patterns, lang)
    named: set[str] = set()
    for passage in passages:
        text = passage.text.lower()
        if context.search(text):
            named.update(kind for kind, pattern in kinds.items() if kind not in named and pattern.search(text))
    return len(named)


def rights_named(passages: Sequence[Passage], lang: str) -> int:
    """How many kinds of rights (access, deletion, withdrawal of consent...) the passages that speak of rights or
    requests name."""
    return _kinds_named("rights", passages, lang)


def ways_named(passages: Sequence[Passage], lang: str) -> int:
    """How many kinds of ways to exercise a right (a request channel, verification, a deadline, settings, closing
    the account, uninstalling...) the passages that speak of rights, requests or contact name."""
    return _kinds_named("ways", passages, lang)
