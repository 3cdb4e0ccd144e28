"""A first set-up or a wipe cut short (a crash, a power cut) between its two files leaves
a key file without its database, or a database without its key file. Neither opens; a
new set-up sets them aside under new names, deleting nothing, and goes ahead. A wipe
erases what was set aside with the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.session import create_profile, open_profile
from rhi_desktop.vault import SERVICE, Vault

PASSPHRASE = "correct horse battery staple 42"


def _made(paths: ProfilePaths) -> None:
    create_profile(paths, PASSPHRASE, Settings.load(paths), None).close()


def _set_aside(paths: ProfilePaths) -> list[str]:
    return sorted(p.name.split(".left-")[0] for p in paths.root.glob("*.left-*"))


def test_a_key_file_without_its_database_is_set_aside_by_a_new_set_up(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _made(paths)
    paths.db.unlink()  # cut short after the key file, before the database
    assert paths.is_unfinished() and not paths.is_complete()

    _made(paths)

    assert paths.is_complete() and not paths.is_unfinished()
    assert _set_aside(paths) == ["vault.json"]
    open_profile(paths, PASSPHRASE, Settings.load(paths), None).close()


@pytest.mark.parametrize("left", [("rhi.db",), ("rhi.db", "rhi.db-wal"), ("rhi.db-wal",)])
def test_a_database_without_its_key_file_is_set_aside_by_a_new_set_up(
    tmp_path: Path, left: tuple[str, ...]
) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _made(paths)
    paths.vault.unlink()  # a wipe cut short after the key file went
    for name in ("rhi.db", "rhi.db-wal", "rhi.db-shm"):
        path = paths.root / name
        if name in left and not path.exists():
            path.write_bytes(b"\0" * 4096)
        elif name not in left:
            path.unlink(missing_ok=True)
    assert paths.is_unfinished()

    _made(paths)

    assert _set_aside(paths) == sorted(left)
    open_profile(paths, PASSPHRASE, Settings.load(paths), None).close()


def test_a_whole_profile_is_never_set_aside(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _made(paths)
    assert paths.is_complete() and not paths.is_unfinished()
    with pytest.raises(Exception, match="already has a key file"):
        _made(paths)
    assert _set_aside(paths) == []


def test_a_wipe_erases_set_aside_files_and_the_keystore_share_they_name(tmp_path: Path) -> None:
    """A set-aside key file still opens its database if that comes back, so a wipe
    (policy or revocation) erases what was set aside too, and the share it names."""
    keystore = PlaintextKeyring()
    keystore.file_path = str(tmp_path / "keystore.cfg")
    paths = ProfilePaths(tmp_path / "profile")
    first = create_profile(paths, PASSPHRASE, Settings.load(paths), keystore)
    first_entry = first.vault.db_id
    first.close()
    paths.db.unlink()  # the database went missing: its key file is set aside
    create_profile(paths, PASSPHRASE, Settings.load(paths), keystore).close()
    paths.vault.unlink()  # a wipe cut short: the database is set aside
    latest = create_profile(paths, PASSPHRASE, Settings.load(paths), keystore)
    latest.close()
    assert _set_aside(paths) == ["rhi.db", "vault.json"]
    assert keystore.get_password(SERVICE, first_entry) is not None
    set_aside = set(paths.root.glob("*.left-*"))
    assert set_aside <= set(paths.data_files())  # overwritten before removal, as the rest

    Vault.load(paths, keystore=keystore).wipe()

    assert _set_aside(paths) == []
    assert not any(path.exists() for path in paths.data_files())
    assert keystore.get_password(SERVICE, first_entry) is None
    assert keystore.get_password(SERVICE, latest.vault.db_id) is None


def test_a_wipe_erases_a_set_aside_key_file_it_cannot_read(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "profile")
    _made(paths)
    paths.db.unlink()
    _made(paths)
    (left,) = paths.root.glob("vault.json.left-*")
    left.write_text("{ damaged", encoding="utf-8")

    Vault.load(paths).wipe()

    assert not left.exists() and not paths.vault.exists() and not paths.db.exists()
