import httpx
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
