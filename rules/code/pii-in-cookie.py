from django.http import HttpResponse
from flask import make_response


def remember(request, user):
    response = HttpResponse("ok")
    # ruleid: pii-in-cookie
    response.set_cookie("email", user.email)
    # ok: pii-in-cookie
    response.set_cookie("theme", "dark")
    # ok: pii-in-cookie
    response.set_cookie("session", request.session.session_key, httponly=True)
    return response


def flask_view(user):
    resp = make_response("ok")
    # ruleid: pii-in-cookie
    resp.set_cookie("phone", value=user.phone, secure=True)
    # ruleid: pii-in-cookie
    resp.set_signed_cookie("dob", str(user.date_of_birth))
    # ok: pii-in-cookie
    resp.set_cookie("locale", user.preferred_language_code)
    # ok: pii-in-cookie
    resp.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.profile.language)
    # ruleid: pii-in-cookie
    resp.set_cookie("prefs", f"{user.profile.language}|{user.birth_date}")
    return resp


def flask_session_store(user):
    from flask import session

    # ruleid: pii-in-cookie
    session["email"] = user.email
    # ok: pii-in-cookie
    session["cart_id"] = user.cart_id
