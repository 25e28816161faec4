"""Checksum and structure validators that confirm a literal really is an ID, card or account number."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

_CN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_ID_CHECK = "10X98765432"
_CN_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
    "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26,
}
_CARD_PREFIX = re.compile(r"^(4|5[1-5]|2[2-7]|3[47]|3[068]|35|6[0245]|62)")


def digits_only(value: str) -> str:
    """Drop spaces and dashes used to group digits."""
    return re.sub(r"[\s-]", "", value)


def luhn_card(value: str) -> bool:
    """A payment card number: 13-19 digits, a known issuer prefix, not one repeated digit, Luhn-valid."""
    digits = digits_only(value)
    if not (13 <= len(digits) <= 19 and digits.isdigit()) or len(set(digits)) == 1:
        return False
    if not _CARD_PREFIX.match(digits):
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char) * (2 if index % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


def iban(value: str) -> bool:
    """An IBAN with its country's length and a valid ISO 7064 mod-97 check."""
    compact = digits_only(value).upper()
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    if not rearranged.isalnum():
        return False
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def cn_resident_id(value: str) -> bool:
    """An 18-character PRC resident identity number: province, real birth date and MOD 11-2 check digit."""
    if len(value) != 18 or not value[:17].isdigit() or value[:2] not in _CN_PROVINCES:
        return False
    try:
        born = _dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return False
    if born.year < 1900 or born > _dt.date.today():
        return False
    total = sum(int(char) * weight for char, weight in zip(value[:17], _CN_ID_WEIGHTS))
    return _CN_ID_CHECK[total % 11] == value[17].upper()


def us_ssn(value: str) -> bool:
    """A US Social Security number in AAA-GG-SSSS form with area, group and serial the SSA can issue."""
    match = re.fullmatch(r"(\d{3})[\s-]?(\d{2})[\s-]?(\d{4})", value.strip())
    if not match:
        return False
    area, group, serial = match.groups()
    if area in ("000", "666") or area.startswith("9"):
        return False
    return group != "00" and serial != "0000" and len(set(area + group + serial)) > 1


_ROLE_ACCOUNTS = frozenset({
    "noreply", "no-reply", "donotreply", "do-not-reply", "support", "info", "admin", "contact", "help", "sales",
    "webmaster", "postmaster", "hostmaster", "hello", "team", "security", "privacy", "abuse", "root", "mailer-daemon",
    "git", "hg", "email", "user", "username", "name", "someone", "somebody", "foo", "test",
    "notifications", "notification", "notify", "bounce", "bounces", "mailer", "newsletter", "news", "marketing",
    "billing", "accounts", "office", "jobs", "careers", "press", "legal", "dpo", "gdpr", "feedback", "service",
    "noc", "www", "ftp", "usenet", "uucp", "orders", "order", "shop", "store", "booking", "bookings", "reservations",
    "payments", "invoices", "invoice", "receipts", "accounting", "finance", "hr", "enquiries", "inquiries",
    "reception", "alerts", "ops", "operations", "developers", "updates", "system", "robot", "customerservice",
    "customercare", "care", "partners", "events", "membership", "members", "admissions", "kefu",
})
# iCalendar and message ids are written like addresses: a UUID before the @.
_UUID_LOCAL_PART = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}")
# RFC 2606 and RFC 6761 names reserved for documentation and testing, their subdomains, placeholder domains
# of documentation, and protocol namespaces written like addresses (SSH algorithms ``...@openssh.com``).
_RESERVED_DOMAINS = ("example", "example.com", "example.net", "example.org", "test", "invalid", "localhost",
                     "domain.com", "domain.org", "domain.net", "yourdomain.com", "yourcompany.com", "openssh.com",
                     "libssh.org")


def personal_email(value: str) -> bool:
    """An e-mail address that may be a person's: not a role account (support@, noreply@) and not at a domain
    reserved for examples (``example.com`` and its subdomains, ``.test``, ``.invalid``), in any letter case."""
    local, _, domain = value.strip().lower().rpartition("@")
    if local in _ROLE_ACCOUNTS or local.startswith(("-", ".")) or _UUID_LOCAL_PART.search(local):
        return False
    labels = domain.split(".")
    return not any(".".join(labels[cut:]) in _RESERVED_DOMAINS or labels[cut] in ("example", "test", "localhost")
                   for cut in range(len(labels)))


CHECKS: dict[str, Callable[[str], bool]] = {
    "personal-email": personal_email,
    "luhn": luhn_card,
    "iban": iban,
    "cn-resident-id": cn_resident_id,
    "us-ssn": us_ssn,
}
