"""Tests of identifier splitting and name classification: person context, fillers and exclusions."""

from __future__ import annotations

import pytest

from privlint.taxonomy import DataType, Taxonomy, load_taxonomy
from privlint.taxonomy.tokens import singular, split_identifier


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def type_of(taxonomy: Taxonomy, name: str, owner: str | None = None) -> str | None:
    found = taxonomy.classify_name(name, owner)
    return found.id if found else None


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("user_email", ("user", "email")),
        ("userEmailAddress", ("user", "email", "address")),
        ("HTTPResponseCode", ("http", "response", "code")),
        ("IPAddress", ("ip", "address")),
        ("ssnLast4", ("ssn", "last", "4")),
        ("address-line-2", ("address", "line", "2")),
        ("ID_CARD_NO", ("id", "card", "no")),
        ("__init__", ("init",)),
    ],
)
def test_split_identifier(name: str, tokens: tuple[str, ...]) -> None:
    assert split_identifier(name) == tokens


def test_split_cuts_chinese_into_known_words() -> None:
    assert split_identifier("用户手机号码", {"用户", "手机号码", "手机号"}) == ("用户", "手机号码")
    assert split_identifier("用户手机号码") == tuple("用户手机号码")


def test_builtin_taxonomy_size_and_shape(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.types) >= 120
    assert len({t.category for t in taxonomy.types.values()}) >= 15
    email = taxonomy.types["email-address"]
    assert email == DataType(id="email-address", category="contact", name="E-mail address", sensitive=False,
                             fideslang="user.contact.email")
    assert taxonomy.types["resident-id-number"].sensitive
    assert taxonomy.types["fingerprint"].sensitive


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("email", "email-address"),
        ("phone", "phone-number"),
        ("ssn", "us-social-security-number"),
        ("passport", "passport-number"),
        ("birthday", "date-of-birth"),
        ("dob", "date-of-birth"),
        ("tel", "phone-number"),
        ("addr", None),
        ("zip_code", "postal-code"),
        ("lat", "precise-location"),
        ("lng", "precise-location"),
        ("ip", "ip-address"),
        ("imei", "imei"),
        ("idfa", "advertising-id"),
        ("shouji", "phone-number"),
        ("sfz", "resident-id-number"),
        ("shenfenzheng", "resident-id-number"),
        ("xingming", "person-name"),
        ("dizhi", "postal-address"),
        ("yinhangka", "payment-card-number"),
        ("手机号", "phone-number"),
        ("身份证号", "resident-id-number"),
        ("姓名", "person-name"),
        ("用户手机号码", "phone-number"),
    ],
)
def test_unambiguous_words_and_abbreviations_count_as_bare_names(taxonomy: Taxonomy, name: str,
                                                                 expected: str | None) -> None:
    assert type_of(taxonomy, name) == expected


@pytest.mark.parametrize(
    ("name", "owner", "expected"),
    [
        ("email", "user", "email-address"),
        ("phone", "customer", "phone-number"),
        ("diagnosis", "patient", "medical-diagnosis"),
        ("id_card_no", "member", "resident-id-number"),
        ("name", "user", "person-name"),
        ("name", "current_user", "person-name"),
        ("name", "request.user", "person-name"),
        ("address", "customer", "postal-address"),
        ("id", "user", "user-account-id"),
        ("age", "patient", "age"),
        ("location", "user", "coarse-location"),
        ("name", "app", None),
        ("name", "file", None),
        ("name", "settings", None),
        ("name", "self", None),
        ("name", None, None),
        ("address", "server", None),
        ("ip_address", "server", None),
        ("id", None, None),
        ("age", None, None),
        ("location", None, None),
        ("number", None, None),
    ],
)
def test_ambiguous_words_need_person_context(taxonomy: Taxonomy, name: str, owner: str | None,
                                              expected: str | None) -> None:
    assert type_of(taxonomy, name, owner) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("user_name", "username"),
        ("first_name", "first-name"),
        ("home_address", "postal-address"),
        ("customer_address", "postal-address"),
        ("patient_age", "age"),
    ],
)
def test_person_word_inside_the_name_gives_context(taxonomy: Taxonomy, name: str, expected: str) -> None:
    assert type_of(taxonomy, name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "has_email", "email_count", "num_phones", "email_template", "email_subject", "email_enabled",
        "is_phone_verified", "send_email", "validate_email", "email_regex", "email_field_name",
        "max_email_length", "filename", "file_name", "uuid", "hostname", "ip_version", "phone_format", "zip_file",
        "zipfile", "zip", "latency", "certificate", "uncertainty", "account_id", "address_family", "EMAIL_HOST",
        "DEFAULT_FROM_EMAIL", "content_type", "user_agent", "session_id", "request_id", "__name__",
    ],
)
def test_flags_counts_templates_and_look_alikes_are_not_the_data(taxonomy: Taxonomy, name: str) -> None:
    assert type_of(taxonomy, name) is None


