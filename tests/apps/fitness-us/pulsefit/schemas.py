"""Request and response bodies."""

from datetime import date

from pydantic import BaseModel, EmailStr, Field


class SignupRequest(BaseModel):
    email: EmailStr
    first_name: str
    password: str = Field(min_length=10)
    # ok: undisclosed-data-category
    gender: str | None = None
    # ok: undisclosed-data-category
    age: int | None = Field(default=None, ge=13, le=120)
    weekly_goal_minutes: int = 150


class WorkoutIn(BaseModel):
    kind: str
    day: date
    duration_minutes: int
    # ruleid: sensitive-pii-collected
    avg_heart_rate: int | None = None
    # ruleid: sensitive-pii-collected
    resting_heart_rate: int | None = None
    calories: int | None = None


class SubscribeRequest(BaseModel):
    plan: str = "premium-monthly"
    payment_method: str
