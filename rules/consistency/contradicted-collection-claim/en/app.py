from flask import request


def book():
    email = request.form["email"]
    latitude = request.form["latitude"]
    return email, latitude