def test_password_digest_is_a_non_sensitive_credential_type(taxonomy: Taxonomy) -> None:
    assert type_of(taxonomy, "password") == "password"
    for name in ("password_hash", "hashed_password", "passwordDigest"):
        found = taxonomy.classify_name(name)
        assert found is not None and found.id == "password-hash" and not found.sensitive


def test_username_is_an_online_identifier_not_a_real_name(taxonomy: Taxonomy) -> None:
    found = taxonomy.classify_name("username")
    assert found is not None and found.category == "online-id" and found.id != "person-name"


def test_account_id_counts_only_with_user_context(taxonomy: Taxonomy) -> None:
    assert type_of(taxonomy, "account_id") is None
    assert type_of(taxonomy, "account_id", "user") == "user-account-id"


def test_plurals_and_fillers_keep_the_type(taxonomy: Taxonomy) -> None:
    assert type_of(taxonomy, "emails") == "email-address"
    assert type_of(taxonomy, "phone_numbers") == "phone-number"
    assert type_of(taxonomy, "id_card_no") == "resident-id-number"
    assert type_of(taxonomy, "email_verified_at") is None


def test_classification_is_cached(taxonomy: Taxonomy) -> None:
    assert taxonomy.classify_name("customer_email") is taxonomy.classify_name("customer_email")
    assert taxonomy.classify_literal("13812345678") is taxonomy.classify_literal("13812345678")


def test_person_word_must_qualify_the_match_directly(taxonomy: Taxonomy) -> None:
    assert type_of(taxonomy, "customer_primary_address") == "postal-address"
    assert type_of(taxonomy, "fork_owner_thread_ids") is None


def test_infrastructure_owner_wins_over_person_words_in_it(taxonomy: Taxonomy) -> None:
    assert type_of(taxonomy, "name", "my_file") is None
    assert type_of(taxonomy, "email", "user_info") == "email-address"


def test_dict_keys_with_spaces_and_hyphens(taxonomy: Taxonomy) -> None:
    assert type_of(taxonomy, "E-mail") == "email-address"
    assert type_of(taxonomy, "First Name") == "first-name"
    assert type_of(taxonomy, "X-Forwarded-For") == "ip-address"


@pytest.mark.parametrize(
    ("token", "expected"),
    [("phones", "phone"), ("ids", "id"), ("addresses", "address"), ("allergies", "allergy"),
     ("address", "address"), ("status", "status"), ("diagnosis", "diagnosis"), ("is", "is")],
)
def test_singular(token: str, expected: str) -> None:
    assert singular(token) == expected


@pytest.mark.parametrize(("name", "owner", "expected"), [
    ("ssn", "zip", "us-social-security-number"),
    ("passport_number", "record", "passport-number"),
    ("travel_document_number", "translate", "passport-number"),
    ("national_identifier", None, "national-id-number"),
    ("identification_number", None, "national-id-number"),
    ("sexual_preferences", None, "sexual-orientation"),
    ("patient_id", None, "medical-record"),
    ("latitude", "user", "precise-location"),
    ("latitude", "room", None),
    ("longitude", "venue", None),
    ("full_name", "room", None),
    ("ip", "server", None),
    ("name", "task", None),
    ("recipients", None, "email-address"),
    ("rcpt", None, "email-address"),
    ("mail_from", None, "email-address"),
    ("to_addr", None, "email-address"),
    ("recipient_count", None, None),
    ("recipient_type", None, None),
])
def test_unambiguous_names_need_no_owner_and_places_are_not_people(name, owner, expected):
    found = load_taxonomy().classify_name(name, owner)
    assert (found.id if found else None) == expected
