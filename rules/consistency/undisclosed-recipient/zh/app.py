import json

import requests
import sensorsanalytics
from tencentcloud.sms.v20210111 import models, sms_client

sa = sensorsanalytics.SensorsAnalytics(sensorsanalytics.DefaultConsumer("https://sa.example.cn/sa"))


def send_code(client: sms_client.SmsClient, user, code):
    request = models.SendSmsRequest()
    # ok: undisclosed-recipient
    request.from_json_string(json.dumps({"PhoneNumberSet": [user.mobile], "TemplateParamSet": [code]}))
    client.SendSms(request)


def on_login(user):
    # ruleid: undisclosed-recipient
    sa.profile_set(user.id, {"mobile": user.mobile}, is_login_id=True)


def notify(user, order):
    # ok: undisclosed-recipient
    requests.post("https://msgapi.umeng.com/api/send", json={"alias": user.mobile, "text": f"订单 {order.no} 已发货"})
    # ruleid: undisclosed-recipient
    requests.post("https://api.jiguang-partner.cn/v3/push", json={"alias": user.mobile})
