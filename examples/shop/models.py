"""Domain objects of the shop."""

from dataclasses import dataclass, field


@dataclass
class Customer:
    id: int
    full_name: str
    email: str
    phone: str
    shipping_address: str
    date_of_birth: str | None = None
    orders: list = field(default_factory=list)


@dataclass
class Order:
    id: int
    customer_id: int
    total_cents: int
    currency: str = "EUR"
