"""Where endpoints are: regions, hosts, country-code domains, and what counts as abroad."""

from __future__ import annotations

import pytest

from privlint.code.regions import is_foreign
from privlint.config import Config
from privlint.engine import build_engine


@pytest.fixture(scope="module")
def regions():
    return build_engine(Config()).context.catalogue.regions


@pytest.mark.parametrize(("text", "country"), [
    ("https://s3.eu-west-1.amazonaws.com/bucket", "EU"),
    ("https://s3.cn-north-1.amazonaws.com.cn/bucket", "CN"),
    ("eu-west-2", "GB"),
    ("us-east-1", "US"),
    ("https://oss-cn-hangzhou.aliyuncs.com", "CN"),
    ("https://oss-us-west-1.aliyuncs.com", "US"),
    ("https://oss-cn-hongkong.aliyuncs.com", "HK"),
    ("ap-guangzhou", "CN"),
    ("https://api.deepseek.com/v1", "CN"),
    ("https://shop.example.de/api", "DE"),
    ("https://api.openai.com/v1", None),
    ("profiles-bucket", None),
])
def test_country_of_endpoint(regions, text, country):
    assert regions.country_of_text(text) == country


def test_eu_member_states_are_one_region():
    assert not is_foreign("DE", "EU") and not is_foreign("EU", "EU")
    assert is_foreign("US", "EU") and is_foreign("GB", "EU")
    assert is_foreign("HK", "CN") and not is_foreign("CN", "CN")


def test_examples_report_transfers_out_of_china(run_cli):
    import json

    from conftest import EXAMPLES

    findings = json.loads(run_cli("scan", "--format", "json", str(EXAMPLES))[1])["findings"]
    transfers = {(f["location"]["path"], f["location"]["line"]): f for f in findings if f["ruleId"] == "pii-cross-border"}
    assert transfers[("shop/app.py", 28)]["properties"]["country"] == "US"
    assert transfers[("shop/app.py", 28)]["properties"]["homeRegion"] == "CN"
    assert ("shop/services/analytics.py", 9) in transfers
    assert ("shop/services/notify.py", 11) not in transfers, "a .net host with no region is not placed anywhere"
