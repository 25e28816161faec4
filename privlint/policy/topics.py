"""Broad topic words per disclosure: how many passages of a policy touch a disclosure's subject at all."""

from __future__ import annotations

import bisect
import functools
import itertools
from typing import Mapping, Sequence

from privlint.linear_regex import LinearPattern, compile_linear
from privlint.policy.reader import Passage

# Any word of a disclosure's subject, whether or not the passage makes the disclosure: a policy that never names
# the subject lacks it, one that names it only in passing may make it in part. Kept broad on purpose; the
# document-level decision (decision.py) weighs how often they occur beside the reader's scores. Lower case:
# the texts are lower-cased before matching.
TOPICS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "controller-identity": r"\b(?:inc|llc|ltd|gmbh|limited|corporation|corp|company|co\.|b\.v|s\.a|ag|pty|plc|"
                               r"operated by|controller|owner|developer|maintainer|author|founder|we are)\b",
        "contact": r"@|\b(?:e-?mail|contact|phone|telephone|address|write to|reach)",
        "purposes": r"\b(?:purpose|use[sd]? (?:it|this|that|them|the|your|these|such)|in order to|so that|to provide|"
                    r"to improve|to send|to deliver)",
        "data-categories": r"\b(?:collect|gather|receive|obtain|log|record)",
        "legal-basis": r"\b(?:legal bas[ie]s|lawful|legitimate interest|contract|legal obligation|consent|"
                       r"art(?:icle)?\.? ?6|gdpr)",
        "retention": r"\b(?:retain|retention|keep|kept|store[sd]?|storing|delet|eras|purg|period|days|months|years|"
                     r"as long as|until)",
        "third-party-sharing": r"\b(?:share|sharing|third|partner|provider|disclos|vendor|processor|affiliate|sdk|"
                               r"service[s]? (?:like|such as))",
        "cross-border-transfer": r"\b(?:countr|outside|abroad|international|overseas|transfer|united states|usa|"
                                 r"\beu\b|eea|european|standard contractual|adequacy|jurisdiction|located in|"
                                 r"servers? in)",
        "user-rights": r"\b(?:rights?\b|access|rectif|correct|delet|erasure|portab|object|restrict|withdraw|"
                       r"opt[- ]out)",
        "rights-procedure": r"\b(?:request|exercise|settings|verif|respond|within \d+|form\b)",
        "complaint": r"\b(?:complain|supervisory|authority|commissioner|lodge|regulator|ombudsman)",
        "sensitive-data": r"\b(?:sensitive|special categor|health|medical|biometric|fingerprint|face|racial|ethnic|"
                          r"religio|sexual|political|genetic|precise location|gps|financial|bank|credit card)",
        "children": r"\b(?:child|minor|under (?:the age of )?1\d|age of|parent|guardian|coppa|kids?\b|teen)",
        "security-measures": r"\b(?:secur|encrypt|protect|safeguard|tls|ssl|https|hash|firewall|password)",
        "policy-changes": r"\b(?:chang|updat|modif|revis|amend)",
        "automated-decisions": r"\b(?:automat|profil|algorithm|decision|machine learning|artificial intelligence|ai\b|"
                               r"personali[sz]|recommend|target)",
        "cookies-tracking": r"\b(?:cookie|track|pixel|beacon|local ?storage|analytics|web storage|fingerprinting)",
        "sale-opt-out": r"\b(?:sell|sale|sold|opt[- ]?out|ccpa|cpra|california|rent|trade)",
        "effective-date": r"\b(?:effective|last updated|last modified|updated on|revised|version|(?:19|20)\d\d)\b",
    },
    "zh": {
        "controller-identity": r"有限公司|公司|工作室|开发者|运营者|处理者|以下简称|我们是|团队|集团",
        "contact": r"@|联系|邮箱|电子邮件|电话|地址|客服|反馈",
        "purposes": r"用于|目的|为了|用途|以便|为您提供|实现",
        "data-categories": r"收集|采集|获取|记录|读取",
        "legal-basis": r"同意|法律依据|合法|合同|法定|履行|授权|基于|依据",
        "retention": r"保存|存储|储存|保留|期限|删除|匿名化|期满|留存",
        "third-party-sharing": r"共享|第三方|合作|提供给|委托|转让|披露|sdk",
        "cross-border-transfer": r"境外|跨境|出境|境内|中华人民共和国|中国大陆|海外|国家|地区|服务器",
        "user-rights": r"权利|查阅|复制|更正|删除|注销|撤回|访问|转移|限制|权益",
        "rights-procedure": r"申请|请求|响应|设置|路径|验证|工作日|天内|答复|回复",
        "complaint": r"投诉|举报|监管|网信|主管部门|诉讼|法院|仲裁|申诉|争议",
        "sensitive-data": r"敏感|生物识别|人脸|面部|指纹|医疗|健康|金融账户|银行卡|行踪|宗教|身份证|精确位置|特定身份",
        "children": r"儿童|未成年|十四|14\s*周岁|监护人|父母|十八|18\s*周岁",
        "security-measures": r"安全|加密|保护|防护|访问控制|ssl|https|去标识化|权限",
        "policy-changes": r"变更|更新|修改|修订|调整",
        "automated-decisions": r"自动化|算法|个性化|推荐|画像|定向|推送",
        "cookies-tracking": r"cookie|追踪|跟踪|像素|信标|本地存储|同类技术|统计",
        "sale-opt-out": r"出售|售卖|出租|买卖|交易|出卖|退出",
        "effective-date": r"生效|更新日期|发布日期|更新时间|版本|\d{4}\s*年",
    },
}


@functools.lru_cache(maxsize=2)
def _compiled(lang: str) -> dict[str, LinearPattern]:
    return {name: compile_linear(pattern) for name, pattern in TOPICS.get(lang, {}).items()}


def topic_counts(passages: Sequence[Passage], lang: str) -> dict[str, tuple[int, bool]]:
    """Per disclosure: how many passages name its subject, and whether a heading does. Each pattern runs once, on
    RE2's linear-time engine, over all passages lower-cased and joined by line breaks (no pattern crosses one),
    its matches mapped back to passages."""
    texts = [passage.text.replace("\n", " ").lower() for passage in passages]
    text = "\n".join(texts)
    starts = list(itertools.accumulate((len(part) + 1 for part in texts[:-1]), initial=0))
    headings = "\n".join({passage.heading.replace("\n", " ") for passage in passages}).lower()
    counts = {}
    for name, pattern in _compiled(lang).items():
        touched = {bisect.bisect_right(starts, match.start()) for match in pattern.finditer(text)}
        counts[name] = (len(touched), pattern.search(headings) is not None)
    return counts
