"""HTTP routes: sign-up, seller onboarding, search, checkout, guest order lookup, data export."""
import hashlib
import logging
import os

import sentry_sdk
from fastapi import APIRouter, Depends, HTTPException, Request, Response
from openai import OpenAI
from posthog import Posthog
from sqlalchemy import text
from sqlalchemy.orm import Session

from . import outreach, payments, storage
from .models import Listing, Order, OrderIn, Seller, SellerOnboardingIn, SignupIn, User, get_db

router = APIRouter()
logger = logging.getLogger(__name__)
posthog_client = Posthog(os.environ.get("POSTHOG_API_KEY", ""), host="https://us.i.posthog.com")
openai_client = OpenAI()


class OrderLookupError(Exception):
    pass


def current_user(request: Request, db: Session = Depends(get_db)) -> User:
    user = db.get(User, request.session.get("user_id"))
    if user is None:
        raise HTTPException(status_code=401)
    # ruleid: pii-to-error-tracker
    sentry_sdk.set_user({"id": str(user.id), "email": user.email})
    # ok: pii-to-error-tracker
    sentry_sdk.set_tag("plan", user.plan)
    return user


@router.post("/signup", status_code=201)
def signup(payload: SignupIn, response: Response, db: Session = Depends(get_db)):
    user = User(
        email=payload.email,
        full_name=payload.full_name,
        phone_number=payload.phone_number,
        gender=payload.gender,
    )
    db.add(user)
    db.flush()
    # ruleid: pii-to-payment
    user.stripe_customer_id = payments.create_customer(payload.email, payload.full_name, payload.phone_number)
    db.commit()
    # ruleid: pii-to-analytics
    posthog_client.capture(distinct_id=str(user.id), event="signed_up", properties={"email": payload.email, "plan": user.plan})
    # ok: pii-to-analytics
    posthog_client.capture(distinct_id=str(user.id), event="magic_link_sent", properties={"plan": user.plan})
    # ruleid: pii-in-log
    logger.info("New account %s <%s>", payload.full_name, payload.email)
    # ok: pii-in-log
    logger.debug("Stripe customer created for %s", hashlib.sha256(payload.email.encode()).hexdigest())
    # remembered so the sign-in form can be pre-filled
    # ruleid: pii-in-cookie
    response.set_cookie("fw_last_email", payload.email, max_age=90 * 86400)
    # ok: pii-in-cookie
    response.set_cookie("fw_ab_bucket", "b", max_age=30 * 86400)
    return {"id": user.id}


@router.post("/sellers", status_code=201)
def onboard_seller(payload: SellerOnboardingIn, user: User = Depends(current_user), db: Session = Depends(get_db)):
    # ruleid: pii-to-payment
    account_id = payments.create_connected_account(user.email, payload.legal_first_name, payload.legal_last_name, payload.date_of_birth, payload.ssn, user.phone_number)
    seller = Seller(
        user_id=user.id,
        legal_name=f"{payload.legal_first_name} {payload.legal_last_name}",
        shop_name=payload.shop_name,
        city=payload.city,
        stripe_account_id=account_id,
    )
    db.add(seller)
    db.commit()
    # ok: pii-in-log
    logger.info("Seller %s onboarded (Stripe account %s)", seller.id, account_id)
    # ok: pii-to-messaging
    outreach.send_review_alert(seller.id)
    return {"id": seller.id}


@router.post("/sellers/{seller_id}/bio-draft")
def draft_shop_bio(seller_id: int, user: User = Depends(current_user), db: Session = Depends(get_db)):
    seller = db.get(Seller, seller_id)
    if seller is None or seller.user_id != user.id:
        raise HTTPException(status_code=404)
    prompt = f"Write a warm two-sentence shop bio for {seller.legal_name}, a maker in {seller.city} who runs {seller.shop_name}."
    # ruleid: pii-to-llm
    completion = openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return {"draft": completion.choices[0].message.content}


@router.get("/listings/nearby")
# ruleid: sensitive-pii-collected
def nearby_listings(latitude: float, longitude: float, radius_km: float = 25, db: Session = Depends(get_db)):
    """'Near me': listings from sellers offering local pickup around the buyer."""
    rows = db.execute(
        text("SELECT id, title, price_cents FROM pickup_listings WHERE earth_box(ll_to_earth(:lat, :lng), :radius) @> pickup_point"),
        {"lat": latitude, "lng": longitude, "radius": radius_km * 1000},
    )
    return [dict(row._mapping) for row in rows]


@router.post("/orders", status_code=201)
def checkout(payload: OrderIn, request: Request, user: User = Depends(current_user), db: Session = Depends(get_db)):
    listing = db.get(Listing, payload.listing_id)
    if listing is None:
        raise HTTPException(status_code=404)
    order = Order(
        buyer_id=user.id,
        buyer_email=user.email,
        listing_id=listing.id,
        total_cents=listing.price_cents,
        shipping_address=payload.shipping_address,
    )
    db.add(order)
    db.commit()
    # ok: pii-to-payment
    payments.charge(user.stripe_customer_id, order.total_cents, order.id)
    # ruleid: pii-to-messaging
    outreach.send_order_confirmation(user.email, user.full_name, order.id, order.total_cents)
    # ruleid: pii-to-advertising
    outreach.report_purchase(user.email, user.phone_number, request.client.host, request.headers.get("user-agent"), order.id, order.total_cents)
    invoice_pdf = f"Fernwood Market invoice #{order.id}: {listing.title}".encode()
    # ok: pii-cross-border
    storage.store_invoice(order.id, user.full_name, invoice_pdf)
    return {"id": order.id}


@router.get("/orders/lookup")
def lookup_guest_order(order_id: int, email: str, db: Session = Depends(get_db)):
    """Guest checkout: find an order by its number and the receipt e-mail."""
    order = db.query(Order).filter_by(id=order_id, buyer_email=email).one_or_none()
    if order is None:
        # ruleid: pii-in-exception
        raise OrderLookupError(f"no order {order_id} for {email}")
    if order.shipping_address is None:
        # ok: pii-in-exception
        raise OrderLookupError(f"order {order_id} has no shipping address")
    return {"id": order.id, "total_cents": order.total_cents}


@router.post("/me/export")
def export_my_data(user: User = Depends(current_user), db: Session = Depends(get_db)):
    orders = [
        {"id": o.id, "total_cents": o.total_cents, "shipping_address": o.shipping_address}
        for o in db.query(Order).filter_by(buyer_id=user.id)
    ]
    # ruleid: pii-cross-border, undisclosed-cross-border
    url = storage.write_data_export(user.id, user.email, user.full_name, orders)
    # ok: pii-in-log
    logger.info("Data export ready for user %s", user.id)
    return {"download_url": url}
