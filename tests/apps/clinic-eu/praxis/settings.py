"""Django settings of the booking backend (production values come from the environment)."""

import os

import sentry_sdk

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
# Error mails from Django go to the practice's IT contact.
# ruleid: pii-literal
ADMINS = [("Jana Hofmann", "jana.hofmann@gmx.de")]
ALLOWED_HOSTS = ["api.praxis-westpark.de"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "rest_framework",
    "praxis.patients",
    "praxis.appointments",
    "praxis.family",
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "praxis-db.cluster-c1x2y3.eu-central-1.rds.amazonaws.com",
        "NAME": "praxis",
    }
}
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
TWILIO_FROM = "+4989123456780"
STRIPE_API_KEY = os.environ.get("STRIPE_API_KEY", "")

sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN", ""), send_default_pii=False, traces_sample_rate=0.0)
