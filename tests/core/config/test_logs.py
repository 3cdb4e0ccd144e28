"""The app's log file: created privately, rotated, at the configured level, without input."""

from __future__ import annotations

import io
import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pydantic
import pytest

from rhi_desktop.logs import (
    HANDLER_NAME,
    LOG_FILE_NAME,
    WITHHELD,
    LogFormatter,
    configure_logging,
    stop_file_logging,
)

log = logging.getLogger("rhi_desktop.tests.logs")


class ChildAge(pydantic.BaseModel):
    age: int


@pytest.fixture(autouse=True)
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    stop_file_logging()
    root.setLevel(level)


def read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_file_is_created_in_the_log_folder_for_the_user_only(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs" / "RHI Desktop"

    path = configure_logging("INFO", log_dir)
    log.info("interview %s opened", "9f1c2d3e")

    assert path == log_dir / LOG_FILE_NAME
    assert "INFO rhi_desktop.tests.logs: interview 9f1c2d3e opened" in read(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("level", "written", "dropped"),
    [
        ("WARNING", ["warning", "error"], ["debug", "info"]),
        ("debug", ["debug", "info", "warning", "error"], []),
        ("ERROR", ["error"], ["debug", "info", "warning"]),
    ],
)
def test_the_configured_level_decides_what_is_written(
    tmp_path: Path, level: str, written: list[str], dropped: list[str]
) -> None:
    path = configure_logging(level, tmp_path)
    log.debug("event debug")
    log.info("event info")
    log.warning("event warning")
    log.error("event error")

    text = read(path)
    assert all(f"event {name}" in text for name in written)
    assert not any(f"event {name}" in text for name in dropped)


def test_the_log_rotates_and_keeps_only_the_configured_number_of_files(tmp_path: Path) -> None:
    path = configure_logging("INFO", tmp_path, max_bytes=2_000, backup_count=2)
    for number in range(200):
        log.info("sync batch %04d pushed", number)
    read(path)

    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    assert "sync batch 0199 pushed" in read(path)
    assert "sync batch 0000 pushed" not in "".join(read(p) for p in tmp_path.iterdir())
    assert stat.S_IMODE((tmp_path / f"{LOG_FILE_NAME}.1").stat().st_mode) == 0o600


def test_changing_the_level_replaces_the_handler_instead_of_doubling_lines(
    tmp_path: Path,
) -> None:
    configure_logging("INFO", tmp_path)
    path = configure_logging("DEBUG", tmp_path)
    log.debug("audit chain verified")

    ours = [h for h in logging.getLogger().handlers if h.get_name() == HANDLER_NAME]
    assert len(ours) == 1
    assert read(path).count("audit chain verified") == 1


def test_validation_errors_are_logged_without_the_input_they_quote(tmp_path: Path) -> None:
    path = configure_logging("INFO", tmp_path)
    # Built at run time so the traceback's source lines cannot contain it.
    typed_in_wrong_box = "".join(["Si", "ân Łu", "kasz"])
    try:
        try:
            ChildAge.model_validate({"age": typed_in_wrong_box})
        except pydantic.ValidationError as exc:
            raise RuntimeError("import row 17 rejected") from exc
    except RuntimeError:
        log.exception("import failed for batch %s", "b-42")

    text = read(path)
    assert typed_in_wrong_box not in text
    assert "ân Łu" not in text
    assert f"pydantic_core._pydantic_core.ValidationError: {WITHHELD}" in text
    assert "The above exception was the direct cause of the following exception:" in text
    assert "RuntimeError: import row 17 rejected" in text
    assert "import failed for batch b-42" in text
    assert text.index("ValidationError") < text.index("RuntimeError")


def test_exceptions_raised_while_handling_others_keep_their_context(tmp_path: Path) -> None:
    path = configure_logging("INFO", tmp_path)
    try:
        try:
            raise KeyError("episode-7")
        except KeyError:
            raise ValueError("state change refused") from None
    except ValueError:
        log.exception("first")
    try:
        try:
            raise KeyError("episode-8")
        except KeyError:
            raise ValueError("second failure")  # noqa: B904
    except ValueError:
        log.exception("second")

    text = read(path)
    first, second = text.split(" second\n")
    assert "episode-7" not in first
    assert "ValueError: state change refused" in first
    assert "KeyError: 'episode-8'" in second
    assert "During handling of the above exception, another exception occurred:" in second


def test_log_times_are_utc() -> None:
    record = logging.LogRecord("rhi", logging.INFO, __file__, 1, "unlocked", None, None)
    record.created = 0.25
    record.msecs = 250.0
    assert LogFormatter().format(record) == "1970-01-01T00:00:00.250Z INFO rhi: unlocked"


def test_an_unknown_level_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown log level 'VERBOSE'"):
        configure_logging("VERBOSE", tmp_path)
    assert not (tmp_path / LOG_FILE_NAME).exists()


def test_input_stays_out_of_the_file_when_another_handler_formatted_it_first(
    tmp_path: Path,
) -> None:
    console = logging.StreamHandler(io.StringIO())
    root = logging.getLogger()
    root.addHandler(console)
    try:
        path = configure_logging("INFO", tmp_path)
        rejected = "".join(["07700 ", "900123"])
        try:
            ChildAge.model_validate({"age": rejected})
        except pydantic.ValidationError:
            log.exception("contact import failed")
    finally:
        root.removeHandler(console)

    assert rejected in console.stream.getvalue()  # the plain formatter ran first
    assert rejected not in read(path)
    assert WITHHELD in read(path)
