from flask import request


def register_patient():
    # ok: undisclosed-sensitive-data
    email = request.form["email"]
    # ok: undisclosed-sensitive-data
    diagnosis = request.form["diagnosis"]
    # ruleid: undisclosed-sensitive-data
    passport_number = request.form["passport_number"]
    return email, diagnosis, passport_number
