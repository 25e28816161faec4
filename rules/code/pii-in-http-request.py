import dataclasses
from http.client import HTTPSConnection
import urllib.request
from urllib.parse import urlencode

import aiohttp
import marshmallow
import httpx
import urllib3
import requests
import requests as http

CRM_URL = "https://crm.partner-example.com/api/contacts"
LOCAL_URL = "http://localhost:9000/events"


def push_lead(lead):
    # ruleid: pii-in-http-request
    requests.post(CRM_URL, json={"email": lead.email, "source": "web"})
    # ok: pii-in-http-request
    requests.post(CRM_URL, json={"lead_id": lead.id, "source": "web"})
    # ok: pii-in-http-request
    requests.post(LOCAL_URL, json={"email": lead.email})
    # ruleid: pii-in-http-request
    requests.post(CRM_URL, json={"avatar": lead.avatar_url, "source": "web"})


def lookup(user):
    # ruleid: pii-in-http-request
    http.get(f"https://api.enrich-example.io/v1/person?phone={user.phone}")
    # ruleid: pii-in-http-request
    httpx.get("https://api.enrich-example.io/v1/person", params={"name": user.full_name})
    # ok: pii-in-http-request
    httpx.get("https://api.enrich-example.io/v1/status", params={"verbose": True})


def with_session(member, token):
    session = requests.Session()
    headers = {"X-User-Email": member.email}
    # ruleid: pii-in-http-request
    session.post("https://hooks.example-chat.com/notify", headers=headers, data="joined")
    with httpx.Client() as client:
        # ruleid: pii-in-http-request
        client.post("https://hooks.example-chat.com/notify", data={"ssn": member.ssn})
        # ok: pii-in-http-request
        client.post("https://hooks.example-chat.com/notify", data={"token_count": 3})


async def aiohttp_calls(visitor):
    async with aiohttp.ClientSession() as http_session:
        # ruleid: pii-in-http-request
        await http_session.post("https://api.enrich-example.io/v1/person", json={"email": visitor.email})
        # ok: pii-in-http-request
        await http_session.post("http://localhost:9000/events", json={"email": visitor.email})
        # ok: pii-in-http-request
        await http_session.get("https://api.enrich-example.io/v1/status")


def standard_library(visitor):
    query = urlencode({"phone": visitor.phone})
    # ruleid: pii-in-http-request
    urllib.request.urlopen("https://api.enrich-example.io/v1/person?" + query)
    # ruleid: pii-in-http-request
    request = urllib.request.Request("https://crm.partner-example.com/api", data=visitor.full_name.encode())
    # ok: pii-in-http-request
    urllib.request.urlopen(request)
    conn = HTTPSConnection("crm.partner-example.com")
    # ruleid: pii-in-http-request
    conn.request("POST", "/api/contacts", body=visitor.email)
    # ok: pii-in-http-request
    conn.request("GET", "/api/health")
    pool = urllib3.PoolManager()
    # ruleid: pii-in-http-request
    pool.request("POST", "https://crm.partner-example.com/api", fields={"address": visitor.home_address})
    # ok: pii-in-http-request
    pool.request("POST", "http://localhost:9200/visitors", fields={"address": visitor.home_address})


def through_an_alias(visitor, notify):
    action = requests.post if notify else requests.put
    send = requests.post
    # ruleid: pii-in-http-request
    send("https://crm.partner-example.com/api", json={"email": visitor.email})
    post_count = len(visitor.orders)
    # ok: pii-in-http-request
    send("https://crm.partner-example.com/api", json={"count": post_count})
    return action



@dataclasses.dataclass
class Customer:
    email: str
    phone: str
    plan: str


class CustomerSchema(marshmallow.Schema):
    email = marshmallow.fields.Email()


def push_profile(customer: Customer):
    payload = CustomerSchema().dump(customer)
    # ruleid: pii-in-http-request
    requests.post("https://crm.partner-example.com/api", json=payload)
    # ruleid: pii-in-http-request
    requests.post("https://crm.partner-example.com/api", json=dataclasses.asdict(customer))
    # ok: pii-in-http-request
    requests.post("https://crm.partner-example.com/api", json=CustomerSchema().dump(customer.plan))


def sms_gateway(user):
    # ok: pii-in-http-request
    requests.post("https://api.sipgate.com/v2/sessions/sms", json={"smsId": "s0", "recipient": user.phone})
