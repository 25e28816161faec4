"""下单、收货地址与附近门店自提。"""

import logging
import math

from flask import Blueprint, jsonify, request, session

from youxuan import analytics, sms, storage
from youxuan.extensions import db
from youxuan.models import Address, Member, Order

bp = Blueprint("orders", __name__)
logger = logging.getLogger(__name__)

STORES = [
    # ok: sensitive-pii-collected, undisclosed-sensitive-data, pii-literal
    {"id": 1, "name": "西湖文化广场店", "lat": 30.2799, "lng": 120.1664},
    {"id": 2, "name": "滨江星光大道店", "lat": 30.2085, "lng": 120.2105},
]


def _distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    rad = math.pi / 180
    a = (math.sin((lat2 - lat1) * rad / 2) ** 2
         + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lng2 - lng1) * rad / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


@bp.get("/nearby-stores")
def nearby_stores():
    # ruleid: sensitive-pii-collected, undisclosed-sensitive-data
    latitude = float(request.args["latitude"])
    # ruleid: sensitive-pii-collected
    longitude = float(request.args["longitude"])
    ranked = sorted(STORES, key=lambda s: _distance_km(latitude, longitude, s["lat"], s["lng"]))
    return jsonify({"stores": ranked[:5]})


@bp.post("/addresses")
def add_address():
    form = request.json
    address = Address(
        member_id=session["member_id"],
        receiver_name=form["receiver_name"],
        # ok: undisclosed-data-category
        receiver_phone=form["receiver_phone"],
        detail_address=form["detail_address"],
    )
    db.session.add(address)
    db.session.commit()
    return jsonify({"address_id": address.id})


@bp.post("/")
def place_order():
    member = db.session.get(Member, session["member_id"])
    address = db.session.get(Address, request.json["address_id"])
    order = Order(order_no=request.json["order_no"], member_id=member.id, address_id=address.id,
                  total_fen=request.json["total_fen"])
    db.session.add(order)
    db.session.commit()
    logger.info("order %s placed by member %s", order.order_no, member.id)
    analytics.track_order(member, order)
    return jsonify({"order_no": order.order_no})


@bp.post("/<order_no>/ship")
def ship(order_no: str):
    order = Order.query.filter_by(order_no=order_no).one()
    address = db.session.get(Address, order.address_id)
    waybill = f"{order.order_no}|{address.receiver_name}|{address.receiver_phone}|{address.detail_address}"
    # ok: pii-cross-border, undisclosed-cross-border
    storage.archive_waybill(order.order_no, waybill)
    # ruleid: pii-cross-border, undisclosed-cross-border
    storage.archive_waybill_overseas(order.order_no, waybill)
    # ruleid: pii-to-messaging
    # ok: undisclosed-recipient, contradicted-sharing-claim
    sms.send_shipped_notice(address.receiver_phone, order.order_no)
    order.status = "shipped"
    db.session.commit()
    return jsonify({"status": order.status})
