import hashlib

import analytics
import mailchimp_marketing
import posthog
from amplitude import Amplitude, BaseEvent, Identify
from customerio import CustomerIO
from hubspot import HubSpot
from hubspot.crm.contacts import SimplePublicObjectInputForCreate
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


def marketing_tools(user, order, list_id):
    amp = Amplitude("api-key")
    # ruleid: pii-to-analytics
    amp.track(BaseEvent(event_type="Order Placed", user_id=str(user.id), event_properties={"email": user.email}))
    # ok: pii-to-analytics
    amp.track(BaseEvent(event_type="Order Placed", user_id=str(user.id), event_properties={"total": order.total}))
    traits = Identify()
    # ruleid: pii-to-analytics
    traits.set("phone", user.phone)
    # ok: pii-to-analytics
    traits.set("plan", user.plan)
    mailchimp = mailchimp_marketing.Client()
    # ruleid: pii-to-analytics
    mailchimp.lists.add_list_member(list_id, {"email_address": user.email, "status": "subscribed"})
    hubspot = HubSpot(access_token="token")
    # ruleid: pii-to-analytics
    contact = SimplePublicObjectInputForCreate(properties={"email": user.email, "firstname": user.first_name})
    # ok: pii-to-analytics
    hubspot.crm.contacts.basic_api.get_page(limit=10)
    # ruleid: pii-to-analytics
    hubspot.crm.contacts.basic_api.update(user.hubspot_id, {"properties": {"phone": user.phone}})
    cio = CustomerIO("site-id", "api-key")
    # ruleid: pii-to-analytics
    cio.identify(id=user.id, email=user.email, created_at=user.created_at)
    # ok: pii-to-analytics
    cio.track(customer_id=user.id, name="purchased", price=order.total)
    # ok: pii-to-analytics
    order.track(user.email)
    return contact
