"""验证码与物流通知短信，经阿里云短信服务发送（委托处理）。"""

import json
import logging

from alibabacloud_dysmsapi20170525 import models as sms_models
from alibabacloud_dysmsapi20170525.client import Client as SmsClient
from alibabacloud_tea_openapi import models as open_api_models

from youxuan import settings
from youxuan.utils import mask_mobile

logger = logging.getLogger(__name__)

_client = SmsClient(open_api_models.Config(
    access_key_id=settings.SMS_ACCESS_KEY_ID,
    access_key_secret=settings.SMS_ACCESS_KEY_SECRET,
    endpoint="dysmsapi.aliyuncs.com",
))


def send_login_code(mobile: str, code: str) -> bool:
    request = sms_models.SendSmsRequest(
        phone_numbers=mobile,
        sign_name=settings.SMS_SIGN_NAME,
        template_code=settings.SMS_TEMPLATE_LOGIN,
        template_param=json.dumps({"code": code}),
    )
    # ruleid: pii-to-messaging
    # ok: undisclosed-recipient, undisclosed-cross-border
    response = _client.send_sms(request)
    # ok: pii-in-log
    logger.info("login code sent to %s: %s", mask_mobile(mobile), response.body.code)
    return response.body.code == "OK"


def send_shipped_notice(mobile: str, order_no: str) -> None:
    request = sms_models.SendSmsRequest(
        phone_numbers=mobile,
        sign_name=settings.SMS_SIGN_NAME,
        template_code=settings.SMS_TEMPLATE_SHIPPED,
        template_param=json.dumps({"order_no": order_no}),
    )
    # ruleid: pii-to-messaging
    # ok: undisclosed-recipient, undisclosed-cross-border
    _client.send_sms(request)
