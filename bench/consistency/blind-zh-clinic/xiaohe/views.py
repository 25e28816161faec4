"""HTTP 接口：登录、注册、问诊、儿童档案、处方、附近药店、电子发票。"""
import logging

from flask import Blueprint, abort, jsonify, request, session

from . import notify, pharmacy, storage, tracking
from .models import ChildProfile, Consultation, Invoice, Patient, db

bp = Blueprint("api", __name__, url_prefix="/api")
logger = logging.getLogger(__name__)


class PatientNotFound(Exception):
    pass


@bp.post("/sms/code")
def send_login_code():
    mobile = request.form["mobile"]
    code = notify.new_code()
    session["sms_code"] = code
    # ruleid: pii-to-messaging
    notify.send_verify_code(mobile, code)
    # ok: pii-in-log
    logger.info("验证码已发送至 %s", notify.mask_mobile(mobile))
    return jsonify(ok=True)


@bp.post("/login")
def login():
    mobile = request.form["mobile"]
    if request.form["code"] != session.pop("sms_code", None):
        abort(400)
    patient = Patient.query.filter_by(mobile=mobile).first_or_404()
    session["patient_id"] = patient.id
    resp = jsonify(id=patient.id)
    if request.form.get("remember") == "1":
        # 下次打开登录页时自动填好手机号
        # ruleid: pii-in-cookie
        resp.set_cookie("last_mobile", mobile, max_age=30 * 86400)
    # ok: pii-in-cookie
    resp.set_cookie("pid", str(patient.id), httponly=True)
    return resp


@bp.post("/patients")
def register():
    form = request.form
    real_name = form["real_name"]
    mobile = form["mobile"]
    # ruleid: sensitive-pii-collected
    id_card_no = form["id_card_no"]
    gender = form["gender"]
    # ok: sensitive-pii-collected
    city = form.get("city")
    patient = Patient(
        real_name=real_name,
        mobile=mobile,
        id_card_no=id_card_no,
        gender=gender,
        birth_date=form["birth_date"],
        city=city,
        delivery_address=form.get("delivery_address"),
    )
    db.session.add(patient)
    db.session.commit()
    # ruleid: pii-in-log
    logger.info("新患者注册：%s，手机号 %s", real_name, mobile)
    # ok: pii-in-log
    logger.info("新患者注册：patient_id=%s", patient.id)
    # ruleid: pii-to-analytics
    tracking.track_registration(patient.id, mobile, gender, city)
    return jsonify(id=patient.id), 201


@bp.get("/patients/lookup")
def lookup_patient():
    """药房核验处方时按身份证号查找患者。"""
    # ruleid: sensitive-pii-collected
    id_card_no = request.args["id_card_no"]
    patient = Patient.query.filter_by(id_card_no=id_card_no).first()
    if patient is None:
        # ruleid: pii-in-exception
        raise PatientNotFound(f"未找到身份证号为 {id_card_no} 的患者")
    return jsonify(id=patient.id)


@bp.post("/children")
def add_child():
    data = request.get_json()
    # ruleid: sensitive-pii-collected
    child_name = data["child_name"]
    # ruleid: sensitive-pii-collected
    child_birth_date = data["child_birth_date"]
    child = ChildProfile(guardian_id=session["patient_id"], child_name=child_name, child_birth_date=child_birth_date)
    db.session.add(child)
    db.session.commit()
    return jsonify(id=child.id), 201


@bp.post("/consultations")
def create_consultation():
    data = request.get_json()
    patient_id = session["patient_id"]
    patient = db.session.get(Patient, patient_id)
    if patient is None:
        # ok: pii-in-exception
        raise PatientNotFound(f"患者 {patient_id} 不存在")
    # ruleid: sensitive-pii-collected
    symptoms = data["symptoms"]
    consultation = Consultation(
        patient_id=patient.id,
        child_id=data.get("child_id"),
        department=data["department"],
        symptoms=symptoms,
    )
    db.session.add(consultation)
    db.session.commit()
    # ok: pii-to-analytics
    tracking.track_consultation(patient.id, consultation.department)
    # ok: pii-to-messaging
    notify.send_duty_alert(consultation.id)
    return jsonify(id=consultation.id), 201


@bp.post("/consultations/<int:consultation_id>/prescription")
def prescribe(consultation_id):
    """医生填写诊断并开具处方。"""
    data = request.get_json()
    consultation = db.get_or_404(Consultation, consultation_id)
    patient = db.get_or_404(Patient, consultation.patient_id)
    # ruleid: sensitive-pii-collected
    diagnosis = data["diagnosis"]
    # ruleid: sensitive-pii-collected
    prescription = data["prescription"]
    consultation.diagnosis = diagnosis
    # ok: pii-cross-border, undisclosed-cross-border
    consultation.prescription_key = storage.upload_prescription(consultation.id, patient.real_name, diagnosis, prescription)
    db.session.commit()
    return jsonify(key=consultation.prescription_key)


@bp.get("/pharmacies/nearby")
def nearby():
    # ruleid: sensitive-pii-collected
    latitude = float(request.args["latitude"])
    # ruleid: sensitive-pii-collected
    longitude = float(request.args["longitude"])
    # ruleid: pii-in-http-request
    return jsonify(pharmacy.nearby_pharmacies(latitude, longitude))


@bp.post("/invoices")
def request_invoice():
    data = request.get_json()
    invoice = Invoice(consultation_id=data["consultation_id"], email=data["email"], amount_fen=data["amount_fen"])
    db.session.add(invoice)
    db.session.commit()
    return jsonify(id=invoice.id), 201
