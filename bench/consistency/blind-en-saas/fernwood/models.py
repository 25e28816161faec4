"""Database tables and request schemas."""
import os
from datetime import date, datetime

from pydantic import BaseModel, EmailStr
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

engine = create_engine(os.environ.get("DATABASE_URL", "postgresql+psycopg://fernwood@localhost/fernwood"))
SessionLocal = sessionmaker(engine)


def get_db():
    with SessionLocal() as db:
        yield db


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    # ruleid: undisclosed-data-category
    phone_number: Mapped[str | None] = mapped_column(String(32))
    # ok: undisclosed-data-category
    gender: Mapped[str | None] = mapped_column(String(16))
    plan: Mapped[str] = mapped_column(String(16), default="free")
    stripe_customer_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)


class Seller(Base):
    __tablename__ = "sellers"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    legal_name: Mapped[str] = mapped_column(String(160))
    shop_name: Mapped[str] = mapped_column(String(80))
    city: Mapped[str] = mapped_column(String(80))
    stripe_account_id: Mapped[str] = mapped_column(String(64))


class Listing(Base):
    __tablename__ = "listings"

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("sellers.id"))
    title: Mapped[str] = mapped_column(String(140))
    price_cents: Mapped[int]


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    buyer_email: Mapped[str] = mapped_column(String(255))
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"))
    total_cents: Mapped[int]
    shipping_address: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(default=datetime.utcnow)


class SignupIn(BaseModel):
    """Passwordless sign-up: we e-mail a magic link."""

    email: EmailStr
    full_name: str
    phone_number: str | None = None
    gender: str | None = None


class SellerOnboardingIn(BaseModel):
    """What Stripe Connect needs to verify an individual seller and issue a 1099-K."""

    legal_first_name: str
    legal_last_name: str
    # the policy denies collecting it: contradicted-collection-claim at the policy line, not also undisclosed here
    # ok: undisclosed-data-category
    date_of_birth: date
    # ruleid: sensitive-pii-collected, undisclosed-sensitive-data
    ssn: str
    shop_name: str
    # ok: sensitive-pii-collected
    city: str


class OrderIn(BaseModel):
    listing_id: int
    shipping_address: str
