"""Customer e-mail (SendGrid) and purchase conversions for ad measurement."""
import hashlib
import os
import time

import requests
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail

# ok: pii-literal
FROM_EMAIL = "orders@fernwood.market"
# Dana (ops) reviews every new seller by hand for now
# ruleid: pii-literal
ADMIN_ALERT_EMAILS = ["dana.whitfield.fw@gmail.com"]

sendgrid_client = SendGridAPIClient(os.environ.get("SENDGRID_API_KEY"))

META_PIXEL_ID = "804412957733120"
META_CAPI_URL = f"https://graph.facebook.com/v19.0/{META_PIXEL_ID}/events"


def send_order_confirmation(to_email, buyer_name, order_id, total_cents):
    message = Mail(
        from_email=FROM_EMAIL,
        to_emails=to_email,
        subject=f"Your Fernwood order #{order_id}",
        html_content=f"<p>Hi {buyer_name}, thanks for your order (${total_cents / 100:.2f}).</p>",
    )
    # ruleid: pii-to-messaging
    sendgrid_client.send(message)


def send_review_alert(seller_id):
    message = Mail(
        from_email=FROM_EMAIL,
        to_emails=ADMIN_ALERT_EMAILS,
        subject=f"Seller {seller_id} needs a manual review",
        html_content=f"<p>https://admin.fernwood.market/sellers/{seller_id}</p>",
    )
    # ok: pii-to-messaging
    sendgrid_client.send(message)


def _sha256(value):
    return hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()


def report_purchase(email, phone_number, client_ip, user_agent, order_id, value_cents):
    """Meta Conversions API: lets the ads team measure and retarget buyers."""
    user_data = {
        "em": [_sha256(email)],
        "client_ip_address": client_ip,
        "client_user_agent": user_agent,
    }
    if phone_number:
        user_data["ph"] = [_sha256(phone_number)]
    event = {
        "event_name": "Purchase",
        "event_time": int(time.time()),
        "event_id": f"order-{order_id}",
        "action_source": "website",
        "user_data": user_data,
        "custom_data": {"currency": "USD", "value": value_cents / 100},
    }
    # ruleid: pii-to-advertising, undisclosed-recipient
    requests.post(META_CAPI_URL, json={"data": [event], "access_token": os.environ.get("META_CAPI_TOKEN")}, timeout=5)
