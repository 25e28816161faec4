"""Flow across functions and modules: parameters into sinks, return values out of helpers, sanitizers."""

from __future__ import annotations

import json

from conftest import write

LOG = "import logging\nlog = logging.getLogger(__name__)\n"


def findings_of(run_cli, root):
    code, out, err = run_cli("scan", "--format", "json", str(root))
    assert err == "", err
    return json.loads(out)["findings"]


def make_project(root):
    write(root, "pyproject.toml", "[tool.privlint]\n")
    write(root, "shop/__init__.py", "")
    write(root, "shop/views.py", (
        "from shop.services import notify\n"
        "from shop import helpers\n" + LOG +
        "\ndef signup(customer):\n"
        "    notify.welcome(customer.phone, customer.id)\n"
        "    contact = helpers.contact_of(customer)\n"
        "    log.info('contact %s', contact)\n"
        "    log.info('masked %s', helpers.mask_phone(customer.phone))\n"
        "    log.info('count %s', helpers.count_orders(customer))\n"))
    write(root, "shop/services/__init__.py", "")
    write(root, "shop/services/notify.py", (
        "from shop.messaging import sms\n\n"
        "def welcome(number, customer_id):\n"
        "    text = 'Welcome!'\n"
        "    sms.send(number, text)\n"
        "    sms.send(customer_id, text)\n"))
    write(root, "shop/messaging/__init__.py", "")
    write(root, "shop/messaging/sms.py", (
        "import requests\n\n"
        "def send(to, body):\n"
        "    payload = {'to': to, 'body': body}\n"
        "    requests.post('https://sms.gateway-example.net/send', json=payload)\n"))
    write(root, "shop/helpers.py", (
        "def contact_of(person):\n"
        "    return person.email\n\n"
        "def mask_phone(value):\n"
        "    return value[:3] + '****'\n\n"
        "def count_orders(person):\n"
        "    return len(person.orders)\n"))


def test_leak_through_two_helper_layers_in_other_modules(run_cli, tmp_path):
    make_project(tmp_path)
    found = findings_of(run_cli, tmp_path)
    [http] = [f for f in found if f["ruleId"] == "pii-in-http-request"]
    assert (http["location"]["path"], http["location"]["line"]) == ("shop/views.py", 7), \
        "reported where the phone number enters the helpers"
    assert http["dataCategories"] == ["phone-number"]
    steps = [(step["location"]["path"], step["location"]["line"]) for step in http["flow"]]
    assert steps[0] == ("shop/views.py", 7), "the flow starts where the phone number is read"
    assert ("shop/services/notify.py", 3) in steps and ("shop/services/notify.py", 5) in steps
    assert ("shop/messaging/sms.py", 3) in steps
    assert steps[-1] == ("shop/messaging/sms.py", 5)


