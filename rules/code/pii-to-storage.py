import csv
import json
import pickle
import sqlite3
from multiprocessing import Pool
from pathlib import Path

import boto3
import obs
import oss2
import qiniu
import redis
from confluent_kafka import Producer
from elasticsearch import Elasticsearch
from firebase_admin import auth
from google.cloud import storage
from kafka import KafkaProducer
from qcloud_cos import CosS3Client
from sqlalchemy import insert
from sqlalchemy.orm import Session

from shop.models import Customer
from shop.tasks import send_welcome

cache = redis.Redis(host="cache.shop.example.com")


def export(customers, user):
    with open("export.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        # ok: pii-to-storage
        writer.writerow(["id", "email", "phone"])
        # ruleid: pii-to-storage
        writer.writerow([user.id, user.email, user.phone])
        # ruleid: pii-to-storage
        handle.write(f"{user.full_name}\n")
    with open("profile.json", "w") as out:
        # ruleid: pii-to-storage
        json.dump({"id": user.id, "birthday": user.date_of_birth}, out)
        # ok: pii-to-storage
        json.dump({"id": user.id, "plan": user.plan}, out)
    # ruleid: pii-to-storage
    Path("notes.txt").write_text(user.home_address)
    with open("users.pickle", "wb") as raw:
        # ruleid: pii-to-storage
        pickle.dump(user.id_card_no, raw)


def databases(form, user):
    conn = sqlite3.connect("shop.db")
    # ruleid: pii-to-storage
    conn.execute("INSERT INTO leads (email, phone) VALUES (?, ?)", (form["email"], form["phone"]))
    # ok: pii-to-storage
    conn.execute("DELETE FROM leads WHERE created < date('now', '-30 days')")
    # ruleid: pii-to-storage
    Customer.objects.create(email=form["email"], name=form["name"])
    # ruleid: pii-to-storage
    Customer.objects.update_or_create(phone=user.phone, defaults={"plan": user.plan})
    # ok: pii-to-storage
    Customer.objects.create(plan=user.plan)
    # ruleid: pii-to-storage
    Customer.objects.filter(pk=user.pk).exclude(active=False).update(email=user.email)
    # ok: pii-to-storage
    Customer.objects.filter(email=user.email).update(active=False)
    with Session() as session:
        # ruleid: pii-to-storage
        session.add(Customer(email=user.email))
        # ruleid: pii-to-storage
        session.execute(insert(Customer).values(email=user.email))
    db = user.mongo.shop
    # ruleid: pii-to-storage
    db.customers.insert_one({"email": user.email, "plan": user.plan})
    # ruleid: pii-to-storage
    cache.set(f"otp:{user.phone}", "123456", ex=300)
    # ok: pii-to-storage
    cache.set("otp-counter", 3)


def object_storage(user, report):
    s3 = boto3.client("s3")
    # ruleid: pii-to-storage
    s3.put_object(Bucket="exports", Key=f"{user.id}.txt", Body=user.passport_number)
    # ok: pii-to-storage
    s3.put_object(Bucket="exports", Key=f"{user.id}.txt", Body=report.summary)
    bucket = oss2.Bucket(None, "https://oss-cn-hangzhou.aliyuncs.com", "exports")
    # ruleid: pii-to-storage
    bucket.put_object(f"users/{user.id}", user.bank_card_number)
    cos = CosS3Client(None)
    # ruleid: pii-to-storage
    cos.put_object(Bucket="exports-125", Body=user.email, Key="u.txt")
    blob = storage.Client().bucket("exports").blob("user.txt")
    # ruleid: pii-to-storage
    blob.upload_from_string(user.phone)


def queues(user, numbers):
    producer = KafkaProducer(bootstrap_servers="kafka:9092")
    # ruleid: pii-to-storage
    producer.send("signups", json.dumps({"email": user.email}).encode())
    # ok: pii-to-storage
    producer.send("signups", json.dumps({"user_id": user.id}).encode())
    # ruleid: pii-to-storage
    Producer({"bootstrap.servers": "kafka:9092"}).produce("signups", value=user.phone)
    # ruleid: pii-to-storage
    send_welcome.delay(user.email)
    # ok: pii-to-storage
    send_welcome.delay(user.id)
    # ruleid: pii-to-storage
    send_welcome.apply_async((user.email,), countdown=60)
    # ruleid: pii-to-storage
    send_welcome.apply_async(args=[user.email], countdown=60)
    with Pool() as pool:
        # ok: pii-to-storage
        pool.apply_async(print, args=(user.email,))


def search(user):
    es = Elasticsearch("https://search.shop.example.com")
    # ruleid: pii-to-storage
    es.index(index="customers", id=user.id, document={"name": user.full_name})
    # ok: pii-to-storage
    es.index(index="orders", id=user.id, document={"total": user.order_total})


def django_session_view(request, user):
    # ruleid: pii-to-storage
    request.session["phone"] = user.phone
    # ok: pii-to-storage
    request.session["theme"] = "dark"


def china_object_storage(user, token):
    # ruleid: pii-to-storage
    qiniu.put_data(token, f"idcards/{user.id_card_no}.jpg", user.id_card_photo)
    # ok: pii-to-storage
    qiniu.put_data(token, "reports/daily.csv", b"signups,42")
    client = obs.ObsClient(access_key_id="ak", secret_access_key="sk", server="https://obs.cn-north-4.myhuaweicloud.com")
    # ruleid: pii-to-storage
    client.putContent("profiles", f"users/{user.id}.txt", user.home_address)
    # ok: pii-to-storage
    client.putContent("profiles", "health/ping.txt", "ok")


def firebase_signup(user):
    # ruleid: pii-to-storage
    auth.create_user(email=user.email, phone_number=user.phone, display_name=user.full_name)
    # ok: pii-to-storage
    auth.create_user(uid=str(user.id), disabled=False)
