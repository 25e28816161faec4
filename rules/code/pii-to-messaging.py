import hashlib
import smtplib
from email.message import EmailMessage

import boto3
from alibabacloud_dysmsapi20170525 import models as sms_models
from alibabacloud_dysmsapi20170525.client import Client as AliClient
from django.core.mail import send_mail
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient
from tencentcloud.sms.v20210111 import models as tc_models, sms_client
from twilio.rest import Client

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
