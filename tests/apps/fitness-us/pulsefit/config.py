"""Settings read from the environment."""

import os

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg://pulsefit@localhost/pulsefit")
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
META_PIXEL_ID = os.environ.get("META_PIXEL_ID", "")
META_ACCESS_TOKEN = os.environ.get("META_ACCESS_TOKEN", "")
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