def test_helper_return_value_carries_personal_data(run_cli, tmp_path):
    make_project(tmp_path)
    logged = {f["location"]["line"]: f for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"}
    assert logged[9]["dataCategories"] == ["email-address"]
    assert logged[9]["flow"][0]["location"] == {**logged[9]["flow"][0]["location"], "path": "shop/helpers.py", "line": 2}
    assert 10 not in logged, "a helper named like a masking function sanitises"
    assert 11 not in logged, "a helper that returns a count does not return personal data"


def test_pseudonymous_ids_passed_through_helpers_do_not_fire(run_cli, tmp_path):
    make_project(tmp_path)
    http = [f for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-http-request"]
    assert len(http) == 1


def test_method_calls_on_self_are_followed(run_cli, tmp_path):
    write(tmp_path, "svc.py", LOG + (
        "\nclass Notifier:\n"
        "    def notify(self, patient):\n"
        "        self._write(patient.diagnosis)\n\n"
        "    def _write(self, text):\n"
        "        log.warning('note: %s', text)\n"))
    [finding] = findings_of(run_cli, tmp_path)
    assert (finding["ruleId"], finding["location"]["line"]) == ("pii-in-log", 6)
    assert finding["flow"][-1]["location"]["line"] == 9
    assert finding["dataCategories"] == ["medical-diagnosis"]


def test_objects_carry_constructor_data_but_fields_narrow(run_cli, tmp_path):
    write(tmp_path, "app.py", LOG + (
        "\ndef signup(form):\n"
        "    customer = Customer(name=form['full_name'], email=form['email'])\n"
        "    log.info('created %s', customer)\n"
        "    log.info('created %s', customer.id)\n"
        "    log.info('plan %s', customer.plan)\n"))
    assert [(f["ruleId"], f["location"]["line"]) for f in findings_of(run_cli, tmp_path)] == [("pii-in-log", 6)]


def test_fields_assigned_one_by_one_mark_the_object(run_cli, tmp_path):
    write(tmp_path, "app.py", "import requests\n\ndef push(user):\n"
          "    payload = Payload()\n    payload.phone = user.phone\n"
          "    requests.post('https://crm.example.net/x', json=payload)\n")
    [finding] = findings_of(run_cli, tmp_path)
    assert (finding["location"]["line"], finding["dataCategories"]) == (6, ["phone-number"])


def test_helper_module_without_personal_words_is_analysed_on_demand(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/views.py", "from app import relay\n\ndef view(user):\n    relay.forward(user.phone)\n")
    write(tmp_path, "app/relay.py", "from app import outbox\n\ndef forward(value):\n    outbox.push(value)\n")
    write(tmp_path, "app/outbox.py", "import logging\n\ndef push(item):\n    logging.info('queued %s', item)\n")
    [finding] = findings_of(run_cli, tmp_path)
    assert (finding["location"]["path"], finding["location"]["line"]) == ("app/views.py", 4)
    assert (finding["flow"][-1]["location"]["path"], finding["flow"][-1]["location"]["line"]) == ("app/outbox.py", 4)
    assert [step["location"]["path"] for step in finding["flow"]][:3] == ["app/views.py"] * 2 + ["app/relay.py"]


def test_screened_out_files_still_report_syntax_errors(run_cli, tmp_path):
    write(tmp_path, "broken.py", "def f(:\n    return 1\n")
    code, _, err = run_cli("scan", str(tmp_path))
    assert "broken.py:1: cannot parse file (syntax error)" in err


def test_instances_of_a_schema_carry_its_fields(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "shop/__init__.py", "")
    write(tmp_path, "shop/models.py", (
        "from dataclasses import dataclass\n\n@dataclass\nclass Customer:\n"
        "    id: int\n    email: str\n    phone: str\n\n@dataclass\nclass Product:\n    id: int\n    title: str\n"))
    write(tmp_path, "shop/views.py", LOG + (
        "from shop.models import Customer, Product\n\n"
        "def show(customer: Customer, product: Product):\n"
        "    log.info('customer %s', customer)\n"
        "    log.info('customer %s', customer.id)\n"
        "    log.info('product %s', product)\n\n"
        "def fetch():\n"
        "    found = Customer.objects.get(pk=1)\n"
        "    log.info('found %s', found)\n"))
    logged = {f["location"]["line"]: f for f in findings_of(run_cli, tmp_path)
              if f["ruleId"] == "pii-in-log" and f["location"]["path"] == "shop/views.py"}
    assert sorted(logged) == [6, 12]
    assert logged[6]["dataCategories"] == ["email-address", "phone-number"]
    assert logged[6]["flow"][0]["location"]["path"] == "shop/models.py"


def test_a_helper_returns_what_its_own_caller_passed_not_what_other_callers_passed(run_cli, tmp_path):
    """Context: ``get_required(params, "realm")`` in one module must not return the password another module
    passed to the same helper (the helper's return depends on its parameter through an inner call)."""
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/params.py", (
        "def _get(dictionary, key):\n    return dictionary.get(key)\n\n"
        "def get_required(dictionary, key):\n    value = _get(dictionary, key)\n    return value\n"))
    write(tmp_path, "app/setup.py", (
        "from app.params import get_required\n\n"
        "def save(secret):\n    config = {'Password': secret}\n    return get_required(config, 'Password')\n"))
    write(tmp_path, "app/api.py", LOG + (
        "from app.params import get_required\n\n"
        "def handler(request_args):\n    realm = get_required(request_args, 'realm')\n"
        "    log.info('realm %s', realm)\n\n"
        "def notify(person):\n    contact = get_required({'email': person.email}, 'email')\n"
        "    log.info('to %s', contact)\n"))
    found = findings_of(run_cli, tmp_path)
    logged = [(f["location"]["path"], f["location"]["line"], f["dataCategories"]) for f in found
              if f["ruleId"] == "pii-in-log"]
    assert logged == [("app/api.py", 11, ["email-address"])]


def test_a_logger_imported_from_a_project_module_is_a_logger(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/logger.py", "import logging\nLOGGER = logging.getLogger('app')\n")
    write(tmp_path, "app/stats.py", "class Board:\n    def info(self, value):\n        return value\n\nboard = Board()\n")
    write(tmp_path, "app/views.py", (
        "from app.logger import LOGGER\nfrom app.stats import board\n\n\n"
        "def register(user):\n    LOGGER.info('registered %s', user.email)\n    board.info(user.email)\n\n\n"
        "def audit(user):\n    from app.logger import LOGGER as log\n    log.warning('audit %s', user.phone)\n"))
    found = [(f["location"]["path"], f["location"]["line"]) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-log"]
    assert found == [("app/views.py", 6), ("app/views.py", 12)]


def test_an_instance_logged_whole_shows_its_string_form(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/models.py", (
        "from django.contrib.auth.base_user import AbstractBaseUser\nfrom django.db import models\n\n\n"
        "class User(AbstractBaseUser):\n    email = models.EmailField()\n    phone = models.CharField(max_length=20)\n"
        "    USERNAME_FIELD = 'email'\n\n\n"
        "class Customer(models.Model):\n    name = models.CharField(max_length=20)\n"
        "    mobile = models.CharField(max_length=20)\n\n    def __str__(self):\n        return self.mobile\n\n\n"
        "class Order(models.Model):\n    buyer_email = models.EmailField()\n\n"
        "    def __str__(self):\n        return f'order {self.pk}'\n"))
    write(tmp_path, "app/views.py", LOG + (
        "from app.models import User, Customer, Order\n\n\n"
        "def handle(user: User, customer: Customer, order: Order):\n"
        "    log.debug(f'User={user} asked')\n    log.info('customer %s', customer)\n    log.info('order %s', order)\n"))
    found = {(f["location"]["line"], tuple(f["dataCategories"])) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-log"}
    assert found == {(7, ("email-address",)), (8, ("phone-number",))}


def test_exceptions_deriving_from_exempt_ones_in_other_modules_are_exempt(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/errors.py", (
        "from django.core.exceptions import PermissionDenied\n\n\nclass Banned(PermissionDenied):\n    pass\n\n\n"
        "class TemporarilyBanned(Banned):\n    pass\n\n\nclass SyncFailed(Exception):\n    pass\n"))
    write(tmp_path, "app/views.py", (
        "from .errors import SyncFailed, TemporarilyBanned\n\n\n"
        "def login(user):\n    raise TemporarilyBanned(f'{user.email} is banned')\n\n\n"
        "def sync(user):\n    raise SyncFailed(f'sync failed for {user.email}')\n"))
    found = [(f["location"]["path"], f["location"]["line"]) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-exception"]
    assert found == [("app/views.py", 9)]


def test_test_modules_give_notes_and_their_data_does_not_leak_into_production(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/mail.py", LOG + "\n\ndef sanitize(address):\n    log.info('sanitizing %s', address)\n")
    write(tmp_path, "tests/test_mail.py", (
        "import logging\nfrom app.mail import sanitize\n\n\n"
        "def test_sanitize(customer):\n    sanitize(customer.email)\n    logging.info('made %s', customer.phone)\n"))
    write(tmp_path, "app/views.py", "from app.mail import sanitize\n\n\ndef send(order):\n    sanitize(order.buyer_email)\n")
    found = {(f["location"]["path"], f["location"]["line"], f["severity"]) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-log"}
    assert found == {("app/views.py", 5, "warning"), ("tests/test_mail.py", 6, "note"),
                     ("tests/test_mail.py", 7, "note")}


def test_what_a_command_line_tool_prints_is_a_note(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/management/commands/find_user.py", (
        "import logging\n\n\ndef handle(user):\n    print(f'found {user.email}')\n    logging.info('found %s', user.email)\n"))
    write(tmp_path, "app/server.py", "def reset():\n    username = input('Username: ')\n    print(f'{username} not found')\n")
    write(tmp_path, "app/views.py", "def show(user):\n    print(user.email)\n")
    found = {(f["location"]["path"], f["location"]["line"], f["severity"]) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-log"}
    assert found == {("app/management/commands/find_user.py", 5, "note"),
                     ("app/management/commands/find_user.py", 6, "warning"),
                     ("app/server.py", 3, "note"), ("app/views.py", 2, "warning")}


def test_a_helper_that_logs_its_argument_is_each_callers_finding(run_cli, tmp_path):
    """Issue 11, section 4: one finding per caller, at the call where the data enters the helper."""
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/audit.py", LOG + "\n\ndef audit(value):\n    log.info('audit %s', value)\n")
    write(tmp_path, "app/signup.py", "from app.audit import audit\n\n\ndef signup(form):\n    audit(form.phone)\n")
    write(tmp_path, "app/billing.py", "from app.audit import audit\n\n\ndef bill(customer):\n    audit(customer.email)\n"
                                      "    audit(customer.id)\n")
    found = {(f["location"]["path"], f["location"]["line"], tuple(f["dataCategories"]), f["flow"][-1]["location"]["line"])
             for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"}
    assert found == {("app/signup.py", 5, ("phone-number",), 6), ("app/billing.py", 5, ("email-address",), 6)}


def test_an_exception_a_caller_catches_at_once_is_not_its_leak(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/validators.py", "def check_phone(value):\n    if not value.isdigit():\n"
                                         "        raise ValueError(f'{value} is not a phone number')\n")
    write(tmp_path, "app/forms.py", (
        "from app.validators import check_phone\n\n\ndef clean(form):\n    try:\n        check_phone(form.customer_phone)\n"
        "    except ValueError:\n        return None\n\n\ndef sync(customer):\n    check_phone(customer.mobile)\n"))
    found = [(f["location"]["path"], f["location"]["line"]) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-exception"]
    assert found == [("app/forms.py", 12)]


def test_a_helper_reading_under_its_callers_key_gives_what_each_key_names(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/params.py", (
        LOG + "\n\ndef _get(dictionary, key):\n    return dictionary[key]\n\n\n"
        "def get_required(dictionary, key):\n    return _get(dictionary, key)\n\n\n"
        "def audit(dictionary, key):\n    log.info('audit %s', dictionary.get(key))\n"))
    write(tmp_path, "app/api.py", LOG + (
        "from app.params import audit, get_required\n\n\n"
        "def handler(params):\n    params = {'Password': params.secret, 'type': params.kind, 'email': params.email}\n"
        "    log.info('type %s', get_required(params, 'type'))\n"
        "    log.info('to %s', get_required(params, 'email'))\n"
        "    audit(params, 'type')\n    audit(params, 'mobile_phone')\n"))
    found = {(f["location"]["path"], f["location"]["line"], tuple(f["dataCategories"]))
             for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"}
    assert found == {("app/api.py", 9, ("email-address",)), ("app/api.py", 11, ("phone-number",))}


def test_a_returned_tuple_unpacked_gives_each_target_its_own_element(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/users.py", "def split_user(login):\n    name, realm = login.split('@')\n"
                                    "    return realm, login.customer_email\n")
    write(tmp_path, "app/api.py", LOG + (
        "from app.users import split_user\n\n\n"
        "def auth(login):\n    realm, email = split_user(login)\n    log.info('realm %s', realm)\n"
        "    log.info('user %s', email)\n"))
    found = [(f["location"]["line"], f["dataCategories"]) for f in findings_of(run_cli, tmp_path)
             if f["ruleId"] == "pii-in-log"]
    assert found == [(9, ["email-address"])]


def test_an_untyped_user_is_the_projects_django_user_model(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "accounts/__init__.py", "")
    write(tmp_path, "accounts/models.py", (
        "from django.contrib.auth.models import AbstractUser\n\n\nclass BlogUser(AbstractUser):\n"
        "    nickname = models.CharField(max_length=100)\n\n    def __str__(self):\n        return self.email\n"))
    write(tmp_path, "blog/signals.py", LOG + (
        "\n\ndef on_login(sender, request, user, **kwargs):\n    log.info(user)\n    log.info(request.user)\n"
        "    log.info('count %s', user.id)\n"))
    found = {(f["location"]["path"], f["location"]["line"], tuple(f["dataCategories"]))
             for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"}
    assert found == {("blog/signals.py", 6, ("email-address",)), ("blog/signals.py", 7, ("email-address",))}


def test_without_a_project_user_model_a_user_logged_whole_is_not_reported(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/signals.py", LOG + "\n\ndef on_login(sender, request, user):\n    log.info(user)\n")
    assert [f for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"] == []


def test_an_object_holding_a_user_is_not_that_user(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "accounts/__init__.py", "")
    write(tmp_path, "accounts/models.py", (
        "from django.contrib.auth.models import AbstractUser\n\n\nclass User(AbstractUser):\n"
        "    full_name = models.CharField(max_length=100)\n\n    def __str__(self):\n        return self.full_name\n"))
    write(tmp_path, "app/views.py", LOG + (
        "\n\ndef parse_path(request, workspace):\n    workspace.acting_user = request.user\n"
        "    log.info('scope %s', workspace)\n    log.info('by %s', workspace.acting_user)\n"
        "    log.info('request by %s', request.user)\n"))
    found = {(f["location"]["line"]) for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"}
    assert found == {8, 9}


def test_messages_agree_with_the_number_of_data_types(run_cli, tmp_path):
    write(tmp_path, "app.py", LOG + "\n\ndef f(user):\n    log.info('%s %s', user.email, user.phone)\n"
                                   "    log.info('%s', user.email)\n")
    messages = sorted(f["message"].split(" by ")[0] for f in findings_of(run_cli, tmp_path))
    assert messages == ["E-mail address and telephone number are written to a log",
                        "E-mail address is written to a log"]


def test_a_module_that_makes_test_data_gives_notes(run_cli, tmp_path):
    write(tmp_path, "app/lib/create_test_data.py", LOG + "\n\ndef make(user):\n    log.info('created %s', user.email)\n")
    [finding] = [f for f in findings_of(run_cli, tmp_path) if f["ruleId"] == "pii-in-log"]
    assert finding["severity"] == "note"


def test_print_in_a_helper_only_command_line_tools_call_is_a_note(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app/__init__.py", "")
    write(tmp_path, "app/admins.py", (
        "def delete_admin(username):\n"
        "    print(f'deleting admin {username}')\n\n"
        "def rename_admin(username):\n"
        "    print(f'renaming admin {username}')\n"))
    write(tmp_path, "app/cli/__init__.py", "")
    write(tmp_path, "app/cli/admin.py", (
        "import click\nfrom app.admins import delete_admin, rename_admin\n\n"
        "@click.command()\n@click.argument('username')\ndef delete(username):\n    delete_admin(username)\n\n"
        "def rename(username):\n    rename_admin(username)\n"))
    write(tmp_path, "app/views.py", (
        "from app.admins import rename_admin\n\n"
        "def rename_view(request):\n    rename_admin(request.POST['username'])\n"))
    levels = {(f["location"]["path"], f["location"]["line"]): f["severity"] for f in findings_of(run_cli, tmp_path)}
    assert levels[("app/admins.py", 2)] == "note"
    assert levels[("app/admins.py", 5)] == "warning"
    write(tmp_path, "tests/test_admins.py", "from app.admins import delete_admin\n\ndef test_delete():\n"
                                            "    delete_admin('alice')\n")
    levels = {(f["location"]["path"], f["location"]["line"]): f["severity"] for f in findings_of(run_cli, tmp_path)}
    assert levels[("app/admins.py", 2)] == "note"
