import boto3
import sentry_sdk

s3_singapore = boto3.client("s3", region_name="ap-southeast-1")
s3_beijing = boto3.client("s3", region_name="cn-north-1")
s3_frankfurt = boto3.client("s3", region_name="eu-central-1")


def store(user):
    # ok: undisclosed-cross-border
    s3_singapore.put_object(Bucket="users", Key="u", Body=user.phone)
    # ok: undisclosed-cross-border
    s3_beijing.put_object(Bucket="users", Key="u", Body=user.phone)
    # ruleid: undisclosed-cross-border
    s3_frankfurt.put_object(Bucket="archive", Key="u", Body=user.phone)
    # ruleid: undisclosed-cross-border
    sentry_sdk.set_user({"email": user.email})
    # ok: undisclosed-cross-border
    sentry_sdk.set_tag("phone", user.phone)
