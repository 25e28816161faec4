import json
import logging
import logging as lg
from logging import getLogger, info as log_info

import structlog
from loguru import logger as app_logger

logger = logging.getLogger(__name__)
audit = getLogger("audit")


def on_signup(user, request):
    # ruleid: pii-in-log
    logger.info("new signup: %s", user.email)
    # ruleid: pii-in-log
    logging.warning(f"SMS code sent to {user.phone_number}")
    # ruleid: pii-in-log
    lg.error("lookup failed for " + request.form["email"])
    # ruleid: pii-in-log
    log_info("birthday %s", user.date_of_birth)
    # ruleid: pii-in-log
    audit.info("id card %s", user.id_card_no)
    # ok: pii-in-log
    logger.info("new signup: %s", user.id)
    # ok: pii-in-log
    logger.info("email sent")
    # ok: pii-in-log
    logger.debug("template %s", user.email_template)
    # ok: pii-in-log
    logger.info("has phone: %s", user.has_phone)
    # ok: pii-in-log
    logger.info("ban by %s", Ban.IP)
    # ruleid: pii-in-log
    logger.info("ban of %s", ban.IP)


def through_variables(customer):
    address = customer.home_address
    line = "ship to {}".format(address)
    parts = [line, "priority"]
    # ruleid: pii-in-log
    logger.info(" ".join(parts))
    # ok: pii-in-log
    logger.info("shipping %d parcels", customer.parcel_count)


def sanitized(user):
    import hashlib

    digest = hashlib.sha256(user.email.encode()).hexdigest()
    # ok: pii-in-log
    logger.info("login %s", digest)
    # ok: pii-in-log
    logger.info("login %s", mask_email(user.email))


def mask_email(value):
    return value[:2] + "***"


class Service:
    def __init__(self):
        self.logger = logging.getLogger("svc")

    def notify(self, patient):
        # ruleid: pii-in-log
        self.logger.warning("diagnosis for %s: %s", patient.id, patient.diagnosis)
        # ruleid: pii-in-log
        print("calling", patient.phone)
        # ok: pii-in-log
        print("calling patient", patient.id)


def constants_only():
    # ok: pii-in-log
    logger.info("contact support@example.com for help")
    # ok: pii-in-log
    print(len("email"))


def loguru_and_structlog(user, order):
    # ruleid: pii-in-log
    app_logger.info("password reset for {}", user.email)
    # ok: pii-in-log
    app_logger.info("password reset for user {}", user.id)
    # ruleid: pii-in-log
    app_logger.bind(request_id=order.id).warning(f"card declined: {user.bank_card_number}")
    slog = structlog.get_logger()
    # ruleid: pii-in-log
    slog.info("order_placed", order_id=order.id, shipping_address=user.shipping_address)
    # ok: pii-in-log
    slog.info("order_placed", order_id=order.id, items=order.item_count)
    # ruleid: pii-in-log
    bound = slog.bind(phone=user.phone)
    # ruleid: pii-in-log
    structlog.contextvars.bind_contextvars(email=user.email)
    # ok: pii-in-log
    bound.info("sms_sent")


def constant_names(span):
    # ok: pii-in-log
    logger.info("attribute %s", SPANDATA.DB_DRIVER_NAME)
    # ok: pii-in-log
    logger.info("setting %s", DEFAULT_FROM_EMAIL)


def software_owners(connection, driver, tar_member):
    # ok: pii-in-log
    logger.info("program %s missing", connection.client.executable_name)
    # ok: pii-in-log
    logger.info("raster driver %s", driver.name)
    # ok: pii-in-log
    print("the member %s is invalid", tar_member.name)


def zhuce(request):
    shouji = request.form["shouji"]
    手机号 = request.json["手机号"]
    # ruleid: pii-in-log
    logger.info("新用户注册: %s", shouji)
    # ruleid: pii-in-log
    logger.info("用户手机号 %s", 手机号)
    # ok: pii-in-log
    logger.info("注册成功, 手机号长度 %d", len(shouji))


def notify_cc(cc_list, logger):
    for _, cced_email in cc_list:
        # ruleid: pii-in-log
        logger.warning("cc address not linked to a user: %s", cced_email)
    for attempt in range(3):
        # ok: pii-in-log
        logger.info("attempt %s", attempt)


def register_from(params, logger):
    email = get_required(params, "email")
    # ruleid: pii-in-log
    logger.warning("registration mail to %s failed", email)
    email = "no-reply@shop.cn"
    # ok: pii-in-log
    logger.info("sending as %s", email)
    count = get_required(params, "count")
    # ok: pii-in-log
    logger.info("count %s", count)


def preview(page, logger):
    og = {"og:title": page.title, "og:author": page.author_email}
    image_url = og.pop("og:image")
    # ok: pii-in-log
    logger.warning("cannot fetch %s", image_url)
    # ok: pii-in-log
    logger.warning("title %s", og["og:title"])
    # ruleid: pii-in-log
    logger.info("shared by %s", og.get("author_email"))


