"""运营后台命令：导出实名会员清单，供财务年度对账。

    python -m youxuan.management.export_members --since 2024-01-01
"""

import argparse
import csv
import datetime

from youxuan import create_app, storage
from youxuan.models import Member
from youxuan.utils import mask_mobile

# 对账脚本自测时使用的运营同事手机号
# ruleid: pii-literal
SELF_TEST_MOBILE = "13957106823"


def export(since: datetime.date, path: str) -> int:
    members = Member.query.filter(Member.verified_at >= since).all()
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["member_id", "real_name", "id_card_no", "phone"])
        for member in members:
            # ok: pii-cross-border
            writer.writerow([member.id, member.real_name, member.id_card_no, member.phone])
            # ruleid: pii-in-log
            print("exported", member.id, member.phone)
    # ok: pii-in-log
    print("self-test contact:", mask_mobile(SELF_TEST_MOBILE))
    return len(members)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", type=datetime.date.fromisoformat, required=True)
    parser.add_argument("--out", default="members.csv")
    args = parser.parse_args()
    with create_app().app_context():
        count = export(args.since, args.out)
    storage.upload_export(args.out, args.out)
    print(f"{count} members exported to {args.out}")


if __name__ == "__main__":
    main()
