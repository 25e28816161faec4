"""HTTP endpoints of the shop."""

import logging

import sentry_sdk
from flask import Flask, jsonify, make_response, request

from shop.models import Customer
from shop.services import analytics, notify
from shop.storage import save_customer

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/signup")
def signup():
    form = request.form
    customer = Customer(
        id=0,
        full_name=form["full_name"],
        email=form["email"],
        phone=form["phone"],
        shipping_address=form["address"],
    )
    save_customer(customer)
    logger.info("new customer %s <%s>", customer.full_name, customer.email)
    sentry_sdk.set_user({"id": customer.id, "email": customer.email})
    analytics.track_signup(customer)
    notify.send_welcome_sms(customer)
    response = make_response(jsonify({"id": customer.id}))
    response.set_cookie("customer_email", customer.email)
    return response


@app.post("/login")
def login():
    email = request.json.get("email")
    logger.info("login attempt from %s", request.remote_addr)
    if not email:
        raise ValueError("missing e-mail address")
    logger.info("login for customer")
    return jsonify({"ok": True})


@app.get("/orders/<int:order_id>")
def order_status(order_id: int):
    logger.info("order %s looked up", order_id)
    return jsonify({"order": order_id})
