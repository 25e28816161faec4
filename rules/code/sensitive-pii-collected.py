from typing import TypedDict

from django.db import models
from flask import request


def verify_identity():
    # ruleid: sensitive-pii-collected
    id_number = request.form["id_card_no"]
    # ruleid: sensitive-pii-collected
    lat = request.args.get("latitude")
    # ok: sensitive-pii-collected
    nickname = request.form.get("nickname")
    return id_number, lat, nickname


class Patient(models.Model):
    # ruleid: sensitive-pii-collected
    diagnosis = models.TextField()
    # ruleid: sensitive-pii-collected
    religion = models.CharField(max_length=40)
    # ok: sensitive-pii-collected
    email = models.EmailField()
    # ok: sensitive-pii-collected
    ward_number = models.IntegerField()


class HospitalSettings:
    # ok: sensitive-pii-collected
    diagnosis_codes_url = "https://codes.example.org"


class BuildDiagnosis(TypedDict):
    step: str
    hint: str


class BuildAlertDetails(TypedDict):
    error: str
    # ok: sensitive-pii-collected
    diagnoses: list[BuildDiagnosis]


class VisitDetails(TypedDict):
    # ruleid: sensitive-pii-collected
    diagnoses: list[str]
