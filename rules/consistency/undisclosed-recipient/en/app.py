import analytics
import requests
import sentry_sdk
import stripe
from mixpanel import Mixpanel
from twilio.rest import Client

mp = Mixpanel("token")
sms = Client("sid", "token")


def on_error(user):
    # ok: undisclosed-recipient
    sentry_sdk.set_user({"email": user.email})


def on_signup(user):
    # ruleid: undisclosed-recipient
    analytics.identify(user.id, {"email": user.email})
    # ok: undisclosed-recipient
    analytics.track(user.id, "Signed up", {"email": user.email})
    # ruleid: undisclosed-recipient
    mp.people_set(user.id, {"$phone": user.phone})
    # ok: undisclosed-recipient
    mp.track(user.id, "Signed up", {"plan": user.plan})
    # ok: undisclosed-recipient
    sms.messages.create(to=user.phone, from_="+15550100", body="Welcome")


def pay(order, user):
    # ok: undisclosed-recipient
    stripe.PaymentIntent.create(amount=order.total, currency="eur", receipt_email=user.email)


def ship(order, user):
    # ok: undisclosed-recipient
    requests.post("https://api.quickship.com/v2/parcels", json={"name": user.full_name, "address": user.address})
    # ruleid: undisclosed-recipient
    requests.post("https://hooks.leadfinder.io/contacts", json={"email": user.email})
