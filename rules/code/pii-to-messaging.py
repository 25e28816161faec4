import hashlib
import smtplib
from email.message import EmailMessage

import boto3
import requests
from alibabacloud_dysmsapi20170525 import models as sms_models
from alibabacloud_dysmsapi20170525.client import Client as AliClient
from django.core.mail import send_mail
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from tencentcloud.sms.v20210111 import models as tc_models, sms_client
from twilio.rest import Client
import jpush
import plivo
import qiniu
import requests
from firebase_admin import messaging
from postmarker.core import PostmarkClient

twilio = Client("sid", "token")
slack = WebClient(token="xoxb-token")
ali_client = AliClient(None)


def send_code(user, code):
    # ruleid: pii-to-messaging
    twilio.messages.create(to=user.phone_number, from_="+15005550006", body=f"Your code is {code}")
    # ok: pii-to-messaging
    twilio.messages.create(to="+15005550001", from_="+15005550006", body="Nightly job finished")
    # ok: pii-to-messaging
    twilio.messages.list(to=user.phone_number)


ON_CALL_EMAILS = ["oncall@shop.example.com"]


def order_alert(order_id, load_watchers):
    alert = Mail(from_email="alerts@shop.example.com", to_emails=ON_CALL_EMAILS, subject=f"Order {order_id} stuck")
    # ok: pii-to-messaging
    SendGridAPIClient("key").send(alert)
    watchers = load_watchers(order_id)
    update = Mail(from_email="alerts@shop.example.com", to_emails=watchers, subject=f"Order {order_id} shipped")
    # ruleid: pii-to-messaging
    SendGridAPIClient("key").send(update)


def welcome_mail(customer):
    # ok: pii-to-messaging
    message = Mail(from_email="hello@shop.example.com", to_emails=customer.email, subject="Welcome")
    notice = Mail(from_email="hello@shop.example.com", to_emails="ops@shop.example.com", subject="Deploy done")
    # ruleid: pii-to-messaging
    SendGridAPIClient("key").send(message)
    # ok: pii-to-messaging
    SendGridAPIClient("key").send(notice)


def smtp_receipt(order, buyer):
    msg = EmailMessage()
    msg["To"] = buyer.email
    msg.set_content(f"Order {order.id} confirmed")
    with smtplib.SMTP("mail.shop.example.com") as server:
        # ruleid: pii-to-messaging
        server.send_message(msg)
        # ruleid: pii-to-messaging
        server.sendmail("shop@shop.example.com", [buyer.email], f"Order {order.id} confirmed")
        # ok: pii-to-messaging
        server.sendmail("shop@shop.example.com", ["ops@shop.example.com"], f"Order {order.id} shipped")


def django_mail(member, stats):
    # ruleid: pii-to-messaging
    send_mail("Welcome", f"Hello {member.first_name}", "hello@shop.example.com", [member.email])
    # ok: pii-to-messaging
    send_mail("Daily stats", f"{stats.signups} signups", "hello@shop.example.com", ["ops@shop.example.com"])


def notify_sales(lead):
    # ruleid: pii-to-messaging
    slack.chat_postMessage(channel="#sales", text=f"New lead {lead.full_name} ({lead.email})")
    # ok: pii-to-messaging
    slack.chat_postMessage(channel="#sales", text=f"New lead {lead.id}")
    hook = WebhookClient("https://hooks.slack.com/services/T000/B000/XXX")
    # ruleid: pii-to-messaging
    hook.send(text="callback requested by " + lead.phone)
    email_hash = hashlib.sha256(lead.email.encode()).hexdigest()
    # ok: pii-to-messaging
    hook.send(text="duplicate lead " + email_hash)


