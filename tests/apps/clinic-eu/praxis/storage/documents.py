"""Files kept outside the database: questionnaire PDFs, contact uploads and the nightly backup."""

import json

import boto3

FRANKFURT = "eu-central-1"
DOCUMENTS_BUCKET = "praxis-westpark-documents"
BACKUP_BUCKET = "praxis-westpark-dr-backup"

s3 = boto3.client("s3", region_name=FRANKFURT)
# Disaster-recovery copy, set up by the previous hosting contractor.
s3_backup = boto3.client("s3", region_name="us-east-1")


def store_questionnaire_pdf(patient_id: int, symptoms: str) -> None:
    # ok: pii-cross-border, undisclosed-cross-border
    s3.put_object(Bucket=DOCUMENTS_BUCKET, Key=f"questionnaires/{patient_id}.txt", Body=symptoms)


def keep_contact_upload(patient_id: int, entries: list) -> None:
    # ok: pii-cross-border, undisclosed-cross-border
    s3.put_object(Bucket=DOCUMENTS_BUCKET, Key=f"contacts/{patient_id}.json", Body=json.dumps(entries))


def nightly_backup(patients) -> None:
    rows = [{"id": p.pk, "name": f"{p.first_name} {p.last_name}", "email": p.email, "phone": p.phone}
            for p in patients]
    # ruleid: pii-cross-border, undisclosed-cross-border
    s3_backup.put_object(Bucket=BACKUP_BUCKET, Key="patients/latest.json", Body=json.dumps(rows))
