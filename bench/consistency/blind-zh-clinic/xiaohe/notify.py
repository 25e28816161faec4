"""短信通知：登录验证码（阿里云短信服务）与值班医生提醒。"""
import json
import os
import random

from alibabacloud_dysmsapi20170525 import models as dysms_models
from alibabacloud_dysmsapi20170525.client import Client as DysmsapiClient
from alibabacloud_tea_openapi import models as open_api_models

SMS_SIGN_NAME = "小禾问诊"
SMS_TEMPLATE_LOGIN = "SMS_276345012"
SMS_TEMPLATE_DUTY = "SMS_276345077"
# ok: pii-literal
SERVICE_HOTLINE = "400-826-1120"
# 夜间值班医生（儿科）的手机，新问诊提醒发到这里
# ruleid: pii-literal
DUTY_DOCTOR_MOBILE = "13957126843"

_config = open_api_models.Config(
    access_key_id=os.environ.get("ALIYUN_AK_ID"),
    access_key_secret=os.environ.get("ALIYUN_AK_SECRET"),
)
_config.endpoint = "dysmsapi.aliyuncs.com"
sms_client = DysmsapiClient(_config)


def new_code():
    return f"{random.randint(0, 999999):06d}"


def mask_mobile(mobile):
    return mobile[:3] + "****" + mobile[-4:]


def send_verify_code(mobile, code):
    request = dysms_models.SendSmsRequest(
        phone_numbers=mobile,
        sign_name=SMS_SIGN_NAME,
        template_code=SMS_TEMPLATE_LOGIN,
        template_param=json.dumps({"code": code, "hotline": SERVICE_HOTLINE}),
    )
    # ruleid: pii-to-messaging
    return sms_client.send_sms(request)


def send_duty_alert(consultation_id):
    request = dysms_models.SendSmsRequest(
        phone_numbers=DUTY_DOCTOR_MOBILE,
        sign_name=SMS_SIGN_NAME,
        template_code=SMS_TEMPLATE_DUTY,
        template_param=json.dumps({"cid": str(consultation_id)}),
    )
    # ok: pii-to-messaging
    return sms_client.send_sms(request)
