"""Fills a development database with a demo patient: ./manage.py seed_demo"""

import datetime

from django.core.management.base import BaseCommand

from praxis.patients.models import Patient

# ok: pii-literal
DEMO_EMAIL = "demo.patient@example.org"


class Command(BaseCommand):
    help = "Create a demo patient"

    def handle(self, *args, **options):
        Patient.objects.get_or_create(
            email=DEMO_EMAIL,
            defaults={"first_name": "Demo", "last_name": "Patient", "phone": "+4915100000000",
                      "date_of_birth": datetime.date(1980, 1, 1)},
        )
        self.stdout.write("demo patient ready")
