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
    # ok: undisclosed-data-category
    gender: str


def signup():
    # ruleid: undisclosed-data-category
    latitude = request.form["latitude"]
    # ok: undisclosed-data-category
    username = request.form["username"]
    return latitude, username


def import_contacts():
    # ruleid: undisclosed-data-category
    address_book = request.json["address_book"]
    return len(address_book)
