from dataclasses import dataclass

from django.db import models
from flask import request
from pydantic import BaseModel, EmailStr


def signup_view():
    # ruleid: pii-collected
    email = request.form["email"]
    # ruleid: pii-collected
    phone = request.form.get("phone")
    # ok: pii-collected
    plan = request.form.get("plan")
    payload = request.get_json()
    # ruleid: pii-collected
    address = payload["shipping_address"]
    # ok: pii-collected
    settings = {"email": "ops@shop.example.com"}
    # ok: pii-collected
    template = settings.get("email_template")
    return email, phone, plan, address, template


def django_view(request):
    # ruleid: pii-collected
    name = request.POST.get("full_name")
    # ruleid: pii-collected
    client_ip = request.META["REMOTE_ADDR"]
    # ok: pii-collected
    page = request.GET.get("page")
    return name, client_ip, page


class Customer(models.Model):
    # ruleid: pii-collected
    contact = models.EmailField()
    # ruleid: pii-collected
    name = models.CharField(max_length=100)
    # ok: pii-collected
    created_at = models.DateTimeField(auto_now_add=True)
    # ok: pii-collected
    email_verified = models.BooleanField(default=False)


class Product(models.Model):
    # ok: pii-collected
    name = models.CharField(max_length=100)


class SignupIn(BaseModel):
    # ruleid: pii-collected
    login: EmailStr
    # ok: pii-collected
    newsletter: bool = False


@dataclass
class Contact:
    # ruleid: pii-collected
    phone_number: str
    # ok: pii-collected
    label: str


class Plain:
    # ok: pii-collected
    email = None


@app.post("/subscribe")
# ruleid: pii-collected
def subscribe(email: str, topic: str):
    return email, topic
