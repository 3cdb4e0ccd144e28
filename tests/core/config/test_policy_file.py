"""IT's policy file: valid files load typed values; every mistake is named precisely."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from rhi_desktop.config import PolicyError, Settings, load_policy
from rhi_desktop.profile import ProfilePaths
from tests.core.config.conftest import WritePolicy, public_pem


def policy_problems(path: Path) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert caught.value.path == path
    return str(caught.value).splitlines()


def test_a_machine_without_a_policy_file_runs_on_defaults(missing_policy: Path) -> None:
    policy = load_policy(missing_policy)
    assert not policy.present
    assert dict(policy.values) == {}
    assert policy.path == missing_policy


def test_a_full_policy_loads_as_typed_values(
    write_policy: WritePolicy, ca_file: Path, recovery_key_file: Path
) -> None:
    path = write_policy(
        f"""
server_url = "https://rhi.example.gov.uk/"
ca_bundle = "{ca_file}"
spki_pin = "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuXrc="
idle_lock_minutes = 3
retention_days = 14
max_failed_unlocks = 10
recovery_public_key = "{recovery_key_file}"
log_level = "warning"
sync_interval_minutes = 60
language = "cy-GB"
"""
    )
    settings = Settings.load(None, policy_path=path)

    assert settings.server_url == "https://rhi.example.gov.uk"
    assert settings.ca_bundle == ca_file
    assert settings.spki_pin == "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuXrc="
    assert settings.idle_lock_minutes == 3
    assert settings.retention_days == 14
    assert settings.max_failed_unlocks == 10
    assert settings.recovery_public_key == recovery_key_file
    assert settings.log_level == "WARNING"
    assert settings.sync_interval_minutes == 60
    assert settings.language == "cy-GB"


def test_relative_paths_are_taken_from_the_policy_folder(
    write_policy: WritePolicy, policy_dir: Path, ca_certificate_pem: bytes
) -> None:
    (policy_dir / "certs").mkdir()
    (policy_dir / "certs" / "ca.pem").write_bytes(ca_certificate_pem)
    path = write_policy('ca_bundle = "certs/ca.pem"\n')

    assert load_policy(path).values["ca_bundle"] == policy_dir / "certs" / "ca.pem"


def test_a_misspelt_key_is_named_with_the_likely_intended_key(write_policy: WritePolicy) -> None:
    path = write_policy("idle_lock_minute = 5\n")
    assert policy_problems(path) == [
        f'{path}: idle_lock_minute: unknown key; did you mean "idle_lock_minutes"?'
    ]


def test_an_unrecognisable_key_lists_the_keys_that_exist(write_policy: WritePolicy) -> None:
    path = write_policy("colour = 'blue'\n")
    [line] = policy_problems(path)
    assert line.startswith(f"{path}: colour: unknown key; known keys: server_url, ca_bundle,")
    assert line.endswith("language")


def test_a_table_is_reported_under_the_name_written_in_the_file(write_policy: WritePolicy) -> None:
    path = write_policy('[server]\nurl = "https://rhi.example.gov.uk"\n')
    assert policy_problems(path) == [f'{path}: server: unknown key; did you mean "server_url"?']


INT_1_240 = "an integer from 1 to 240"
INT_1_365 = "an integer from 1 to 365"
INT_1_1440 = "an integer from 1 to 1440"
INT_0_UP = "an integer of 0 or more (0 = never wipe)"
HTTPS_URL = 'an https URL such as "https://rhi.example.gov.uk"'


@pytest.mark.parametrize(
    ("key", "written", "expected", "shown"),
    [
        ("idle_lock_minutes", '"ten"', INT_1_240, '"ten"'),
        ("idle_lock_minutes", "true", INT_1_240, "true"),
        ("idle_lock_minutes", "5.0", INT_1_240, "5.0"),
        ("retention_days", "[30]", INT_1_365, "an array"),
        ("max_failed_unlocks", "1979-05-27", INT_0_UP, "a date/time (1979-05-27)"),
        ("server_url", "443", HTTPS_URL, "443"),
        ("ca_bundle", "1", "a path to a PEM file of CA certificates", "1"),
        ("recovery_public_key", '""', "a path to a PEM RSA public key", '""'),
        ("log_level", "10", "one of DEBUG, INFO, WARNING, ERROR", "10"),
        ("language", "{ tag = 'en' }", 'a language tag like "en-GB"', "a table"),
    ],
)
def test_a_value_of_the_wrong_type_is_named_with_what_was_expected(
    write_policy: WritePolicy, key: str, written: str, expected: str, shown: str
) -> None:
    path = write_policy(f"{key} = {written}\n")
    assert policy_problems(path) == [f"{path}: {key}: expected {expected}, got {shown}"]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("idle_lock_minutes", 0, INT_1_240),
        ("idle_lock_minutes", 241, INT_1_240),
        ("retention_days", 0, INT_1_365),
        ("retention_days", 366, INT_1_365),
        ("max_failed_unlocks", -1, INT_0_UP),
        ("sync_interval_minutes", 0, INT_1_1440),
        ("sync_interval_minutes", 1441, INT_1_1440),
    ],
)
def test_a_number_out_of_range_is_named_with_the_allowed_range(
    write_policy: WritePolicy, key: str, value: int, expected: str
) -> None:
    path = write_policy(f"{key} = {value}\n")
    assert policy_problems(path) == [f"{path}: {key}: expected {expected}, got {value}"]


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("idle_lock_minutes = 1", "idle_lock_minutes", 1),
        ("idle_lock_minutes = 240", "idle_lock_minutes", 240),
        ("retention_days = 365", "retention_days", 365),
        ("max_failed_unlocks = 0", "max_failed_unlocks", 0),
        ("max_failed_unlocks = 1000", "max_failed_unlocks", 1000),
        ("sync_interval_minutes = 1440", "sync_interval_minutes", 1440),
    ],
)
def test_numbers_at_the_edges_of_their_range_are_accepted(
    write_policy: WritePolicy, line: str, key: str, value: int
) -> None:
    assert load_policy(write_policy(line + "\n")).values[key] == value


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://rhi.example.gov.uk", "https://rhi.example.gov.uk"),
        ("https://rhi.example.gov.uk:8443/rhi/", "https://rhi.example.gov.uk:8443/rhi"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://localhost:8000/", "http://localhost:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_https_servers_and_loopback_demo_servers_are_accepted(
    write_policy: WritePolicy, url: str, stored: str
) -> None:
    assert load_policy(write_policy(f'server_url = "{url}"\n')).values["server_url"] == stored


LOOPBACK_ONLY = "plain http is allowed only for loopback hosts (127.0.0.1, localhost, ::1)"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://rhi.example.gov.uk", f"{LOOPBACK_ONLY}; use https, got"),
        ("ftp://rhi.example.gov.uk", f"expected {HTTPS_URL}, got"),
        ("https://", f"expected {HTTPS_URL}, got"),
        ("rhi.example.gov.uk", f"expected {HTTPS_URL}, got"),
        ("https://rhi.example.gov.uk:99999", f"expected {HTTPS_URL}, got"),
        ("https://rhi example.gov.uk", f"expected {HTTPS_URL}, got"),
        ("https://rhi.example.gov.uk/?device=1", "must not have a query or fragment, got"),
    ],
)
def test_a_bad_server_url_is_refused_with_the_reason(
    write_policy: WritePolicy, url: str, message: str
) -> None:
    path = write_policy(f'server_url = "{url}"\n')
    assert policy_problems(path) == [f'{path}: server_url: {message} "{url}"']


def test_a_server_url_with_a_password_is_refused_without_repeating_it(
    write_policy: WritePolicy,
) -> None:
    path = write_policy('server_url = "https://admin:Hunter2@rhi.example.gov.uk"\n')
    problems = policy_problems(path)
    assert problems == [f"{path}: server_url: must not contain a user name or password"]
    assert "Hunter2" not in problems[0]


@pytest.mark.parametrize(
    "pin",
    [
        "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuXrc",  # 43 characters
        "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuXr!=",  # not base64
        "A" * 44,  # base64, but 33 bytes
        "KJfhoj/Q1tbztkqUJnaVZvz0WuK6NYDZuqwAM9DuX===",  # malformed padding
    ],
)
def test_an_spki_pin_must_be_a_base64_sha256(write_policy: WritePolicy, pin: str) -> None:
    path = write_policy(f'spki_pin = "{pin}"\n')
    assert policy_problems(path) == [
        f"{path}: spki_pin: expected the base64 SHA-256 of the server's public key "
        f'(44 characters), got "{pin}"'
    ]


@pytest.mark.parametrize("tag", ["en-GB", "cy-GB", "pl", "zh-Hant-TW", "es-419"])
def test_language_tags_of_the_usual_shape_are_accepted(write_policy: WritePolicy, tag: str) -> None:
    assert load_policy(write_policy(f'language = "{tag}"\n')).values["language"] == tag


@pytest.mark.parametrize("tag", ["english", "en_GB", "EN-gb", ""])
def test_a_language_that_is_not_a_tag_is_refused(write_policy: WritePolicy, tag: str) -> None:
    path = write_policy(f'language = "{tag}"\n')
    assert policy_problems(path) == [
        f'{path}: language: expected a language tag like "en-GB", got "{tag}"'
    ]


def test_a_log_level_in_lower_case_is_understood(write_policy: WritePolicy) -> None:
    assert load_policy(write_policy('log_level = "debug"\n')).values["log_level"] == "DEBUG"


def test_a_missing_ca_file_is_named_with_the_key(write_policy: WritePolicy, tmp_path: Path) -> None:
    ca = tmp_path / "gone.pem"
    path = write_policy(f'ca_bundle = "{ca}"\n')
    assert policy_problems(path) == [f'{path}: ca_bundle: cannot read CA file "{ca}": no such file']


@pytest.mark.parametrize(
    ("name", "reason"), [("gone.csv", "no such file"), ("", "it is a directory, not a file")]
)
def test_a_postcode_lookup_that_cannot_be_read_is_named_with_the_key(
    write_policy: WritePolicy, tmp_path: Path, name: str, reason: str
) -> None:
    lookup = tmp_path / name
    path = write_policy(f'postcode_lookup = "{lookup}"\n')
    assert policy_problems(path) == [
        f'{path}: postcode_lookup: cannot read postcode lookup "{lookup}": {reason}'
    ]


def test_a_ca_path_that_is_a_directory_is_named_with_the_key(
    write_policy: WritePolicy, tmp_path: Path
) -> None:
    ca = tmp_path / "certs"
    ca.mkdir()
    path = write_policy(f'ca_bundle = "{ca}"\n')
    assert policy_problems(path) == [
        f'{path}: ca_bundle: cannot read CA file "{ca}": it is a directory, not a file'
    ]


def test_a_ca_file_without_a_certificate_is_named_with_the_key(
    write_policy: WritePolicy, recovery_key_file: Path
) -> None:
    # A public key is PEM, but not a certificate: a plausible mix-up when copying files.
    path = write_policy(f'ca_bundle = "{recovery_key_file}"\n')
    assert policy_problems(path) == [
        f'{path}: ca_bundle: CA file "{recovery_key_file}" contains no PEM certificate'
    ]


def test_a_ca_file_with_a_damaged_certificate_is_named_with_the_key(
    write_policy: WritePolicy, tmp_path: Path, ca_certificate_pem: bytes
) -> None:
    lines = ca_certificate_pem.splitlines()
    ca = tmp_path / "damaged.pem"
    ca.write_bytes(b"\n".join([lines[0], b"bm90IGEgY2VydGlmaWNhdGU=", lines[-1]]) + b"\n")
    path = write_policy(f'ca_bundle = "{ca}"\n')
    assert policy_problems(path) == [
        f'{path}: ca_bundle: CA file "{ca}" contains a certificate that cannot be parsed'
    ]


def test_a_missing_recovery_key_is_named_with_the_key(
    write_policy: WritePolicy, tmp_path: Path
) -> None:
    key = tmp_path / "recovery.pem"
    path = write_policy(f'recovery_public_key = "{key}"\n')
    assert policy_problems(path) == [
        f'{path}: recovery_public_key: cannot read public key file "{key}": no such file'
    ]


def test_a_recovery_key_that_is_not_rsa_is_refused(
    write_policy: WritePolicy, tmp_path: Path
) -> None:
    key = tmp_path / "recovery.pem"
    key.write_bytes(public_pem(ec.generate_private_key(ec.SECP256R1())))
    path = write_policy(f'recovery_public_key = "{key}"\n')
    assert policy_problems(path) == [
        f'{path}: recovery_public_key: public key file "{key}" holds a key that is not RSA'
    ]


def test_a_short_recovery_key_is_refused(write_policy: WritePolicy, tmp_path: Path) -> None:
    key = tmp_path / "recovery.pem"
    key.write_bytes(public_pem(rsa.generate_private_key(public_exponent=65537, key_size=1024)))  # noqa: S505
    path = write_policy(f'recovery_public_key = "{key}"\n')
    assert policy_problems(path) == [
        f'{path}: recovery_public_key: public key file "{key}" holds a 1024-bit RSA key; '
        "at least 3072 bits are required"
    ]


def test_a_certificate_given_as_recovery_key_is_refused(
    write_policy: WritePolicy, ca_file: Path
) -> None:
    path = write_policy(f'recovery_public_key = "{ca_file}"\n')
    assert policy_problems(path) == [
        f'{path}: recovery_public_key: public key file "{ca_file}" contains no PEM public key'
    ]


def test_malformed_toml_is_reported_with_line_and_column(write_policy: WritePolicy) -> None:
    path = write_policy("retention_days = 30\nidle_lock_minutes = \n")
    assert policy_problems(path) == [
        f"{path}: malformed TOML: Invalid value (at line 2, column 21)"
    ]


def test_every_problem_in_a_file_is_reported_together_in_file_order(
    write_policy: WritePolicy, tmp_path: Path
) -> None:
    path = write_policy(
        f"""
