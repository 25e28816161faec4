"""面单与导出文件的对象存储。"""

import oss2

from youxuan import settings

_auth = oss2.Auth(settings.OSS_ACCESS_KEY_ID, settings.OSS_ACCESS_KEY_SECRET)
_bucket = oss2.Bucket(_auth, settings.OSS_ENDPOINT, settings.OSS_BUCKET)


def archive_waybill(order_no: str, waybill: str) -> None:
    _bucket.put_object(f"waybills/{order_no}.txt", waybill)


def archive_waybill_overseas(order_no: str, waybill: str) -> None:
    """海外仓合作方从新加坡桶读取面单。"""
    bucket = oss2.Bucket(_auth, settings.OSS_OVERSEAS_ENDPOINT, settings.OSS_OVERSEAS_BUCKET)
    bucket.put_object(f"waybills/{order_no}.txt", waybill)


def upload_export(name: str, path: str) -> None:
    _bucket.put_object_from_file(f"exports/{name}", path)
