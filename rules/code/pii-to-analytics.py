import hashlib

import analytics
import posthog
from mixpanel import Mixpanel

mp = Mixpanel("project-token")


def track_signup(user):
    # ruleid: pii-to-analytics
    analytics.identify(user.id, {"email": user.email, "plan": user.plan})
    # ok: pii-to-analytics
    analytics.identify(user.id, {"plan": user.plan, "signup_source": "web"})
    # ruleid: pii-to-analytics
    mp.people_set(user.id, {"$phone": user.phone})
    # ok: pii-to-analytics
    mp.track(user.id, "Signed up", {"referrer": user.referrer_code})
    hashed = hashlib.sha256(user.email.lower().encode()).hexdigest()
    # ok: pii-to-analytics
    analytics.identify(user.id, {"email_hash": hashed})


def track_checkout(customer, cart):
    props = {"items": len(cart.items), "total": cart.total}
    props["address"] = customer.shipping_address
    # ruleid: pii-to-analytics
    posthog.capture(customer.id, "checkout", properties=props)
    # ok: pii-to-analytics
    posthog.capture(customer.id, "checkout", properties={"items": len(cart.items)})


def client_instance(member):
    client = posthog.Posthog("key", host="https://eu.posthog.com")
    # ruleid: pii-to-analytics
    client.identify(member.id, {"birthday": member.birthday})
