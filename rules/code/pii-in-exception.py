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
    # ruleid: pii-in-exception
    raise ValidationError("unknown account", params={"email": value})
    # ok: pii-in-exception
    raise ValidationError("unknown account", params={"username": self.username_field.verbose_name})


def check_components(user):
    components = {"email": user.email, "phone": user.phone}
    for key, value in components.items():
        if len(value) > 100:
            # ok: pii-in-exception
            raise ValueError(f"component {key} too long")
        if not value:
            # ruleid: pii-in-exception
            raise ValueError(f"bad component {value}")
