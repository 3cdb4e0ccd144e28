"""The embedded SQLite database holds every child's record in plain text: only the
service's own account may open it, however permissive the umask it is started with."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from sync.server.db import DatabaseFileExposed, open_engine, writing
from tests.sync.server.cli_process import rhi_central

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The common default: new files readable by everyone. Child processes inherit it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_under_a_permissive_umask_creates_a_database_only_its_owner_can_open(
    tmp_path: Path, permissive_umask: None
) -> None:
    database = tmp_path / "central.db"

    done = rhi_central("init", "--db", f"sqlite:///{database}")

    assert done.returncode == 0, done.stderr
    assert _mode(database) == 0o600


def test_the_write_ahead_log_and_shared_memory_files_are_owner_only_too(
    tmp_path: Path, permissive_umask: None
) -> None:
    database = tmp_path / "central.db"
    engine = open_engine(f"sqlite:///{database}")
    try:
        with writing(engine) as conn:
            conn.execute(text("CREATE TABLE probe (n INTEGER)"))
        with engine.connect() as conn:  # open, so the -wal and -shm files are still there
            conn.execute(text("SELECT count(*) FROM probe"))
            companions = [Path(f"{database}-wal"), Path(f"{database}-shm")]
            assert [_mode(path) for path in companions] == [0o600, 0o600]
    finally:
        engine.dispose()


@pytest.mark.parametrize("exposed", ["central.db", "central.db-wal"])
@pytest.mark.parametrize("mode", [0o644, 0o640])
def test_service_refuses_to_start_on_a_database_other_accounts_can_read(
    tmp_path: Path, exposed: str, mode: int
) -> None:
    database = tmp_path / "central.db"
    url = f"sqlite:///{database}"
    assert rhi_central("init", "--db", url).returncode == 0
    (tmp_path / exposed).touch()
    (tmp_path / exposed).chmod(mode)

    for command in (["init"], ["serve", "--insecure-loopback"]):
        done = rhi_central(*command, "--db", url)

        assert done.returncode == 1, done.stderr
        assert done.stdout == "" and done.stderr.count("\n") == 1
        assert str(tmp_path / exposed) in done.stderr
        assert f"chmod 600 {tmp_path / exposed}" in done.stderr
    assert _mode(tmp_path / exposed) == mode  # left for its owner to put right
    with pytest.raises(DatabaseFileExposed):
        open_engine(url)


@contextmanager
def _as_another_account(path: Path) -> Iterator[None]:
    """This process as an account that is not the file's owner, as the service's account
    is when `init` was run as root. Not root (who may open anything), the owner takes
    all access away instead."""
    if os.geteuid() != 0:
        path.chmod(0o000)
        try:
            yield
        finally:
            path.chmod(0o600)
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


NOBODY = 65534


def test_a_database_another_account_owns_is_named_with_its_owner_not_a_driver_error() -> None:
    folder = Path(tempfile.mkdtemp(prefix="central-"))
    try:
        folder.chmod(0o755)  # the service's account can reach the file, not open it
        database = folder / "central.db"
        url = f"sqlite:///{database}"
        assert rhi_central("init", "--db", url).returncode == 0

        with _as_another_account(database), pytest.raises(DatabaseFileExposed) as refused:
            open_engine(url)

        said = str(refused.value)
        assert f"{database} belongs to {pwd.getpwuid(os.getuid()).pw_name}" in said
        assert "this account cannot read and write it" in said
    finally:
        shutil.rmtree(folder)
