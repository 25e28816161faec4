from dataclasses import dataclass

from flask import request


@dataclass
class Account:
    # ok: undisclosed-data-category
    email: str
    # ok: undisclosed-data-category
    full_name: str
    # ruleid: undisclosed-data-category
    phone: str
    # ok: undisclosed-data-category
    mobile_phone: str


def signup():
    # ruleid: undisclosed-data-category
    latitude = request.form["latitude"]
    # ok: undisclosed-data-category
    username = request.form["username"]
    return latitude, username
