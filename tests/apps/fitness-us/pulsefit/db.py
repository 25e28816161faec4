"""Tables of the PulseFit database."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from pulsefit import config

engine = create_engine(config.DATABASE_URL)


class Base(DeclarativeBase):
    pass


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(unique=True)
    first_name: Mapped[str]
    password_hash: Mapped[str]
    # ok: undisclosed-data-category
    gender: Mapped[str | None]
    # ok: undisclosed-data-category
    age: Mapped[int | None]
    stripe_customer_id: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)


class Workout(Base):
    __tablename__ = "workouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str]
    day: Mapped[date]
    duration_minutes: Mapped[int]
    # ruleid: sensitive-pii-collected
    # ok: undisclosed-sensitive-data, undisclosed-data-category
    avg_heart_rate: Mapped[int | None]
    # ruleid: sensitive-pii-collected
    resting_heart_rate: Mapped[int | None]


def session() -> Session:
    return Session(engine)
