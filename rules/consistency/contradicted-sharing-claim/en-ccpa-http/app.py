import hashlib

import requests


def charge(member, amount):
    requests.post("https://api.stripe.com/v1/charges", data={"amount": amount, "receipt_email": member.email})


def report_purchase(member):
    event = {"event": "CompletePayment", "user": {"email": hashlib.sha256(member.email.encode()).hexdigest()}}
    requests.post("https://business-api.tiktok.com/open_api/v1.3/event/track/", json={"data": [event]})
