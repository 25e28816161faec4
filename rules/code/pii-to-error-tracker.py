import sys

import bugsnag
import newrelic.agent
import pybrake
import rollbar
import sentry_sdk
from ddtrace import tracer
from honeybadger import honeybadger
from opentelemetry import trace
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


def other_trackers(user, order, error):
    # ruleid: pii-to-error-tracker
    rollbar.report_message("refund failed", "warning", None, {"email": user.email})
    # ruleid: pii-to-error-tracker
    rollbar.report_exc_info(sys.exc_info(), extra_data={"phone": user.phone})
    # ok: pii-to-error-tracker
    rollbar.report_exc_info(sys.exc_info(), extra_data={"order": order.id})
    # ruleid: pii-to-error-tracker
    bugsnag.notify(ValueError("refund failed"), user={"id": user.id, "email": user.email})
    # ok: pii-to-error-tracker
    bugsnag.notify(ValueError("refund failed"), user={"id": user.id})
    # ruleid: pii-to-error-tracker
    newrelic.agent.add_custom_attribute("customer_name", user.full_name)
    # ok: pii-to-error-tracker
    newrelic.agent.add_custom_attribute("order_total", order.total)
    # ruleid: pii-to-error-tracker
    newrelic.agent.record_custom_event("Refund", {"ip": user.ip_address, "order": order.id})
    # ruleid: pii-to-error-tracker
    honeybadger.set_context(user_email=user.email)
    # ruleid: pii-to-error-tracker
    honeybadger.notify(error_class="RefundError", error_message=f"refund failed for {user.phone}")
    notifier = pybrake.Notifier(project_id=1, project_key="key", environment="production")
    notice = notifier.build_notice(error)
    notice["params"] = {"passport": user.passport_number}
    # ruleid: pii-to-error-tracker
    notifier.send_notice(notice)
    # ok: pii-to-error-tracker
    notifier.notify(error)


def tracing(user, order, span):
    # ruleid: pii-to-error-tracker
    tracer.current_span().set_tag("customer.email", user.email)
    # ok: pii-to-error-tracker
    tracer.current_span().set_tag("order.id", order.id)
    with tracer.trace("checkout") as dd_span:
        # ruleid: pii-to-error-tracker
        dd_span.set_tag("customer.phone", user.phone)
    # ruleid: pii-to-error-tracker
    trace.get_current_span().set_attribute("enduser.email", user.email)
    # ruleid: pii-to-error-tracker
    span.set_attributes({"enduser.phone": user.phone, "order.id": order.id})
    # ok: pii-to-error-tracker
    span.set_attribute("order.items", order.item_count)
    otel = trace.get_tracer(__name__)
    with otel.start_as_current_span("refund") as refund_span:
        # ruleid: pii-to-error-tracker
        refund_span.add_event("refund requested", {"address": user.billing_address})
    # ok: pii-to-error-tracker
    order.set_attribute("note", user.email)


def configure(dsn, user):
    # ruleid: pii-to-error-tracker
    sentry_sdk.init(dsn=dsn, send_default_pii=True)
    # ok: pii-to-error-tracker
    sentry_sdk.init(dsn=dsn, send_default_pii=False, traces_sample_rate=0.1)
    with sentry_sdk.configure_scope() as scope:
        # ruleid: pii-to-error-tracker
        scope.user = {"email": user.email}
        # ok: pii-to-error-tracker
        scope.user = {"id": user.id}
        # ok: pii-to-error-tracker
        scope.level = "warning"
