"""Request bodies of the booking API."""

from rest_framework import serializers

from praxis.patients.models import Patient, Questionnaire


class PatientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Patient
        fields = ["first_name", "last_name", "email", "phone", "date_of_birth", "insurer"]


class QuestionnaireSerializer(serializers.ModelSerializer):
    class Meta:
        model = Questionnaire
        fields = ["symptoms", "current_medication", "allergies", "consent_art9"]


class HomeVisitRequestSerializer(serializers.Serializer):
    requested_for = serializers.DateTimeField()
    # ruleid: sensitive-pii-collected
    latitude = serializers.FloatField()
    # ruleid: sensitive-pii-collected
    longitude = serializers.FloatField()
    note = serializers.CharField(required=False, allow_blank=True)


class ContactUploadSerializer(serializers.Serializer):
    address_book = serializers.ListField(child=serializers.DictField())