def birthday(person, logger):
    # ruleid: pii-in-log
    logger.info("born on %s", person.date_of_birth.isoformat())
    # ruleid: pii-in-log
    logger.info("born in %s", person.birth_date.strftime("%Y"))
    # ok: pii-in-log
    logger.info("updated %s", person.updated_at.isoformat())


def search(logger):
    from flask import request

    # ruleid: pii-in-log
    logger.info("lookup %s", request.args.get("email"))
    # ruleid: pii-in-log
    logger.info("lookup %s", request.args["phone"])
    # ok: pii-in-log
    logger.info("page %s", request.args.get("page"))


def _lookup(dictionary, key):
    return dictionary.get(key)


def _item(dictionary, key):
    return dictionary[key]


def configure(params, logger):
    params = {"Password": params.secret, "type": params.kind}
    resolver_type = _lookup(params, "type")
    # ok: pii-in-log
    logger.info("resolver type %s", resolver_type)
    # ok: pii-in-log
    logger.info("resolver type %s", _item(params, "type"))


def where_clause(keyvalues, logger):
    keyvalues = {"user_email": keyvalues.email}
    clause = " AND ".join(f"{column} = ?" for column in keyvalues.keys())
    # ok: pii-in-log
    logger.debug("query %s", clause)
    # ok: pii-in-log
    logger.debug("type %s", _item(keyvalues, f"type_{clause}"))
    # ruleid: pii-in-log
    logger.debug("values %s", list(keyvalues.values()))


def pushers_by(keyvalues: dict[str, str], logger):
    keyvalues = {"user_name": keyvalues.user_name}
    # ok: pii-in-log
    logger.debug("WHERE %s", " AND ".join("%s = ?" % (column,) for column in keyvalues))
    items = keyvalues.items()
    # ok: pii-in-log
    logger.debug("WHERE %s", " AND ".join(column + " = ?" for column, _ in items))
    # ruleid: pii-in-log
    logger.debug("values %s", [value for _, value in items])


def refund_to_card(order, bank_card_no: str, mobile_phone: str, logger):
    # ok: pii-in-log
    logger.info("refund for order %s to the card ending %s", order.id, bank_card_no[-4:])
    # ok: pii-in-log
    logger.info("sms to a number starting %s", mobile_phone[:3])
    # ruleid: pii-in-log
    logger.info("refund to card %s", bank_card_no[:12])
    # ruleid: pii-in-log
    logger.info("refund to card %s", bank_card_no[4:])


class AuditMixin:
    def audit(self, message, *args, **fields):
        logger.info(f"{self.slug}: {message}", *args, extra=fields)


class Invoice(AuditMixin):
    def mark_paid(self, payer):
        # ruleid: pii-in-log
        self.audit("paid by %s", payer.email)
        # ok: pii-in-log
        self.audit("paid on %s", self.paid_at)
        # ruleid: pii-in-log
        self.audit("paid", contact=payer.phone_number)


class Refund:
    def record(self, customer):
        # ruleid: pii-in-log
        self.invoice.audit("refund for %s", customer.email)
        # ok: pii-in-log
        self.invoice.audit("refund of %s", self.amount)
        # ok: pii-in-log
        self.ledger.audit("refund for %s", customer.email)


def profile_from_provider(session, token):
    response = session.get("https://accounts.example.net/userinfo", params={"access_token": token}).text
    # ruleid: pii-in-log
    logger.info("provider answered %s", response)
    profile = json.loads(response)
    return profile["email"], profile["nickname"]


def options_from(raw, response):
    settings = json.loads(raw)
    # ok: pii-in-log
    logger.info("options %s", raw)
    status = response.json()
    # ok: pii-in-log
    logger.info("status %s", status)
    return settings["email"], status["state"]


def exchange_code(session, code):
    response = session.post("https://accounts.example.net/token", data={"code": code}).text
    tokens = json.loads(response)
    if "refresh_token" in tokens:
        # ruleid: pii-in-log
        logger.info("token response %s", response)
        return tokens["refresh_token"]
    # ok: pii-in-log
    logger.warning("token exchange failed: %s", response)
    return None


def client_path(request, proxies):
    hops = []
    for index, hop in enumerate((request.remote_addr, *proxies)):
        hops.append(hop)
    # ruleid: pii-in-log
    logger.debug("client path %r", hops)
    sizes = []
    for index, hop in enumerate(proxies):
        sizes.append(index)
    # ok: pii-in-log
    logger.debug("proxy count %r", sizes)


def deliver(outbox, basket):
    for mail in outbox:
        # ruleid: pii-in-log
        logger.debug("sending e-mail to %s", mail["address"])
        # ok: pii-in-log
        logger.debug("sending %s", mail["subject"])
    for line in basket.lines:
        # ok: pii-in-log
        logger.debug("basket line %s", line.id)


def request_reset(request):
    account = request.form.get("user", "")
    # ruleid: pii-in-log
    logger.info("password reset requested for %s", account)
    page = request.args.get("page")
    # ok: pii-in-log
    logger.info("reset page %s", page)
    # ok: pii-in-log
    logger.info("reset requested for %s", request.user.pk)
