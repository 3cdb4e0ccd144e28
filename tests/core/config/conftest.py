"""Throw-away certificates and keys, and small writers for policy and settings files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from rhi_desktop.profile import ProfilePaths

WritePolicy = Callable[[str], Path]


def public_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.fixture(scope="session")
def ca_certificate_pem() -> bytes:
    """A self-signed CA certificate, as IT would ship for a council's own CA."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Council Root CA")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


@pytest.fixture(scope="session")
def recovery_public_pem() -> bytes:
    return public_pem(rsa.generate_private_key(public_exponent=65537, key_size=3072))


@pytest.fixture
def ca_file(tmp_path: Path, ca_certificate_pem: bytes) -> Path:
    path = tmp_path / "council-ca.pem"
    path.write_bytes(ca_certificate_pem)
    return path


@pytest.fixture
def recovery_key_file(tmp_path: Path, recovery_public_pem: bytes) -> Path:
    path = tmp_path / "recovery-public.pem"
    path.write_bytes(recovery_public_pem)
    return path


@pytest.fixture
def policy_dir(tmp_path: Path) -> Path:
    path = tmp_path / "machine"
    path.mkdir()
    return path


@pytest.fixture
def write_policy(policy_dir: Path) -> WritePolicy:
    def write(text: str) -> Path:
        path = policy_dir / "policy.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def missing_policy(policy_dir: Path) -> Path:
    return policy_dir / "policy.toml"


@pytest.fixture
def profile(tmp_path: Path) -> ProfilePaths:
    root = tmp_path / "profile"
    root.mkdir()
    return ProfilePaths(root)
