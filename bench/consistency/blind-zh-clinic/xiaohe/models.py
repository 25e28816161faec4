"""数据模型：患者、问诊、儿童档案、电子发票。"""
from datetime import datetime

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Patient(db.Model):
    __tablename__ = "patients"

    id = db.Column(db.Integer, primary_key=True)
    real_name = db.Column(db.String(32), nullable=False)
    mobile = db.Column(db.String(11), unique=True, nullable=False)
    # ruleid: sensitive-pii-collected, undisclosed-sensitive-data
    id_card_no = db.Column(db.String(18), unique=True)
    # ruleid: undisclosed-data-category
    gender = db.Column(db.String(1))
    birth_date = db.Column(db.Date)
    city = db.Column(db.String(32))
    delivery_address = db.Column(db.String(255))
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class ChildProfile(db.Model):
    """儿科问诊：监护人为不满十四周岁的子女建立的档案。"""

    __tablename__ = "child_profiles"

    id = db.Column(db.Integer, primary_key=True)
    guardian_id = db.Column(db.Integer, db.ForeignKey("patients.id"), nullable=False)
    # ruleid: sensitive-pii-collected
    child_name = db.Column(db.String(32), nullable=False)
    # ruleid: sensitive-pii-collected
    child_birth_date = db.Column(db.Date, nullable=False)


class Consultation(db.Model):
    __tablename__ = "consultations"

    id = db.Column(db.Integer, primary_key=True)
    patient_id = db.Column(db.Integer, db.ForeignKey("patients.id"), nullable=False)
    child_id = db.Column(db.Integer, db.ForeignKey("child_profiles.id"))
    department = db.Column(db.String(32), nullable=False)
    # ruleid: sensitive-pii-collected
    symptoms = db.Column(db.Text, nullable=False)
    # ruleid: sensitive-pii-collected
    diagnosis = db.Column(db.Text)
    # 处方文件在 OSS 上的对象名，不含处方内容
    # ok: sensitive-pii-collected
    prescription_key = db.Column(db.String(128))
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Invoice(db.Model):
    """电子发票：开票后发送到用户填写的邮箱。"""

    __tablename__ = "invoices"

    id = db.Column(db.Integer, primary_key=True)
    consultation_id = db.Column(db.Integer, db.ForeignKey("consultations.id"), nullable=False)
    # ruleid: undisclosed-data-category
    email = db.Column(db.String(128), nullable=False)
    amount_fen = db.Column(db.Integer, nullable=False)
