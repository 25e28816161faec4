"""S3: invoices (us-east-1), data-export files, nightly order backups (ca-central-1)."""
import json

import boto3

from .models import Order, SessionLocal

MEDIA_BUCKET = "fernwood-media"
EXPORT_BUCKET = "fernwood-dsar-exports"
BACKUP_BUCKET = "fernwood-backup-ca"

media_s3 = boto3.client("s3", region_name="us-east-1")
# exports for account holders' access requests; Frankfurt "because of GDPR"
exports_s3 = boto3.client("s3", region_name="eu-central-1")
backup_s3 = boto3.client("s3", region_name="ca-central-1")


def store_invoice(order_id, buyer_name, pdf_bytes):
    # ok: pii-cross-border, undisclosed-cross-border
    media_s3.put_object(Bucket=MEDIA_BUCKET, Key=f"invoices/{order_id}.pdf", Body=pdf_bytes, Metadata={"buyer-name": buyer_name})


def write_data_export(user_id, email, full_name, orders):
    body = json.dumps({"email": email, "full_name": full_name, "orders": orders})
    key = f"exports/{user_id}.json"
    # ruleid: pii-cross-border
    exports_s3.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=body)
    return exports_s3.generate_presigned_url("get_object", Params={"Bucket": EXPORT_BUCKET, "Key": key}, ExpiresIn=86400)


def nightly_backup():
    """Run by the scheduler at 03:00 UTC."""
    with SessionLocal() as db:
        for order in db.query(Order).all():
            record = {
                "order_id": order.id,
                "buyer_email": order.buyer_email,
                "shipping_address": order.shipping_address,
                "total_cents": order.total_cents,
            }
            # ruleid: pii-cross-border
            backup_s3.put_object(Bucket=BACKUP_BUCKET, Key=f"orders/{order.id}.json", Body=json.dumps(record))