def aws_messages(user):
    ses = boto3.client("ses", region_name="eu-west-1")
    # ruleid: pii-to-messaging
    ses.send_email(Source="no-reply@shop.example.com", Destination={"ToAddresses": [user.email]},
                   Message={"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "Welcome"}}})
    sns = boto3.client("sns")
    # ruleid: pii-to-messaging
    sns.publish(PhoneNumber=user.mobile, Message="Your parcel has shipped")
    iot = boto3.client("iot-data")
    # ok: pii-to-messaging
    iot.publish(topic="devices/status", payload=user.device_status)


def china_sms(user, code):
    # ok: pii-to-messaging
    request = sms_models.SendSmsRequest(phone_numbers=user.shouji, sign_name="Shop", template_code="SMS_1")
    # ruleid: pii-to-messaging
    ali_client.send_sms(request)
    # ok: pii-to-messaging
    ali_client.send_sms(sms_models.SendSmsRequest(phone_numbers="13800000000", sign_name="Shop", template_code="SMS_1"))
    client = sms_client.SmsClient(None, "ap-guangzhou")
    req = tc_models.SendSmsRequest()
    # ruleid: pii-to-messaging
    req.from_json_string(f'{{"PhoneNumberSet": ["{user.phone}"], "TemplateId": "1"}}')
    req.PhoneNumberSet = [user.phone]
    # ruleid: pii-to-messaging
    client.SendSms(req)
    return request


jpush_client = jpush.JPush("app-key", "master-secret")


def china_push(user, order):
    push = jpush_client.create_push()
    # ruleid: pii-to-messaging
    push.audience = jpush.audience(jpush.alias(user.phone))
    # ok: pii-to-messaging
    push.notification = jpush.notification(alert=f"Order {order.id} has shipped")
    push.send()
    device = jpush_client.create_device()
    # ruleid: pii-to-messaging
    device.set_devicemobile("1507bfd3f7c466c355c", jpush.device_mobile(user.mobile))
    # ok: pii-to-messaging
    device.set_deviceinfo("1507bfd3f7c466c355c", {"tags": {"add": ["vip"]}})
    # ruleid: pii-to-messaging
    requests.post("https://msgapi.umeng.com/api/send", json={"type": "unicast", "device_tokens": user.device_token})
    # ok: pii-to-messaging
    requests.post("https://msgapi.umeng.com/api/send", json={"type": "broadcast", "payload": {"body": "Sale"}})
    # ruleid: pii-to-messaging
    requests.post("https://push-api.cloud.huawei.com/v1/10086/messages:send", json={"message": {"token": [user.push_token]}})
    # ruleid: pii-to-messaging
    requests.post("https://api.xmpush.xiaomi.com/v3/message/regid", data={"alias": user.phone})
    # ruleid: pii-to-messaging
    requests.post("https://restapi.getui.com/v2/appid/push/single/alias", json={"audience": {"alias": [user.phone]}})
    # ruleid: pii-to-messaging
    qiniu.Sms(qiniu.Auth("ak", "sk")).sendMessage("tpl-1", [user.phone], {"code": "1234"})
    # ok: pii-to-messaging
    qiniu.Sms(qiniu.Auth("ak", "sk")).sendMessage("tpl-1", ["13800000000"], {"code": "1234"})


def fcm_push(user):
    shipped = messaging.Message(token=user.fcm_token, notification=messaging.Notification(title="Shipped"))
    # ruleid: pii-to-messaging
    messaging.send(shipped)
    # ok: pii-to-messaging
    messaging.send(messaging.Message(topic="offers", notification=messaging.Notification(title="Sale")))
    # ruleid: pii-to-messaging
    messaging.subscribe_to_topic([user.registration_token], "offers")


def other_providers(user):
    client = plivo.RestClient("auth-id", "auth-token")
    # ruleid: pii-to-messaging
    client.messages.create(src="+14155550100", dst=user.phone, text="Your code is 1234")
    # ok: pii-to-messaging
    client.messages.create(src="+14155550100", dst="+14155550101", text="Nightly job finished")
    postmark = PostmarkClient(server_token="token")
    # ruleid: pii-to-messaging
    postmark.emails.send(From="hello@shop.example.com", To=user.email, Subject="Welcome", HtmlBody="<p>Hi</p>")
    # ok: pii-to-messaging
    postmark.emails.send(From="hello@shop.example.com", To="ops@shop.example.com", Subject="Deploy", HtmlBody="done")


def sipgate_sms(user, code):
    # ruleid: pii-to-messaging
    requests.post("https://api.sipgate.com/v2/sessions/sms", json={"smsId": "s0", "recipient": user.phone, "message": code})
    # ok: pii-to-messaging
    requests.get("https://api.sipgate.com/v2/balance", timeout=5)
