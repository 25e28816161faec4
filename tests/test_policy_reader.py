"""The trained policy reader: shipped in the package, its verdicts, notes it is unsure of, and conditional rules."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from privlint.findings import Finding, Location, Severity
from privlint.policy import reader
from privlint.policy.api import check_policies
from privlint.policy.blocks import Block
from privlint.policy.conditional import as_note, escalated
from privlint.policy.decision import Combiner
from privlint.policy.disclosures import UNCONFIRMED, rule_status
from privlint.policy.extractors import EXTRACTORS, extracted
from privlint.policy.judgement import Judgement
from privlint.policy.packs import load_catalogue
from privlint.policy.reader import Passage, combiners, cutoffs, passage_text, pipeline, read
from privlint.taxonomy.taxonomy import load_taxonomy

RULES = Path(__file__).resolve().parent.parent / "rules" / "policy"
CONFIDENT = 0.5  # the classifier's own threshold for a label
DISCLOSURES = sorted(yaml.safe_load((RULES / "disclosures.yml").read_text(encoding="utf-8"))["disclosures"])

# Sentences written for this test (not from the corpus): each makes exactly one disclosure, plainly.
ENGLISH = [
    ("Rights", "You may lodge a complaint with the data protection authority of the country where you live.",
     "complaint"),
    ("Children", "Our service is not directed to children under the age of 13 and we do not knowingly collect "
                 "their data.", "children"),
    ("Changes", "We may update this policy from time to time and will post the new version on this page.",
     "policy-changes"),
    ("Retention", "We keep your account data for as long as your account is active and delete it within 30 days "
                  "of closure.", "retention"),
    ("Cookies", "We use cookies and similar technologies to remember your preferences.", "cookies-tracking"),
    ("Your rights", "You have the right to access, correct and delete your personal data.", "user-rights"),
    ("", "Last updated: March 3, 2025", "effective-date"),
    ("Security", "All data is encrypted in transit using TLS and at rest using AES-256.", "security-measures"),
]
CHINESE = [
    ("未成年人保护", "若您是未满十四周岁的儿童，请在监护人的陪同下阅读本政策，并在取得监护人同意后使用我们的服务。", "children"),
    ("本政策的更新", "我们可能会适时修订本政策，修订后的内容将在本页面公布并以弹窗方式通知您。", "policy-changes"),
    ("您的权利", "您有权查阅、复制、更正、删除您的个人信息，也可以撤回您的授权同意。", "user-rights"),
    ("信息存储", "我们仅在实现本政策所述目的所必需的期限内保存您的个人信息，超出期限后将删除或匿名化处理。", "retention"),
    ("安全措施", "我们采用加密技术、访问控制等安全措施保护您的个人信息。", "security-measures"),
    ("", "生效日期：2025年3月1日", "effective-date"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reader_is_installed_with_the_package_and_knows_every_disclosure(lang: str) -> None:
    assert reader.available(lang)
    assert Path(reader.__file__).parent / "models" / lang == reader.MODELS / lang
    labels = sorted(pipeline(lang).get_pipe("textcat_multilabel").labels)
    assert labels == DISCLOSURES
    cuts = cutoffs(lang)
    assert sorted(cuts) == DISCLOSURES
    assert all(0.2 <= cut.present <= 1.0 for cut in cuts.values())
    digest = json.loads((reader.MODELS / lang / "cutoffs.json").read_text(encoding="utf-8"))["model_sha256"]
    assert len(digest) == 64


@pytest.mark.parametrize("lang, sentences", [("en", ENGLISH), ("zh", CHINESE)])
def test_plain_sentences_score_highest_for_the_disclosure_they_make(lang: str, sentences: list) -> None:
    nlp = pipeline(lang)
    wrong = []
    for heading, text, expected in sentences:
        scores = nlp(passage_text(Passage(heading=heading, text=text), DISCLOSURES)).cats
        if max(scores, key=scores.get) != expected or scores[expected] < CONFIDENT:
            wrong.append((text, expected, max(scores, key=scores.get)))
    assert not wrong


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_disclosure_has_a_document_level_combiner_over_known_features(lang: str) -> None:
    combined = combiners(lang)
    assert sorted(combined) == [name for name in DISCLOSURES if name in combined] and len(combined) >= 15
    known = {"max", "top", "over50", "over20", "phrases", "phrase_hits", "heading", "details", "extracted", "topic",
             "topic_heading", "categories", "sensitive", "recipients", "countries", "length", "named", "names",
             "own_word", "rights", "ways",
             *(f"best:{name}" for name in DISCLOSURES), *(f"topic:{name}" for name in DISCLOSURES)}
    for combiner in combined.values():
        assert set(combiner.names) <= known
        assert len(combiner.names) == len(combiner.weights) == len(combiner.means) == len(combiner.scales)
        assert 0.0 <= combiner.absent <= 1.01


def test_a_combiner_reports_missing_only_from_its_cutoff_and_never_against_phrases_or_extractors() -> None:
    combiner = Combiner(names=("max",), means=(0.0,), scales=(1.0,), weights=(-2.0,), bias=0.0, absent=0.8)
    assert combiner.probability({"max": 0.0}) == pytest.approx(0.5)
    assert combiner.missing({"max": -3.0})
    assert not combiner.missing({"max": 0.0})
    assert not combiner.missing({"max": -3.0, "phrases": 1.0})
    assert not combiner.missing({"max": -3.0, "extracted": 1.0})


def test_a_combiner_whose_phrase_lists_proved_unreliable_weighs_them_but_yields_only_to_extractors() -> None:
    combiner = Combiner(names=("max",), means=(0.0,), scales=(1.0,), weights=(-2.0,), bias=0.0, absent=0.8,
                        phrases_settle=False)
    assert combiner.missing({"max": -3.0, "phrases": 1.0})
    assert not combiner.missing({"max": -3.0, "phrases": 1.0, "extracted": 1.0})


def test_read_keeps_the_strongest_passage_per_disclosure() -> None:
    passages = [Passage(heading="Contact", text="Write to privacy@acme.example with any question.", block=3),
                Passage(heading="Children", text="We do not knowingly collect data from children under 13.",
                        block=5)]
    best = read(passages, pipeline("en"))
    assert set(best) == set(DISCLOSURES)
    assert best["children"].passage is passages[1] and best["children"].score > best["contact"].score


def test_cue_characters_name_the_phrase_matches_in_a_fixed_order() -> None:
    text = passage_text(Passage(heading="H", text="T", cues=("contact", "children")), DISCLOSURES)
    assert text.split("\n") == ["H", "T", f"{chr(0xE000 + DISCLOSURES.index('children'))} "
                                          f"{chr(0xE000 + DISCLOSURES.index('contact'))}"]


def test_an_unsure_reader_gives_a_note_quoting_the_closest_passage() -> None:
    catalogue = load_catalogue()
    rule = next(rule for rule in catalogue.rules if rule.meta.id == "gdpr-complaint")
    blocks = [Block(text="Privacy", anchors=((0, 1),), heading=True),
              Block(text="Questions go to our support team.", anchors=((0, 3),))]
    passage = Passage(heading="Privacy", text="Questions go to our support team.", block=1, start=0)
    status = rule_status(rule, catalogue, {}, [], blocks, Judgement("unsure", 0.2, passage))
    assert (status.status, status.line, status.quote) == (UNCONFIRMED, 3, "Questions go to our support team.")


def test_conditional_disclosures_are_notes_without_a_code_scan(tmp_path: Path) -> None:
    policy = tmp_path / "PRIVACY.md"
    policy.write_text("# Privacy\n\nAcme Ltd runs this site and sells garden tools.\n\n"
                      "Contact privacy@acme.example with any question.\n", encoding="utf-8")
    by_rule = {f.rule_id: f for f in check_policies([policy], ["gdpr"], use_cache=False).findings}
    children = by_rule["gdpr-children"]
    assert children.severity == Severity.NOTE and children.properties["appliesWhen"] == "children"
    assert "no code scan has shown" in children.message
    assert by_rule["gdpr-complaint"].severity == Severity.WARNING


def test_conditional_note_becomes_a_warning_where_the_code_shows_the_processing() -> None:
    note = as_note(Finding(rule_id="gdpr-children", message="The policy does not say it.",
                           severity=Severity.WARNING, location=Location(path="PRIVACY.md", line=1), kind="policy",
                           properties={"disclosure": "children", "status": "missing"}))
    code = Finding(rule_id="pii-collected", message="child age collected", severity=Severity.NOTE,
                   location=Location(path="app/signup.py", line=12), kind="collection",
                   data_categories=("child-data",))
    unrelated = Finding(rule_id="pii-in-log", message="e-mail logged", severity=Severity.WARNING,
                        location=Location(path="app/mail.py", line=3), kind="logging",
                        data_categories=("email",))
    taxonomy = load_taxonomy()
    assert escalated([note], [unrelated], taxonomy) == [note]
    [raised] = escalated([note], [unrelated, code], taxonomy)
    assert raised.severity == Severity.WARNING and raised.properties["processing"] == "app/signup.py:12"
    assert raised.message == "The policy does not say it. The code handles children's data at app/signup.py:12."


def test_chinese_policy_findings_carry_a_chinese_message(tmp_path: Path) -> None:
    policy = tmp_path / "隐私政策.md"
    policy.write_text("# 隐私政策\n\n示例科技有限公司（以下简称“我们”）非常重视您的个人信息保护。\n\n"
                      "我们收集您的手机号码，用于注册和登录。\n", encoding="utf-8")
    findings = check_policies([policy], ["pipl"], use_cache=False).findings
    contact = next(f for f in findings if f.rule_id == "pipl-contact")
    assert contact.properties["status"] == "missing"
    assert contact.message.startswith("The policy does not say how to contact")
    assert contact.message.endswith("（隐私政策未说明联系方式，请补充。）")
    english = tmp_path / "PRIVACY.md"
    english.write_text("# Privacy\n\nAcme Ltd runs this site and sells garden tools.\n", encoding="utf-8")
    assert not any("隐私政策" in f.message for f in check_policies([english], ["pipl"], use_cache=False).findings)


@pytest.mark.parametrize("text, name", [
    ("Last updated: March 3, 2025", "effective-date"),
    ("生效日期：2025年3月1日", "effective-date"),
    ("本政策最后修改于2024年5月6日", "effective-date"),
    ("Last revision: 2020-10-09 11:27:51", "effective-date"),
    ("As of May 9, 2025", "effective-date"),
    ("This policy will be applied starting from July 1, 2024.", "effective-date"),
    ("日期：2026-04-27", "effective-date"),
    ("November 5th 2025", "effective-date"),
    ("[2018.4.22]", "effective-date"),
    ("June 16, 2022: Added a changelog", "effective-date"),
    ("13th August, 2018, 01:46PM (IST): Added a content clause.", "effective-date"),
    ("Acme Ltd (\"we\", \"us\") runs this site.", "controller-identity"),
    ("示例科技有限公司（以下简称“我们”）", "controller-identity"),
    ("Write to privacy@acme.example.", "contact"),
    ("客服电话：400-123-4567", "contact"),
    ("联系邮箱：privacy@shili.example", "contact"),
])
def test_extractors_find_what_a_rule_finds_better_than_a_model(text: str, name: str) -> None:
    passage = Passage(heading="", text=text)
    assert extracted(name, [passage]) is passage
    assert [other for other in EXTRACTORS if other != name and extracted(other, [passage])] == []


@pytest.mark.parametrize("text", ["We shipped version 2 of the app.", "We updated the app in 2019.", "我们会修改本政策。",
                                  "Contact us through the app.", "We are a small team.",
                                  "As of now, we collect nothing.", "我们收集您的出生日期：用于年龄验证。",
                                  "出生日期：2001-05-04", "We were founded on June 16, 2022.",
                                  "On 5 November 2025 we moved to a new host.", "Orders placed 2024-01-02 ship: soon"])
def test_extractor_look_alikes_settle_nothing(text: str) -> None:
    assert [name for name in EXTRACTORS if extracted(name, [Passage(heading="", text=text)])] == []


def test_an_e_mail_address_cut_into_sentences_is_found_again_in_its_block() -> None:
    parts = ["邮箱：wang.", "xiao@mail.", "example"]
    passages, start = [], 0
    for part in parts:
        passages.append(Passage(heading="联系我们", text=part, block=4, start=start))
        start += len(part)
    assert extracted("contact", passages) is passages[0]
    assert extracted("contact", [Passage(heading="", text="wang.", block=1), Passage(heading="", text="xiao@mail.",
                                                                                       block=2)]) is None


def test_a_dated_heading_with_no_text_under_it_dates_the_policy(tmp_path: Path) -> None:
    text = ("# Tidewater Notes Privacy Policy\n\n## Last update: 16/07/2024\n\n## Who we are\n\n"
            "Tidewater Notes is made by Harbor Labs. Write to privacy@harbor.example.\n")
    for folder, body in (("dated", text), ("undated", text.replace("## Last update: 16/07/2024\n\n", ""))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "PRIVACY.md").write_text(body, encoding="utf-8")
    dated, undated = ({f.rule_id for f in check_policies([tmp_path / folder / "PRIVACY.md"], ["ccpa"],
                                                          use_cache=False).findings}
                      for folder in ("dated", "undated"))
    assert "ccpa-effective-date" in undated and "ccpa-effective-date" not in dated
    assert dated == undated - {"ccpa-effective-date"}


@pytest.mark.parametrize("text", ["本网站（以下简称“我们”）重视您的隐私。", "本应用（“我们”）不收集个人信息。"])
def test_a_generic_self_definition_names_no_controller(text: str) -> None:
    assert extracted("controller-identity", [Passage(heading="", text=text)]) is None


def test_the_wheel_carries_both_readers_and_they_load_from_it(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(repo)], check=True)
    [wheel] = tmp_path.glob("privlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        models = [info for info in archive.infolist() if info.filename.startswith("privlint/policy/models/")]
        names = {info.filename for info in models}
        assert {f"privlint/policy/models/{lang}/{part}" for lang in ("en", "zh")
                for part in ("cutoffs.json", "config.cfg", "textcat_multilabel/model")} <= names
        assert sum(info.compress_size for info in models) <= 15 * 1024 * 1024
        archive.extractall(tmp_path / "site")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from privlint.policy import reader;"
            "assert reader.__file__.startswith(sys.argv[1]), reader.__file__;"
            "from privlint.policy.reader import Passage, passage_text, pipeline;"
            "cats = pipeline('en')(passage_text(Passage('Children', sys.argv[2]), sorted(reader.cutoffs('en')))).cats;"
            "print(max(cats, key=cats.get)); pipeline('zh')")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path / "site"), ENGLISH[1][1]],
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "children"


def test_a_retrained_reader_starts_a_new_policy_result_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from privlint.code.cache import salt_of
    from privlint.policy import result_cache

    cutoffs_file = tmp_path / "en" / "cutoffs.json"
    cutoffs_file.parent.mkdir()
    cutoffs_file.write_text('{"model_sha256": "1111"}', encoding="utf-8")
    monkeypatch.setattr(result_cache, "MODELS", tmp_path)
    before = salt_of(result_cache._reader_files(), "policy")
    cutoffs_file.write_text('{"model_sha256": "2222"}', encoding="utf-8")
    assert salt_of(result_cache._reader_files(), "policy") != before
