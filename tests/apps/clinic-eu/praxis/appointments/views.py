"""Booking endpoints: new patients, first-visit questionnaire, home visits."""

import logging

from django.db import transaction
from rest_framework.decorators import api_view
from rest_framework.response import Response

from praxis.appointments import reminders
from praxis.billing import payments
from praxis.patients.models import HomeVisit, Patient, Questionnaire
from praxis.patients.serializers import HomeVisitRequestSerializer, PatientSerializer, QuestionnaireSerializer
from praxis.storage import documents

logger = logging.getLogger(__name__)


@api_view(["POST"])
def register_patient(request):
    serializer = PatientSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    patient = serializer.save()
    # ruleid: pii-in-log
    logger.info("new patient registered: %s", patient.email)
    # ok: pii-in-log
    logger.info("patient %s registered", patient.pk)
    return Response({"patient_id": patient.pk}, status=201)


@api_view(["POST"])
def submit_questionnaire(request, pk: int):
    patient = Patient.objects.get(pk=pk)
    serializer = QuestionnaireSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    with transaction.atomic():
        questionnaire = Questionnaire.objects.create(patient=patient, **serializer.validated_data)
    # ok: pii-cross-border, undisclosed-cross-border, undisclosed-sensitive-data
    documents.store_questionnaire_pdf(patient.pk, questionnaire.symptoms)
    return Response({"ok": True})


@api_view(["POST"])
def request_home_visit(request, pk: int):
    patient = Patient.objects.get(pk=pk)
    serializer = HomeVisitRequestSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    visit = HomeVisit.objects.create(patient=patient, **serializer.validated_data)
    return Response({"visit_id": visit.pk}, status=201)


@api_view(["POST"])
def book(request, pk: int):
    email = request.data["email"]
    patient = Patient.objects.filter(pk=pk, email=email).first()
    if patient is None:
        # ruleid: pii-in-exception
        raise LookupError(f"no patient {pk} with e-mail {email}")
    appointment = patient.appointment_set.create(starts_at=request.data["starts_at"])
    # ok: undisclosed-recipient, pii-cross-border, undisclosed-cross-border
    payments.charge_booking_fee(patient, appointment)
    reminders.send_reminder(appointment)
    return Response({"appointment_id": appointment.pk}, status=201)
