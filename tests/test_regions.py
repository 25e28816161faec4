"""Where endpoints are: regions, hosts, country-code domains, and what counts as abroad."""

from __future__ import annotations

import json

import pytest

from conftest import write
from privlint.code.regions import is_foreign
from privlint.config import Config
from privlint.engine import build_engine


@pytest.fixture(scope="module")
def regions():
    return build_engine(Config()).context.catalogue.regions


@pytest.mark.parametrize(("text", "country"), [
    ("https://s3.eu-west-1.amazonaws.com/bucket", "IE"),
    ("eu-central-1", "DE"),
    ("eu-central-2", "CH"),
    ("eu-southeast-9", "EU"),
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
    assert not is_foreign("IE", "DE") and not is_foreign("EU", "FR") and is_foreign("CH", "DE")
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


def test_a_client_region_read_from_another_module_or_the_settings(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nhome-region = \"CN\"\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/config.py", "EXPORT_REGION = \"us-east-1\"\nHOME_REGION = \"cn-north-1\"\n")
    write(tmp_path, "app/settings.py", "AWS_REGION = \"ap-southeast-1\"\n")
    write(tmp_path, "app/export.py", (
        "import boto3\nfrom app import config\nfrom django.conf import settings\n\n\n"
        "def export(user):\n    s3 = boto3.client('s3', region_name=config.EXPORT_REGION)\n"
        "    s3.put_object(Bucket='b', Key='k', Body=user.phone)\n"
        "    home = boto3.client('s3', region_name=config.HOME_REGION)\n"
        "    home.put_object(Bucket='b', Key='k', Body=user.phone)\n"
        "    regional = boto3.client('s3', region_name=settings.AWS_REGION)\n"
        "    regional.put_object(Bucket='b', Key='k', Body=user.phone)\n"))
    code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    abroad = {(f["location"]["line"], f["properties"]["country"]) for f in json.loads(out)["findings"]
              if f["ruleId"] == "pii-cross-border"}
    assert abroad == {(8, "US"), (12, "SG")}


def test_remembered_region_answers_are_dropped_when_the_table_is_compiled_again():
    from privlint.code.regions import RegionTable

    table = RegionTable(regions={"eu-*": "EU", "eu-west-2": "GB"})
    table.compile()
    assert [table.country_of_text("eu-west-2"), table.country_of_text("eu-west-2")] == ["GB", "GB"]
    assert table.country_of_text("eu-central-1 words") == "EU"
    assert table.country_of_text("no region here") is None
    table.update({"regions": {"here": "FR"}})
    table.compile()
    assert table.country_of_text("no region here") == "FR"


def test_an_endpoint_constant_passed_by_position(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\nhome-region = \"CN\"\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/settings.py", "OSS_ENDPOINT = \"https://oss-cn-hangzhou.aliyuncs.com\"\n"
                                       "OSS_OVERSEAS_ENDPOINT = \"https://oss-ap-southeast-1.aliyuncs.com\"\n"
                                       "OSS_BUCKET = \"ap-southeast-1-sounding-name\"\n")
    write(tmp_path, "app/storage.py", (
        "import oss2\n\nfrom app import settings\n\n\n"
        "def archive(auth, waybill):\n"
        "    oss2.Bucket(auth, settings.OSS_ENDPOINT, settings.OSS_BUCKET).put_object('w', waybill.phone)\n"
        "    overseas = oss2.Bucket(auth, settings.OSS_OVERSEAS_ENDPOINT, 'b')\n"
        "    overseas.put_object('w', waybill.phone)\n"))
    _, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
    abroad = {(f["location"]["line"], f["properties"]["country"]) for f in json.loads(out)["findings"]
              if f["ruleId"] == "pii-cross-border"}
    assert abroad == {(9, "SG")}
