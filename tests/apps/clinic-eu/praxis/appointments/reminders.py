"""SMS reminders through Twilio, the day before an appointment."""

import logging

from django.conf import settings
from twilio.rest import Client

logger = logging.getLogger(__name__)

client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)


def send_reminder(appointment) -> None:
    patient = appointment.patient
    body = f"Reminder: your appointment at Praxis am Westpark is tomorrow at {appointment.starts_at:%H:%M}."
    # ruleid: pii-to-messaging, pii-cross-border
    # ok: undisclosed-recipient, undisclosed-cross-border, contradicted-sharing-claim
    message = client.messages.create(to=patient.phone, from_=settings.TWILIO_FROM, body=body)
    logger.info("reminder %s sent for appointment %s", message.sid, appointment.id)
