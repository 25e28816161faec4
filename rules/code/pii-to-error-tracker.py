import sentry_sdk
from sentry_sdk import set_tag, set_user as sentry_user


def configure_scope(user, request):
    # ruleid: pii-to-error-tracker
    sentry_sdk.set_user({"id": user.id, "email": user.email})
    # ok: pii-to-error-tracker
    sentry_sdk.set_user({"id": user.id})
    # ruleid: pii-to-error-tracker
    set_tag("client_ip", request.remote_addr)
    # ok: pii-to-error-tracker
    set_tag("plan", user.plan)
    # ruleid: pii-to-error-tracker
    sentry_user({"username": user.username, "phone": user.phone})


def report_failure(order, customer):
    # ruleid: pii-to-error-tracker
    sentry_sdk.capture_message(f"payment failed for {customer.email}")
    # ok: pii-to-error-tracker
    sentry_sdk.capture_message(f"payment failed for order {order.id}")
    # ruleid: pii-to-error-tracker
    sentry_sdk.set_context("customer", {"name": customer.full_name, "tier": customer.tier})
    # ok: pii-to-error-tracker
    sentry_sdk.set_context("order", {"total": order.total, "currency": order.currency})
