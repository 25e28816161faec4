"""Product analytics through Segment."""

import hashlib

import analytics


def track_signup(customer):
    analytics.identify(customer.id, {"email": customer.email, "name": customer.full_name})
    analytics.track(customer.id, "Signed Up", {"plan": "free"})


def track_checkout(customer, order):
    email_digest = hashlib.sha256(customer.email.encode()).hexdigest()
    analytics.track(customer.id, "Checkout", {"total": order.total_cents, "email_sha256": email_digest})
