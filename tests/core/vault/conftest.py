"""Fixtures for the vault tests: real files, real Argon2id, real keyring backends.

A profile with a created vault is made once per session and copied per test, so most
tests pay for the key derivations they exercise and not for setting up.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.vault import Vault

PASSPHRASE = "correct horse battery staple"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class SteppingClock:
    """Injected time: tests move it forward instead of sleeping."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Profile:
    paths: ProfilePaths
    dek: bytes
    passphrase: str = PASSPHRASE

    def load(self) -> Vault:
        return Vault.load(self.paths)


@dataclass(frozen=True)
class RecoveryKeyPair:
    private_pem: bytes
    public_pem: bytes


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock()


@pytest.fixture
def paths(tmp_path: Path) -> ProfilePaths:
    return ProfilePaths(tmp_path / "profile")


def write_dummy_database(paths: ProfilePaths) -> None:
    """Stand-in database files: the vault must never touch them."""
    paths.db.write_bytes(os.urandom(8192))
    paths.wal.write_bytes(os.urandom(4096))


@pytest.fixture(scope="session")
def _template_profile(tmp_path_factory: pytest.TempPathFactory) -> Profile:
    paths = ProfilePaths(tmp_path_factory.mktemp("template") / "profile")
    _, dek = Vault.create(paths, PASSPHRASE)
    write_dummy_database(paths)
    return Profile(paths, dek)


@pytest.fixture
def profile(_template_profile: Profile, tmp_path: Path) -> Profile:
    """A passphrase-only profile with a vault and database files, fresh for each test."""
    root = tmp_path / "profile"
    shutil.copytree(_template_profile.paths.root, root)
    return Profile(ProfilePaths(root), _template_profile.dek)


@pytest.fixture
def file_keystore(tmp_path: Path) -> PlaintextKeyring:
    """A real keyring backend whose storage is a file this test owns (a stand-in for the
    OS keystore, which these machines do not have)."""
    keystore = PlaintextKeyring()
    keystore.file_path = str(tmp_path / "keystore" / "keyring_pass.cfg")
    (tmp_path / "keystore").mkdir()
    return keystore


def rsa_pair(bits: int) -> RecoveryKeyPair:
    """A fresh RSA key pair as PEM, as IT holds an organisation recovery key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return RecoveryKeyPair(
        private_pem=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        public_pem=key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


@pytest.fixture(scope="session")
def org_recovery_key() -> RecoveryKeyPair:
    return rsa_pair(3072)


@pytest.fixture(scope="session")
def other_org_recovery_key() -> RecoveryKeyPair:
    return rsa_pair(3072)


@pytest.fixture
def settings() -> Settings:
    """What a machine with no policy and no user choices runs with."""
    return Settings.load(None)
