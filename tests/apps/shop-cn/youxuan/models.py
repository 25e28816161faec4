"""Database models of members, addresses and orders."""

from datetime import datetime

from youxuan.extensions import db


class Member(db.Model):
    __tablename__ = "member"

    id = db.Column(db.BigInteger, primary_key=True)
    # ok: undisclosed-data-category
    phone = db.Column(db.String(20), unique=True, nullable=False)
    phone_sha256 = db.Column(db.String(64), index=True)
    nickname = db.Column(db.String(40))
    # ok: undisclosed-data-category
    gender = db.Column(db.SmallInteger, default=0)  # 0 未知 1 男 2 女
    real_name = db.Column(db.String(40))
    # ruleid: sensitive-pii-collected
    id_card_no = db.Column(db.String(18))
    verified_at = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Address(db.Model):
    __tablename__ = "member_address"

    id = db.Column(db.BigInteger, primary_key=True)
    member_id = db.Column(db.BigInteger, db.ForeignKey("member.id"), index=True)
    receiver_name = db.Column(db.String(40))
    receiver_phone = db.Column(db.String(20))
    detail_address = db.Column(db.String(200))
    is_default = db.Column(db.Boolean, default=False)


class Order(db.Model):
    __tablename__ = "order"

    id = db.Column(db.BigInteger, primary_key=True)
    order_no = db.Column(db.String(32), unique=True)
    member_id = db.Column(db.BigInteger, db.ForeignKey("member.id"), index=True)
    address_id = db.Column(db.BigInteger, db.ForeignKey("member_address.id"))
    total_fen = db.Column(db.Integer)
    status = db.Column(db.String(16), default="created")
    pickup_store_id = db.Column(db.Integer)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)
