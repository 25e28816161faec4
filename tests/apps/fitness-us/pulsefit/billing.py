"""Subscriptions through Stripe's REST API (httpx: the official client is synchronous)."""

import httpx

from pulsefit import config

STRIPE_API = "https://api.stripe.com/v1"


async def create_customer(email: str, first_name: str, member_id: int) -> str:
    async with httpx.AsyncClient(auth=(config.STRIPE_SECRET_KEY, "")) as client:
        # ruleid: pii-in-http-request
        # ok: undisclosed-recipient, contradicted-sharing-claim
        response = await client.post(f"{STRIPE_API}/customers",
                                     data={"email": email, "name": first_name, "metadata[member_id]": member_id})
        response.raise_for_status()
        return response.json()["id"]


async def subscribe(customer_id: str, price: str, payment_method: str) -> dict:
    async with httpx.AsyncClient(auth=(config.STRIPE_SECRET_KEY, "")) as client:
        # ok: pii-in-http-request
        response = await client.post(f"{STRIPE_API}/subscriptions",
                                     data={"customer": customer_id, "items[0][price]": price,
                                           "default_payment_method": payment_method})
        response.raise_for_status()
        return response.json()
