"""Booking fees for private appointments, charged through Stripe."""

import sentry_sdk
import stripe
from django.conf import settings

stripe.api_key = settings.STRIPE_API_KEY

BOOKING_FEE_CENTS = 2500


def charge_booking_fee(patient, appointment) -> str:
    # ok: pii-to-error-tracker, pii-cross-border, undisclosed-recipient
    sentry_sdk.set_user({"id": patient.pk})
    # ruleid: pii-to-payment, pii-cross-border
    # ok: undisclosed-recipient, undisclosed-cross-border
    intent = stripe.PaymentIntent.create(
        amount=BOOKING_FEE_CENTS,
        currency="eur",
        receipt_email=patient.email,
        metadata={"appointment": appointment.pk},
    )
    return intent.client_secret
