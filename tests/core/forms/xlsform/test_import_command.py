"""`import-xlsform`: all or nothing, the report on stderr, one summary line on success."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from rhi_desktop.forms import load_form_file
from rhi_desktop.forms.xlsform.command import main, run_import
from tests.core.forms.xlsform import xlsforms

Write = Callable[..., Path]
ROOT = Path(__file__).resolve().parents[4]


def test_successful_import_writes_a_form_the_app_loads(workbook: Write, tmp_path: Path) -> None:
    out = tmp_path / "episode-log.json"
    result = run_import(workbook(xlsforms.EPISODE_LOG), out)

    assert result.ok and result.written == out
    assert load_form_file(out).definition == (result.form.definition if result.form else None)
    assert result.summary() == (
        f"Imported form 'episode_log' version 7: 1 section, 9 questions, 1 choice list, "
        f"4 warnings -> {out}"  # one: not the form interviews are started on
    )
    assert not list(tmp_path.glob(".*.tmp"))


def test_failed_import_leaves_an_earlier_output_file_untouched(
    workbook: Write, tmp_path: Path
) -> None:
    out = tmp_path / "form.json"
    out.write_bytes(b'{"previous": "version"}\n')
    result = run_import(workbook(xlsforms.UNSUPPORTED), out)

    assert not result.ok and result.form is None and result.written is None
    assert out.read_bytes() == b'{"previous": "version"}\n'
    assert (
        result.summary()
        == f"Import failed with {len(result.report.errors)} errors: nothing written."
    )


def test_output_that_cannot_be_written_is_an_error_not_a_crash(
    workbook: Write, tmp_path: Path
) -> None:
    result = run_import(workbook(xlsforms.CHECK_IN), tmp_path / "missing-dir" / "form.json")

    assert not result.ok
    (error,) = result.report.errors
    assert error.cell is None
    assert error.message == f"cannot write form.json: there is no folder {tmp_path / 'missing-dir'}"


def test_output_replaces_an_earlier_form_definition_and_nothing_else(
    workbook: Write, tmp_path: Path
) -> None:
    out = tmp_path / "check-in.json"
    assert run_import(workbook(xlsforms.CHECK_IN), out).ok
    assert run_import(workbook(xlsforms.CHECK_IN), out).ok  # imported again, over itself

    other = tmp_path / "other.xlsx"
    other.write_bytes(b"PK\x03\x04 someone's workbook")
    notes = tmp_path / "notes.json"
    notes.write_text('{"not": "a form"}')
    for precious in (other, notes):
        before = precious.read_bytes()
        result = run_import(workbook(xlsforms.CHECK_IN), precious)
        assert not result.ok
        (error,) = result.report.errors
        assert error.message.startswith(f"--out names {precious.name}, which is not a form")
        assert precious.read_bytes() == before


def test_output_holding_another_form_or_version_is_kept_not_replaced(
    workbook: Write, tmp_path: Path
) -> None:
    """Interviews started on a version need its definition: importing another form, or
    the next version, over it lost it without a word."""
    out = tmp_path / "forms.json"
    assert run_import(workbook(xlsforms.CHECK_IN), out).ok
    before = out.read_bytes()
    held = load_form_file(out)
    sheets = dict(xlsforms.CHECK_IN)
    settings = [list(row) for row in sheets["settings"]]
    column = settings[0].index("version")
    settings[1][column] = held.version + 1
    result = run_import(workbook({**sheets, "settings": settings}, name="next.xlsx"), out)

    assert not result.ok
    (error,) = result.report.errors
    assert error.message == (
        f"--out names forms.json, which holds form '{held.form_id}' version {held.version}: "
        f"write '{held.form_id}' version {held.version + 1} to another file (interviews "
        "started on a version need its definition kept), or move that file away first"
    )
    assert out.read_bytes() == before
    other = run_import(workbook(xlsforms.EPISODE_LOG, name="log.xlsx"), out)
    assert not other.ok and out.read_bytes() == before


def test_output_naming_the_workbook_itself_is_refused(workbook: Write) -> None:
    xlsx = workbook(xlsforms.CHECK_IN)
    before = xlsx.read_bytes()
    result = run_import(xlsx, xlsx)

    assert not result.ok
    assert xlsx.read_bytes() == before


def test_command_prints_notes_to_stderr_and_one_summary_line_to_stdout(
    workbook: Write, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "check-in.json"
    code = main([str(workbook(xlsforms.CHECK_IN)), "--out", str(out)])

    captured = capsys.readouterr()
    assert code == 0
    assert captured.out.splitlines() == [
        "Imported form 'supervision_checkin' version 3: 1 section, 8 questions, "
        f"1 choice list, 1 warning -> {out}"
    ]
    assert captured.err.splitlines() == [
        "warning: settings row 2, column B (form_id): interviews are started only on form "
        "'rhi', so devices will install form 'supervision_checkin' but never start an "
        "interview on it: to change the interview form, set form_id to rhi and version to "
        "one above the newest published",
        "info: survey row 2: questions outside any group, from this row on, are placed in "
        "a section 'main' titled with the form title",
    ]
    assert load_form_file(out).form_id == "supervision_checkin"


def test_command_run_as_a_module_exits_1_with_the_whole_report(
    workbook: Write, tmp_path: Path
) -> None:
    out = tmp_path / "odk.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "rhi_desktop.forms.xlsform.command",
            str(workbook(xlsforms.UNSUPPORTED)),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )

    assert finished.returncode == 1
    assert finished.stdout == ""
    lines = finished.stderr.splitlines()
    assert "Traceback" not in finished.stderr
    assert sum(line.startswith("error: ") for line in lines) == 21
    assert sum(line.startswith("warning: ") for line in lines) == 6
    assert "error: survey row 12, column E (calculation): pulldata() is not supported" in (
        finished.stderr
    )
    assert lines[-1] == "Import failed with 21 errors: nothing written."
    assert not out.exists()


def test_a_form_interviews_are_not_started_on_is_said_to_be_so(
    workbook: Write, tmp_path: Path
) -> None:
    """A council's own interview form under its own form_id imports, publishes and is
    installed, but the app starts every interview on form 'rhi': said at once."""
    other = run_import(workbook(xlsforms.CHECK_IN), tmp_path / "check-in.json").report
    interview = run_import(workbook(xlsforms.INTERVIEW), tmp_path / "rhi.json").report

    (warning,) = [f for f in other.warnings if f.where == ("settings", 2, "B")]
    assert "never start an interview on it" in warning.message
    assert "set form_id to rhi" in warning.message
    assert not [f for f in interview.findings if f.where[0] == "settings"]
