"""处方文件存储（阿里云 OSS，杭州）与每晚灾备。"""
import json
import logging
import os

import boto3
import oss2
from botocore.exceptions import ClientError

from .models import Patient

logger = logging.getLogger(__name__)

OSS_ENDPOINT = "https://oss-cn-hangzhou.aliyuncs.com"
OSS_BUCKET = "xiaohe-prescriptions"
BACKUP_BUCKET = "xiaohe-dr-backup"
BACKUP_REGION = "ap-southeast-1"  # 灾备副本放在新加坡

oss_bucket = oss2.Bucket(
    oss2.Auth(os.environ.get("OSS_AK_ID", ""), os.environ.get("OSS_AK_SECRET", "")),
    OSS_ENDPOINT,
    OSS_BUCKET,
)
s3 = boto3.client("s3", region_name=BACKUP_REGION)


def upload_prescription(consultation_id, real_name, diagnosis, prescription):
    body = json.dumps({"patient": real_name, "diagnosis": diagnosis, "prescription": prescription}, ensure_ascii=False)
    key = f"prescriptions/{consultation_id}.json"
    # ok: pii-cross-border, undisclosed-cross-border
    oss_bucket.put_object(key, body)
    return key


def nightly_backup():
    """由定时任务每晚 02:00 调用，把患者主档复制到灾备桶。"""
    for patient in Patient.query.all():
        record = {
            "real_name": patient.real_name,
            "mobile": patient.mobile,
            "id_card_no": patient.id_card_no,
            "delivery_address": patient.delivery_address,
        }
        try:
            # ruleid: pii-cross-border, undisclosed-cross-border
            s3.put_object(Bucket=BACKUP_BUCKET, Key=f"patients/{patient.id}.json", Body=json.dumps(record, ensure_ascii=False))
        except ClientError:
            # ruleid: pii-in-log
            logger.exception("患者 %s（%s）备份失败", patient.real_name, patient.mobile)
