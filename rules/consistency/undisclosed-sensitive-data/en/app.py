from flask import request


def register_patient():
    # ok: undisclosed-sensitive-data
    email = request.form["email"]
    # ok: undisclosed-sensitive-data
    diagnosis = request.form["diagnosis"]
    # ok: undisclosed-sensitive-data
    passport_number = request.form["passport_number"]
    # ruleid: undisclosed-sensitive-data
    religion = request.form["religion"]
    return email, diagnosis, passport_number, religion
