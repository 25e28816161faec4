"""PulseFit HTTP API."""

import logging

from fastapi import FastAPI, HTTPException
from werkzeug.security import generate_password_hash

from pulsefit import billing, coach, db, marketing
from pulsefit.schemas import SignupRequest, SubscribeRequest, WorkoutIn

app = FastAPI(title="PulseFit")
logger = logging.getLogger("pulsefit")

PRICES = {"premium-monthly": ("price_1PulseMonthly", 12.99), "premium-yearly": ("price_1PulseYearly", 99.0)}


@app.post("/members", status_code=201)
async def signup(body: SignupRequest):
    with db.session() as s:
        if s.query(db.Member).filter_by(email=body.email).first():
            # ruleid: pii-in-log
            logger.warning("duplicate signup attempt for %s", body.email)
            raise HTTPException(status_code=409, detail="account exists")
        member = db.Member(email=body.email, first_name=body.first_name,
                           password_hash=generate_password_hash(body.password), gender=body.gender, age=body.age)
        s.add(member)
        s.commit()
        # ruleid: pii-in-http-request
        # ok: undisclosed-recipient
        member.stripe_customer_id = await billing.create_customer(body.email, body.first_name, member.id)
        s.commit()
        # ok: pii-in-log
        logger.info("member %s signed up", member.id)
        return {"id": member.id}


@app.post("/members/{member_id}/subscription")
async def subscribe(member_id: int, body: SubscribeRequest):
    price, value = PRICES[body.plan]
    with db.session() as s:
        member = s.get(db.Member, member_id)
        result = await billing.subscribe(member.stripe_customer_id, price, body.payment_method)
        # ruleid: pii-to-advertising, undisclosed-recipient
        marketing.report_subscription(member.email, member.id, value)
    return {"status": result["status"]}


@app.post("/members/{member_id}/workouts", status_code=201)
async def log_workout(member_id: int, body: WorkoutIn):
    with db.session() as s:
        s.add(db.Workout(member_id=member_id, **body.model_dump()))
        s.commit()
    return {"ok": True}


@app.get("/members/{member_id}/tip")
async def tip(member_id: int):
    with db.session() as s:
        member = s.get(db.Member, member_id)
        workouts = s.query(db.Workout).filter_by(member_id=member_id).order_by(db.Workout.day.desc()).limit(20).all()
        # ok: pii-to-llm
        return {"tip": coach.weekly_tip(member, workouts)}
