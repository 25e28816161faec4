import hashlib
import hmac
import logging

import requests
from facebook_business.adobjects.serverside.event import Event
from facebook_business.adobjects.serverside.event_request import EventRequest
from facebook_business.adobjects.serverside.user_data import UserData

PIXEL_ID = "1234"
logger = logging.getLogger(__name__)


def report_purchase(customer, order):
    user_data = UserData(emails=[customer.email], phones=[customer.phone])
    event = Event(event_name="Purchase", user_data=user_data)
    # ruleid: pii-to-advertising
    EventRequest(events=[event], pixel_id=PIXEL_ID).execute()
    anonymous = Event(event_name="PageView", custom_data={"value": order.total})
    # ok: pii-to-advertising
    EventRequest(events=[anonymous], pixel_id=PIXEL_ID).execute()


def report_signup(customer):
    # The platform matches the SHA-256 of the normalised address to its own users: still the person.
    hashed_email = hashlib.sha256(customer.email.strip().lower().encode()).hexdigest()
    signup = Event(event_name="CompleteRegistration", user_data=UserData(emails=[hashed_email]))
    # ruleid: pii-to-advertising
    EventRequest(events=[signup], pixel_id=PIXEL_ID).execute()
    # ok: pii-to-advertising
    logger.info("signup reported for %s", hashed_email)
    token = hmac.new(b"key", customer.email.encode(), hashlib.sha256).hexdigest()
    keyed = Event(event_name="Lead", user_data=UserData(external_id=[token]))
    # ok: pii-to-advertising
    EventRequest(events=[keyed], pixel_id=PIXEL_ID).execute()


def report_to_tiktok(customer):
    payload = {"event": "CompletePayment", "user": {"email": hashlib.sha256(customer.email.encode()).hexdigest()}}
    # ruleid: pii-to-advertising
    requests.post("https://business-api.tiktok.com/open_api/v1.3/event/track/", json={"data": [payload]})
    # ok: pii-to-advertising
    requests.post("https://partner-crm.example.net/v1/events", json={"data": [payload]})


CAPI_URL = f"https://graph.facebook.com/v19.0/{PIXEL_ID}/events"


def report_lead(customer):
    lead = {"event_name": "Lead", "user_data": {"em": [hashlib.sha256(customer.email.encode()).hexdigest()]}}
    # ruleid: pii-to-advertising
    requests.post(CAPI_URL, json={"data": [lead]})
