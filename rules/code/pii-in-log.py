import json
import logging
import logging as lg
from logging import getLogger, info as log_info

import structlog
from rest_framework import serializers
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


def container_sync(self, token_list, entry):
    serial_by_otp_list = self.match_otps(token_list)
    for serial in serial_by_otp_list:
        # ok: pii-in-log
        logger.info("token %s from the client is unknown", serial)
    machine_ip = self.read_attribute(self.ip_attribute, entry)
    # ok: pii-in-log
    logger.warning("invalid IP address %r of an inventory machine", machine_ip)
    client_ip = self.request.remote_addr
    # ruleid: pii-in-log
    logger.warning("request from %s", client_ip)
    # ok: pii-in-log
    logger.warning("passkey %s does not match (%s)", self.serial, PasskeyAction.EnforceUserHandle)


def otp_values(token, count):
    result, error, otp_values = token.get_multi_otp(count=count)
    # ok: pii-in-log
    logger.debug("received %r and %r for %d values", result, error, len(otp_values))
    result, otp = token.get_otp()
    # ruleid: pii-in-log
    logger.debug("received %r: %s", result, otp)


class CounterToken:
    def check_otp(self, otp, counter, window=10):
        # ok: pii-in-log
        logger.debug("checking counter %s with window %s", counter, window)
        return otp


class ChallengeToken(CounterToken):
    def check_otp(self, otp, counter, window=10):
        return CounterToken.check_otp(self, otp, counter, window)

    def check_otp_logged(self, otp, counter, window=10):
        # ruleid: pii-in-log
        return CounterToken.check_otp(self, counter, otp, window)


class DuplicateCheck:
    def __init__(self, source, task_logger: TaskReport):
        self.source = source
        self.logger = task_logger
        self.audit = logging.getLogger("audit")

    def run(self, user):
        # ok: pii-in-log
        self.logger.error(f"{user.email} is on the list twice")
        # ruleid: pii-in-log
        self.audit.error(f"{user.email} is on the list twice")


class TaskReport:
    def error(self, line):
        self.lines.append(line)


def identity_delegate(self, sid):
    # ok: pii-in-log
    logger.info("asking %s about %s", self.hs.config.registration.delegate_msisdn, sid)


def process_queues(queues, debug, customer_email):
    for queue in queues:
        status = f"processing queue {queue.slug} for {customer_email}"
        if debug:
            # ruleid: pii-in-log
            print(status)
        try:
            queue.process()
            status = f"queue {queue.slug} processed"
            # ok: pii-in-log
            logger.info(status)
        except RuntimeError:
            # ruleid: pii-in-log
            logger.error(status)
        else:
            # ok: pii-in-log
            logger.debug(status)
        # ruleid: pii-in-log
        logger.debug(status)


def resolver_settings(params, known_keys):
    data = {}
    for key in params:
        data[key] = params.get(key)
        if key not in known_keys:
            logger.warning("the passed key %r is not a resolver setting", key)
    return data


def resolver_values(params):
    for value in params.values():
        logger.debug("setting %s", value)


def save_resolver_settings(username, password):
    params = {"type": "sql", "user": username, "password": password}
    # ok: pii-in-log
    resolver_settings(params, ["type"])
    # ruleid: pii-in-log
    resolver_values(params)


def blocked_addresses(addresses, hostname, blocklist):
    for address in addresses:
        ip_address = IPAddress(address.host)
        if ip_address in blocklist:
            # ok: pii-in-log
            logger.info("blocked %s from the DNS resolution of %s", ip_address, hostname)
        client_ip = IPAddress(address.forwarded_for)
        # ruleid: pii-in-log
        logger.info("request for %s from %s", hostname, client_ip)


def poll_mailboxes(debug):
    for q in Queue.objects.filter(enabled=True):
        # ok: pii-in-log
        logger.info("polling %s", q.email_address)
    for c in Customer.objects.filter(active=True):
        # ruleid: pii-in-log
        logger.info("polling %s", c.email_address)


def realm_of(login_name):
    user, realm = login_name.rsplit("@", 1)
    # ok: pii-in-log
    logger.info("authenticating in realm %s", realm)
    # ruleid: pii-in-log
    logger.info("authenticating %s", user)
    local_part, _, mail_domain = login_name.partition("@")
    # ok: pii-in-log
    logger.info("mail domain %s", mail_domain)
    domain, account = login_name.rsplit("\\", 1)
    # ok: pii-in-log
    logger.info("windows domain %s", domain)
    # ruleid: pii-in-log
    logger.info("windows account %s", account)


def push_credentials(self, hostname):
    credentials = self.credentials_for(hostname)
    username = credentials["username"]
    # ok: pii-in-log
    logger.info("pushing to %s as %s", hostname, username)
    email = self.request_payload()["sender"]
    # ruleid: pii-in-log
    logger.info("pushing for %s", email)


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


def request_login_code(request):
    mobile = request.json["mobile"]
    # ruleid: pii-in-log
    logger.info("login code sent to %s", mobile)
    layout = request.json.get("layout", "mobile")
    # ok: pii-in-log
    logger.info("rendering the %s layout", layout)
    # ok: pii-in-log
    logger.info("mobile client: %s", request.user_agent.platform)


def update_avatar(user, avatar_url, request):
    # ok: pii-in-log
    logger.info("avatar for the profile: %s", avatar_url)
    # ok: pii-in-log
    logger.warning("voice message %s is too large", request.json["voice_message"])
    # ruleid: pii-in-log
    logger.info("avatar %s set by %s", avatar_url, user.email)
    # ruleid: pii-in-log
    logger.info("id card photo: %s", request.json["id_card_photo"])


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = ("id", "nickname", "email")


class PlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ["id", "title", "price"]


def audit_profile(profile, plan):
    # ruleid: pii-in-log
    logger.info("profile %s", ProfileSerializer(profile).data)
    serialized = PlanSerializer(plan)
    # ok: pii-in-log
    logger.info("plan %s", serialized.data)
