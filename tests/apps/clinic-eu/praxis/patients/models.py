"""Patients and what they tell the practice before a visit."""

from django.db import models


class Patient(models.Model):
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    # ok: undisclosed-data-category
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32)
    # ok: undisclosed-data-category
    date_of_birth = models.DateField()
    insurer = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Questionnaire(models.Model):
    """Filled in before the first visit; read by the doctor only."""

    patient = models.OneToOneField(Patient, on_delete=models.CASCADE)
    # ruleid: sensitive-pii-collected
    # ok: undisclosed-sensitive-data, undisclosed-data-category
    symptoms = models.TextField()
    # ruleid: sensitive-pii-collected
    current_medication = models.TextField(blank=True)
    # ruleid: sensitive-pii-collected
    allergies = models.TextField(blank=True)
    consent_art9 = models.BooleanField(default=False)


class HomeVisit(models.Model):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE)
    requested_for = models.DateTimeField()
    # the policy denies collecting it: contradicted-collection-claim at the policy line, not also undisclosed here
    # ruleid: sensitive-pii-collected
    # ok: undisclosed-sensitive-data, undisclosed-data-category
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    # ruleid: sensitive-pii-collected
    longitude = models.DecimalField(max_digits=9, decimal_places=6)
    note = models.CharField(max_length=200, blank=True)
