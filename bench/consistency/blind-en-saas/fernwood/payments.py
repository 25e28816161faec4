"""Stripe: buyer customers, seller connected accounts, charges."""
import os

import stripe

stripe.api_key = os.environ.get("STRIPE_SECRET_KEY")


def create_customer(email, full_name, phone_number):
    # ruleid: pii-to-payment
    customer = stripe.Customer.create(email=email, name=full_name, phone=phone_number)
    return customer.id


def create_connected_account(email, first_name, last_name, date_of_birth, ssn, phone_number):
    individual = {
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "phone": phone_number,
        "dob": {"day": date_of_birth.day, "month": date_of_birth.month, "year": date_of_birth.year},
        "id_number": ssn,
    }
    # ruleid: pii-to-payment
    account = stripe.Account.create(type="custom", country="US", business_type="individual", individual=individual, capabilities={"transfers": {"requested": True}})
    return account.id


def charge(customer_id, amount_cents, order_id):
    # ok: pii-to-payment
    intent = stripe.PaymentIntent.create(amount=amount_cents, currency="usd", customer=customer_id, metadata={"order_id": str(order_id)}, confirm=True, off_session=True)
    return intent.id
