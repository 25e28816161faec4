"""Whether a policy names what it speaks for: a product or operator named in its title or defined in its text, how
many names it repeats, and how often it repeats a word few other policies use."""

from __future__ import annotations

import re
from collections import Counter
from typing import Collection, Mapping, Sequence

from privlint.policy.reader import Passage

OPENING_BLOCKS = 8

# A policy that never names its app, site or operator ("本应用", "this app", "我们") lacks the controller's
# identity; one that names only its product makes it in part. The name is what a title puts before or after
# "privacy policy", what the text defines as "we" ("X（以下简称“我们”）", 'X ("we")') or says it is operated by.
_TITLE = {
    "zh": re.compile(r"^[#\s]*(.{0,24}?)(?:隐私政策|隐私权政策|隐私协议|隐私保护指引|隐私声明|隐私条款|个人信息保护政策|"
                     r"用户协议)(.{0,30})$", re.M),
    "en": re.compile(r"^[#\s]*(.{1,40}?)\s*(?:'s\s+)?privacy\s+(?:policy|notice|statement)\b(?:[^\n]{0,30})$|"
                     r"^[#\s]*privacy\s+(?:policy|notice|statement)\s*(?:for|of|[-—:|])\s*(?:the\s+)?([^\n]{1,40})$",
                     re.M | re.I),
}
_DEFINED = {
    "zh": (re.compile(r"([^\n。；;，,]{1,30}?)[（(]\s*(?:以下|下称|简称)"),
           re.compile(r"欢迎(?:您)?(?:使用|选择|来到)([^\n。；;，,！!]{1,30})"),
           re.compile(r"《([^》]{1,30})》")),
    "en": (re.compile(r"([A-Z][\w&.\- ]{1,40}?)\s*\((?:the\s+)?[\"“']?(?:we|us|our|app|company)"),
           re.compile(r"\b(?:welcome to|operated by|provided by|developed by|created by|built by|maintained by|"
                      r"owned by)\s+([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*)")),
}
# Words that name no one: "本应用隐私政策", "Our Privacy Policy", "《个人信息保护法》".
_GENERIC = {
    "zh": re.compile(r"本|该|我们|我方|的|app|应用程序|应用|软件|用户|平台|产品|服务|网站|小程序|客户端|系统|程序|插件|"
                     r"扩展|工具|游戏|个人信息|隐私|保护|政策|协议|指引|声明|信息|数据|资料|收集|共享|承诺|策略|条款|"
                     r"使用|事项|更新|说明|[^\u4e00-\u9fffa-z]"),
    "en": re.compile(r"\b(?:the|this|our|we|us|my|a|an|app|application|applications|website|site|service|services|"
                     r"software|extension|game|product|products|platform|privacy|policy|notice|statement|for|of|and|"
                     r"mobile|android|ios|plugin|project|tool)\b|[^a-z]"),
}
# Capitalised words that name no app, site or operator: policy vocabulary, laws and places, platforms and the
# services a policy names as recipients.
_COMMON_CAPITALISED = frozenset("""
privacy policy notice statement personal data information service services user users app apps application
website site terms conditions cookie cookies children child security rights right contact email e-mail internet
web online mobile account please note section part table effective updated last version act article regulation
regulations law laws union european states united kingdom america california canada australia germany china
gdpr ccpa cpra coppa pipl appi eea eu uk usa us google apple android ios iphone ipad macos mac windows linux
firebase crashlytics analytics admob ads facebook meta instagram twitter youtube microsoft azure amazon aws
github gitlab play store chrome firefox safari edge icloud cloud stripe paypal sentry cloudflare openai discord
slack telegram whatsapp wechat january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday the this that these those our your their you
we they it its any all each such other if when where what which who how for and or not no yes
""".split())
# A quoted name in Chinese text (「X」, “X”, 《X》) that is not a law, standard or the policy itself.
_QUOTED = re.compile(r"[《「“『]([^》」”』\n]{2,12})[》」”』]")
_DOCUMENT_TITLE = re.compile(r"(?:法|条例|规定|标准|政策|协议|指引|办法|规范|声明|条款)$")
_CAPITALISED = re.compile(r"\b[A-Z][\w&'-]{2,}")
# Words whose use sets one policy apart: any word in English; in Chinese text, Latin-letter words ("ClipClop",
# "WriteMelo") and quoted names. A word that COMMON_IN other policies of the training corpus use is nobody's name.
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{2,}")
COMMON_IN = 3
_NOT_A_NAME = {
    "zh": re.compile(r"[，。；！？：:]|请|阅读|使用|本|以下|了解|我们|您|更新|生效|日期|法|条例|规定|规范|标准|办法"),
    "en": re.compile(r"\b(?:we|you|your|read|recommend|use|using|by|to|is|are)\b", re.I),
}


def names_itself(opening: Sequence[str], passages: Sequence[Passage], lang: str) -> bool:
    """True when the policy names its product or operator: in a title line of its `opening` blocks, or where a
    passage defines the name ("X（以下简称“我们”）", 'X ("we")', "operated by X")."""
    if lang not in _TITLE:
        return False
    for block in opening:
        for match in _TITLE[lang].finditer(block):
            if any(group and _is_name(group, lang) for group in match.groups()):
                return True
    return any(_is_name(match.group(1), lang)
               for passage in passages for pattern in _DEFINED[lang] for match in pattern.finditer(passage.text))


def _is_name(text: str, lang: str) -> bool:
    """A name: no sentence in it, and two letters or more beside generic words."""
    if _NOT_A_NAME[lang].search(text):
        return False
    return len(_GENERIC[lang].sub("", text.lower())) >= 2


def repeated_names(passages: Sequence[Passage], lang: str) -> int:
    """How many names the policy's text repeats: capitalised words that do not open their sentence (English), or
    quoted names (Chinese), common words excluded. A policy that names no app, site or operator repeats few."""
    counts: Counter[str] = Counter()
    for passage in passages:
        if lang == "zh":
            counts.update(name for name in _QUOTED.findall(passage.text) if not _DOCUMENT_TITLE.search(name))
        else:
            counts.update(word for word in _CAPITALISED.findall(passage.text, 1)
                          if word.lower() not in _COMMON_CAPITALISED)
    return sum(1 for count in counts.values() if count >= 2)


def word_counts(passages: Sequence[Passage], lang: str) -> Counter[str]:
    """How often the policy's text uses each word that could set it apart: Latin-letter words of three characters
    or more, lower-cased, and in Chinese text quoted names as well."""
    counts: Counter[str] = Counter()
    for passage in passages:
        counts.update(word.lower() for word in _LATIN_WORD.findall(passage.text))
        if lang == "zh":
            counts.update(_QUOTED.findall(passage.text))
    return counts


def common_words(frequencies: Mapping[str, int], least: int = COMMON_IN) -> frozenset[str]:
    """The words that at least `least` of the policies counted in `frequencies` (word -> number of policies) use."""
    return frozenset(word for word, policies in frequencies.items() if policies >= least)


def own_word_mentions(counts: Mapping[str, int], common: Collection[str]) -> int:
    """How often the policy uses the word it repeats most among those not `common`: mostly its app's, site's or
    operator's name. A policy that names no one repeats no such word."""
    return max((count for word, count in counts.items() if word not in common), default=0)
