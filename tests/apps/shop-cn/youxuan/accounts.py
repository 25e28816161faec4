"""注册、登录、实名认证与邀请好友。"""

import hashlib
import logging
import random

import requests
from flask import Blueprint, jsonify, request, session

from youxuan import analytics, settings, sms
from youxuan.extensions import db
from youxuan.models import Member
from youxuan.utils import is_mobile, mask_mobile

bp = Blueprint("accounts", __name__)
logger = logging.getLogger(__name__)


@bp.post("/sms-code")
def request_code():
    mobile = request.json["mobile"]
    if not is_mobile(mobile):
        return jsonify({"error": "手机号格式不正确"}), 400
    code = "%06d" % random.randint(0, 999999)
    session["login_code"] = code
    # ruleid: pii-in-log
    logger.info("发送登录验证码 mobile=%s", mobile)
    # ruleid: pii-to-messaging
    sms.send_login_code(mobile, code)
    return jsonify({"sent": True})


@bp.post("/register")
def register():
    payload = request.json
    phone = payload["phone"]
    if payload.get("code") != session.get("login_code"):
        return jsonify({"error": "验证码错误"}), 400
    member = Member(phone=phone, phone_sha256=hashlib.sha256(phone.encode()).hexdigest(),
                    # ruleid: undisclosed-data-category
                    nickname=payload.get("nickname", ""), gender=payload.get("gender", 0))
    db.session.add(member)
    db.session.commit()
    # ok: pii-in-http-request, pii-cross-border, undisclosed-data-category
    risk = requests.post(settings.RISK_API, json={"phone": phone, "ip": request.remote_addr}, timeout=3)
    analytics.track_signup(member, channel=payload.get("channel", "h5"))
    # ok: pii-in-log
    logger.info("新会员注册 member_id=%s phone=%s risk=%s", member.id, mask_mobile(phone), risk.status_code)
    response = jsonify({"member_id": member.id})
    # ruleid: pii-in-cookie
    response.set_cookie("yx_phone", phone, max_age=30 * 86400)
    return response


@bp.post("/real-name")
def verify_real_name():
    member = db.session.get(Member, session["member_id"])
    real_name = request.form["real_name"]
    # ruleid: sensitive-pii-collected, undisclosed-sensitive-data
    id_card_no = request.form["id_card_no"]
    if len(id_card_no) != 18:
        # ruleid: pii-in-exception
        raise ValueError(f"身份证号码位数不正确: {id_card_no}")
    member.real_name = real_name
    member.id_card_no = id_card_no
    db.session.commit()
    return jsonify({"verified": True})


@bp.post("/invite/contacts")
def upload_contacts():
    """邀请好友：用户授权后上传通讯录，匹配已注册的好友。"""
    # ok: undisclosed-data-category
    address_book = request.json["address_book"]
    digests = [hashlib.sha256(entry["phone"].encode()).hexdigest() for entry in address_book]
    friends = Member.query.filter(Member.phone_sha256.in_(digests)).all()
    # ok: pii-in-log
    logger.info("通讯录匹配完成 member_id=%s matched=%d", session.get("member_id"), len(friends))
    return jsonify({"friends": [friend.id for friend in friends]})
