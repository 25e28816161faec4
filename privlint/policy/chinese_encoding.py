"""Tells GB18030 (Simplified) from Big5 (Traditional) Chinese bytes: both decode most double-byte text
without error, so the decoding whose characters are the common ones of either script wins."""

from __future__ import annotations

import functools

# Frequent characters of Chinese prose and of privacy policies, in Simplified forms; their Traditional forms
# come from the policy pack's conversion table.
_FREQUENT_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
    "向道此变条只没结解问意建月公无系很情者最立代想已通并提直题程展五果员位入常文总次品式活设及管特件长求基资"
    "边流路级少图统接知较将组见计别手期根论运指几区强放决西被做必先回则任取据处给门即保治北造百规领七海口东导"
    "器世金增济权收证改清己再采转更单切打白教速带安场身车例真务具万每目至达走示议声报完类名确才科张信节话整空"
    "元况今集传许步群记需段研界律且究越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习"
    "响约支般史感便团往历市克何除消构府称准精值号率维划选标写存候亲效院查型按格易置层片始专状育识适属包住调满"
    "局照参细引听该价严您隐私政策个息收集使共享储护删访问童第三方服协同授账户联络址址购买付款订单网站应用程序"
)


@functools.lru_cache(maxsize=1)
def _frequent() -> frozenset[str]:
    from privlint.policy.packs import load_catalogue

    simplified = set(_FREQUENT_SIMPLIFIED)
    traditional = {old for old, new in load_catalogue().traditional.items() if new in simplified}
    return frozenset(simplified | traditional)


def common_share(text: str) -> float:
    """The share of the Chinese characters in ``text`` that are frequent ones."""
    cjk = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    if not cjk:
        return 0.0
    frequent = _frequent()
    return sum(1 for char in cjk if char in frequent) / len(cjk)


def decode_chinese(data: bytes) -> tuple[str, str] | None:
    """Text and encoding (``gb18030`` or ``big5``) of Chinese bytes that are not UTF-8; None when neither
    decoding gives Chinese text."""
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = common_share(text)
        if share > 0:
            candidates.append((share, encoding, text))
    if not candidates:
        return None
    share, encoding, text = max(candidates)
    return text, encoding
