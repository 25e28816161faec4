"""Tests of the literal validators: real-looking IDs, cards and accounts match; look-alikes do not."""

from __future__ import annotations

import pytest

from privlint.taxonomy import Taxonomy, load_taxonomy
from privlint.taxonomy.literals import cn_resident_id, iban, luhn_card, us_ssn


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def literal_type(taxonomy: Taxonomy, value: str) -> str | None:
    found = taxonomy.classify_literal(value)
    return found.id if found else None


def test_resident_id_check_digit_birth_date_and_province() -> None:
    assert cn_resident_id("11010519491231002X")
    assert cn_resident_id("11010519491231002x")
    assert not cn_resident_id("110105194912310021"), "wrong check digit"
    assert not cn_resident_id("110105194902300027"), "30 February"
    assert not cn_resident_id("990105194912310020"), "no province 99"
    assert not cn_resident_id("11010518491231002X"), "born before 1900"
    assert not cn_resident_id("1101051949123100"), "too short"


def test_luhn_card_numbers() -> None:
    for number in ("4111111111111111", "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"):
        assert luhn_card(number), number
    assert not luhn_card("4111111111111112"), "Luhn fails"
    assert not luhn_card("1234567812345670"), "no issuer starts with 1"
    assert not luhn_card("4444444444444444"), "one repeated digit"
    assert not luhn_card("411111111111"), "too short"


def test_iban_mod_97() -> None:
    assert iban("GB82WEST12345698765432")
    assert iban("GB82 WEST 1234 5698 7654 32")
    assert iban("DE89370400440532013000")
    assert not iban("GB82WEST12345698765433"), "mod-97 fails"
    assert not iban("DE8937040044053201300"), "wrong length for Germany"
    assert not iban("XX82WEST12345698765432"), "unknown country"


def test_us_ssn_structure() -> None:
    assert us_ssn("123-45-6789")
    for bad in ("000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "111-11-1111", "12-345-6789"):
        assert not us_ssn(bad), bad


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("11010519491231002X", "resident-id-number"),
        ("13812345678", "phone-number"),
        ("+86 138 1234 5678", "phone-number"),
        ("alice.wong@gmail.com", "email-address"),
        ("4111-1111-1111-1111", "payment-card-number"),
        ("GB82 WEST 1234 5698 7654 32", "iban"),
        ("123-45-6789", "us-social-security-number"),
    ],
)
def test_literals_recognised(taxonomy: Taxonomy, value: str, expected: str) -> None:
    assert literal_type(taxonomy, value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "123456789012345678", "110105194912310021", "12345678901", "10086", "1234567812345678",
        "4111111111111112", "20231125", "1700000000000", "deadbeefcafebabe", "noreply@example.com",
        "user@example.com", "not an email", "a@b", "GB82WEST12345698765433", "666-12-3456",
        "2024-01-15", "192.168.0.1", "v1.2.3", "",
    ],
)
def test_random_digits_and_look_alikes_do_not_match(taxonomy: Taxonomy, value: str) -> None:
    assert literal_type(taxonomy, value) is None
