"""支付宝支付与退款到银行卡。"""

import logging

from alipay import AliPay
from flask import Blueprint, jsonify, request, session

from youxuan import settings
from youxuan.extensions import db
from youxuan.models import Order

bp = Blueprint("payments", __name__)
logger = logging.getLogger(__name__)

alipay = AliPay(appid=settings.ALIPAY_APP_ID, app_notify_url="https://www.youxuan-mall.cn/api/payments/notify",
                app_private_key_string="", alipay_public_key_string="")


@bp.post("/<order_no>/alipay")
def pay(order_no: str):
    order = Order.query.filter_by(order_no=order_no, member_id=session["member_id"]).one()
    # ok: pii-in-http-request
    query = alipay.api_alipay_trade_page_pay(out_trade_no=order.order_no, total_amount=order.total_fen / 100,
                                             subject="优选商城订单")
    return jsonify({"pay_url": "https://openapi.alipay.com/gateway.do?" + query})


@bp.post("/<order_no>/refund-to-card")
def refund_to_card(order_no: str):
    """支付渠道无法原路退回时，退款到用户提供的银行卡。"""
    order = Order.query.filter_by(order_no=order_no, member_id=session["member_id"]).one()
    # ruleid: sensitive-pii-collected
    # ok: undisclosed-sensitive-data, undisclosed-data-category
    bank_card_no = request.form["bank_card_no"]
    card_holder = request.form["card_holder"]
    order.status = "refunding"
    db.session.execute(
        db.text("INSERT INTO refund_request (order_no, bank_card_no, card_holder) VALUES (:o, :c, :h)"),
        {"o": order.order_no, "c": bank_card_no, "h": card_holder},
    )
    db.session.commit()
    # ok: pii-in-log
    logger.info("refund to card requested for order %s (card ending %s)", order.order_no, bank_card_no[-4:])
    return jsonify({"status": order.status})