idle_lock_minutes = "ten"
retention_days = 30
sever_url = "https://rhi.example.gov.uk"
ca_bundle = "{tmp_path / "gone.pem"}"
sync_interval_minutes = 0
"""
    )
    with pytest.raises(PolicyError) as caught:
        load_policy(path)

    assert [problem.key for problem in caught.value.problems] == [
        "idle_lock_minutes",
        "sever_url",
        "ca_bundle",
        "sync_interval_minutes",
    ]
    lines = str(caught.value).splitlines()
    assert len(lines) == 4
    assert all(line.startswith(f"{path}: ") for line in lines)


def test_the_app_does_not_start_half_configured(
    write_policy: WritePolicy, profile: ProfilePaths
) -> None:
    path = write_policy('idle_lock_minutes = 3\nlanguage = "klingon"\n')
    with pytest.raises(PolicyError, match="language"):
        Settings.load(profile, policy_path=path)
    assert not profile.settings.exists()


def test_a_policy_path_that_is_a_directory_is_an_error(policy_dir: Path) -> None:
    path = policy_dir / "policy.toml"
    path.mkdir()
    assert policy_problems(path) == [f"{path}: is a directory, not a file"]


def test_a_policy_link_to_a_missing_file_is_an_error(policy_dir: Path, tmp_path: Path) -> None:
    path = policy_dir / "policy.toml"
    os.symlink(tmp_path / "elsewhere.toml", path)
    assert policy_problems(path) == [f"{path}: is a link to a file that does not exist"]


def test_a_policy_saved_as_utf16_is_refused_with_advice(policy_dir: Path) -> None:
    path = policy_dir / "policy.toml"
    path.write_text("idle_lock_minutes = 5\n", encoding="utf-16")
    assert policy_problems(path) == [f"{path}: is not UTF-8 text; save it as UTF-8"]


def test_a_policy_saved_with_a_byte_order_mark_loads(policy_dir: Path) -> None:
    path = policy_dir / "policy.toml"
    path.write_text("idle_lock_minutes = 9\n", encoding="utf-8-sig")
    assert load_policy(path).values["idle_lock_minutes"] == 9
