from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.http import Http404
from rest_framework import serializers


class AccountError(Exception):
    pass


def find_account(db, email):
    account = db.get(email)
    if account is None:
        # ruleid: pii-in-exception
        raise AccountError(f"no account registered for {email}")
    return account


def check_phone(form):
    phone = form["phone"]
    if not phone.isdigit():
        # ruleid: pii-in-exception
        raise ValueError("invalid mobile number: " + phone)
    # ok: pii-in-exception
    raise ValueError("invalid mobile number")


def check_upload(upload):
    # ok: pii-in-exception
    raise ValueError(f"file {upload.filename} is too large")


def lookup(user_id, passport_number):
    try:
        return int(user_id)
    except ValueError as error:
        # ok: pii-in-exception
        raise KeyError(user_id) from error
    finally:
        # ruleid: pii-in-exception
        raise LookupError("passport %s unknown" % passport_number)


def reraise(error):
    # ok: pii-in-exception
    raise error


def form_errors(self, value):
    # ok: pii-in-exception
    raise ValidationError("unknown account", params={"email": value})
    # ok: pii-in-exception
    raise ValidationError("unknown account", params={"username": self.username_field.verbose_name})


def validate_email(self, email):
    # ok: pii-in-exception
    raise serializers.ValidationError(f"{email} is already registered")


def profile(request, username):
    # ok: pii-in-exception
    raise Http404(f"no user named {username}")


def handle(self, *args, **options):
    email = options["email"]
    # ok: pii-in-exception
    raise CommandError(f"no user with the e-mail address {email}")


class EmailTaken(ValidationError):
    pass


def register(email):
    # ok: pii-in-exception
    raise EmailTaken(f"{email} is taken")


def sync(user):
    # ruleid: pii-in-exception
    raise RuntimeError(f"sync failed for {user.email}")


def lock(email):
    # ok: pii-in-exception
    raise AccountError("account locked", email=email)
    # ruleid: pii-in-exception
    raise AccountError(message=f"account {email} locked")


def check_components(user):
    components = {"email": user.email, "phone": user.phone}
    for key, value in components.items():
        if len(value) > 100:
            # ok: pii-in-exception
            raise ValueError(f"component {key} too long")
        if not value:
            # ruleid: pii-in-exception
            raise ValueError(f"bad component {value}")


def parse_address(text, customer):
    try:
        # ok: pii-in-exception
        raise ValueError(f"{customer.email} is not an address")
    except ValueError:
        return None


def parse_other(text, customer):
    try:
        # ruleid: pii-in-exception
        raise KeyError(f"{customer.email} is unknown")
    except ValueError:
        return None


def find_login(login_name, logger):
    try:
        # ruleid: pii-in-exception
        raise LookupError(f"more than one user with login name {login_name}")
    except Exception as error:
        logger.error("could not get the user id: %r", error)


def check_mobile(value, customer):
    try:
        # ok: pii-in-exception
        raise ValueError(f"{customer.mobile} is not a number")
    except ValueError as error:
        raise ValidationError(str(error)) from error


def reset_password(request, requesting_user):
    try:
        # ok: pii-in-exception
        raise LookupError(f"{requesting_user.username}, your link has expired")
    except LookupError as error:
        return render(request, "reset/error.html", {"message": error.args[0]})


class QuotaExceeded(Exception):
    pass


class ImportRejected(Exception):
    pass


class SyncFailed(Exception):
    pass


@api.app_errorhandler(QuotaExceeded)
def quota_exceeded(error):
    audit.record({"info": str(error)})
    return jsonify({"message": str(error)}), 429


@api.errorhandler(SyncFailed)
def sync_failed(error):
    logger.warning("sync failed: %s", error)
    return jsonify({"message": "sync failed"}), 500


def send_invitation(email, sent_today):
    if sent_today > 10:
        # ok: pii-in-exception
        raise QuotaExceeded(f"no more invitations to {email} today")
    # ruleid: pii-in-exception
    raise SyncFailed(f"could not sync {email}")


class ImportView:
    def post(self, request):
        try:
            self.import_rows(request)
        except ImportRejected as rejected:
            messages.error(request, rejected.args[0])
        return redirect(request.path)

    def import_rows(self, request):
        for row in request.rows:
            if row.username in self.admins:
                # ok: pii-in-exception
                raise ImportRejected(f"{row.username} is an administrator and cannot be imported")


class UserImportView(ImportView):
    def import_rows(self, request):
        for row in request.rows:
            if row.username in self.banned:
                # ok: pii-in-exception
                raise ImportRejected(f"{row.username} is banned")


def import_in_background(rows, admins):
    for row in rows:
        if row.username in admins:
            # ruleid: pii-in-exception
            raise ImportRejected(f"{row.username} is an administrator and cannot be imported")


def check_owner(owner_name):
    from colander import Invalid

    # ok: pii-in-exception
    raise Invalid(f"user {owner_name} does not exist")


def _parse_holder_phone(holder_phone):
    if not holder_phone.isdigit():
        # ok: pii-in-exception
        raise ValueError(f"{holder_phone} is not a phone number")
    return holder_phone


def clean_holder_phone(value):
    try:
        return _parse_holder_phone(value)
    except ValueError as error:
        raise ValidationError(str(error)) from error


def is_holder_phone(value):
    try:
        _parse_holder_phone(value)
    except ValueError:
        return False
    return True


def _parse_mobile(phone):
    if not phone.isdigit():
        # ruleid: pii-in-exception
        raise ValueError(f"{phone} is not a phone number")
    return phone


def is_mobile(value):
    try:
        _parse_mobile(value)
    except ValueError:
        return False
    return True


def import_contact(row):
    # ruleid: pii-in-exception
    return _parse_mobile(row.contact_number)


def set_profile_picture(profile_image_url):
    if not profile_image_url.startswith("https://"):
        # ok: pii-in-exception
        raise ValueError(f"not an https URL: {profile_image_url}")


def set_passport_scan(passport_scan):
    if not passport_scan.endswith(".pdf"):
        # ruleid: pii-in-exception
        raise ValueError(f"not a PDF: {passport_scan}")
