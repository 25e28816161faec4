# privlint-test-config: home-region = "CN"
import boto3
import oss2
import requests
import sentry_sdk
from openai import OpenAI

s3_abroad = boto3.client("s3", region_name="us-east-1")
s3_home = boto3.client("s3", region_name="cn-north-1")
deepseek = OpenAI(base_url="https://api.deepseek.com/v1", api_key="key")
openai_client = OpenAI(api_key="key")


def upload(user, auth):
    # ruleid: pii-cross-border
    s3_abroad.put_object(Bucket="profiles", Key="u", Body=user.phone)
    # ok: pii-cross-border
    s3_home.put_object(Bucket="profiles", Key="u", Body=user.phone)
    bucket = oss2.Bucket(auth, "https://oss-us-west-1.aliyuncs.com", "profiles")
    # ruleid: pii-cross-border
    bucket.put_object("u.txt", user.id_card_no)
    home_bucket = oss2.Bucket(auth, "https://oss-cn-hangzhou.aliyuncs.com", "profiles")
    # ok: pii-cross-border
    home_bucket.put_object("u.txt", user.id_card_no)


def track(user):
    # ruleid: pii-cross-border
    sentry_sdk.set_user({"email": user.email})
    # ok: pii-cross-border
    sentry_sdk.set_user({"id": user.id})
    # ruleid: pii-cross-border
    requests.post("https://crm.partner-example.de/api", json={"phone": user.phone})
    # ok: pii-cross-border
    requests.post("https://crm.partner-example.cn/api", json={"phone": user.phone})


def ask(user):
    # ok: pii-cross-border
    deepseek.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": user.address}])
    # ruleid: pii-cross-border
    openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": user.home_address}])


def tencent_cos(user):
    from qcloud_cos import CosConfig, CosS3Client

    abroad = CosS3Client(CosConfig(Region="na-siliconvalley", SecretId="id", SecretKey="key"))
    config = CosConfig(Region="ap-guangzhou", SecretId="id", SecretKey="key")
    home = CosS3Client(config)
    # ruleid: pii-cross-border
    abroad.put_object(Bucket="users-1250000000", Body=user.phone, Key="u")
    # ok: pii-cross-border
    home.put_object(Bucket="users-1250000000", Body=user.phone, Key="u")


def chained(user):
    # ruleid: pii-cross-border
    boto3.resource("s3", region_name="eu-west-1").Object("profiles", "u").put(Body=user.phone)
    # ok: pii-cross-border
    boto3.resource("s3", region_name="cn-northwest-1").Object("profiles", "u").put(Body=user.phone)
