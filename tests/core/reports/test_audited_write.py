"""An export file and its audit event: the event is committed before the file appears, so
no moment of failure leaves an export on disk that the audit log does not show."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from rhi_desktop.atomic_file import leftover_temporaries
from rhi_desktop.audit import DetailValue
from rhi_desktop.reports.exports.audited_write import write_and_audit
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.store import Store
from rhi_desktop.store.exports_under_way import clear_interrupted_exports

MADE = ExportFile(data=b"child_id,returned\nc-1,2026-02-01\n", rows=1, format="csv")
DETAIL: dict[str, DetailValue] = {"kind": "kpis", "format": "csv", "rows": 1}


def _exports(store: Store) -> list[dict[str, object]]:
    return [dict(e.detail) for e in store.audit.events() if e.action == "export"]


def _left_behind(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name != name)


def test_an_export_is_written_owner_only_and_audited(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "kpis.csv"
    out.parent.mkdir()

    write_and_audit(store, "co-1", out, MADE, DETAIL)

    assert out.read_bytes() == MADE.data
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert _exports(store) == [DETAIL]
    assert store.audit.verify().ok
    assert _left_behind(out.parent, out.name) == []


def test_when_the_audit_cannot_be_written_no_file_appears_and_an_earlier_one_is_kept(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "kpis.csv"
    out.write_bytes(b"last month's export\n")
    store.close()  # as when the app locks while an export is being made

    with pytest.raises(Exception, match="closed"):
        write_and_audit(store, "co-1", out, MADE, DETAIL)

    assert out.read_bytes() == b"last month's export\n"
    assert _left_behind(tmp_path, out.name) == [tmp_path / "rhi.db"]


def test_the_export_is_in_the_audit_log_before_its_file_appears(
    store: Store, tmp_path: Path
) -> None:
    # A folder in the file's place makes the last step, putting the file there, fail:
    # what is left shows the order of the steps, as a crash between them would.
    out = tmp_path / "exports" / "kpis.csv"
    out.mkdir(parents=True)
    (out / "keep").write_text("not ours")

    with pytest.raises(OSError):
        write_and_audit(store, "co-1", out, MADE, DETAIL)

    exported, not_written = _exports(store)
    assert exported == DETAIL  # recorded first; then that the file never appeared
    assert not_written["written"] is False
    assert _left_behind(out.parent, out.name) == []
    assert (out / "keep").read_text() == "not ours"


def test_a_file_that_cannot_be_put_in_place_is_recorded_as_not_written(
    store: Store, tmp_path: Path
) -> None:
    # As when last month's file is open in Excel: the export is audited, then the rename
    # over the old file fails. The log must not be left saying the file was written.
    out = tmp_path / "kpis.csv"
    out.mkdir()

    with pytest.raises(IsADirectoryError):
        write_and_audit(store, "co-1", out, MADE, DETAIL)

    exported, not_written = [e for e in store.audit.events() if e.action == "export"]
    assert dict(exported.detail) == DETAIL
    assert dict(not_written.detail) == {**DETAIL, "written": False, "reason": "EISDIR"}
    assert not_written.entity_id == exported.id
    assert store.audit.verify().ok
    assert leftover_temporaries(out) == []


def _crash_while_staged(out: Path, data: bytes) -> None:
    """A separate process stages `data` for `out` and dies before renaming it, as a
    crash or power cut between the two steps would."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from rhi_desktop.atomic_file import staged\n"
        "with staged(Path(sys.argv[1]), sys.argv[2].encode()):\n"
        "    os._exit(9)\n"
    )
    died = subprocess.run([sys.executable, "-c", code, str(out), data.decode()], check=False)
    assert died.returncode == 9


def test_an_export_removes_the_unaudited_copies_a_crash_left_and_counts_them(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "kpis.csv"
    _crash_while_staged(out, b"child_id\nc-9\n")
    _crash_while_staged(out, b"child_id\nc-8\n")
    _crash_while_staged(tmp_path / "other.csv", b"child_id\nc-7\n")
    others = leftover_temporaries(tmp_path / "other.csv")
    assert len(leftover_temporaries(out)) == 2 and len(others) == 1

    write_and_audit(store, "co-1", out, MADE, DETAIL)

    assert out.read_bytes() == MADE.data
    assert leftover_temporaries(out) == []
    assert leftover_temporaries(tmp_path / "other.csv") == others  # another file's: kept
    assert _exports(store) == [{**DETAIL, "leftovers_removed": 2}]


def test_a_name_with_pattern_characters_clears_only_its_own_copies(
    store: Store, tmp_path: Path
) -> None:
    """Brackets, stars and question marks in a chosen name are letters, not a pattern:
    the export's own hidden copy goes, and a copy of 'KPIs d.csv' beside it stays."""
    out = tmp_path / "KPIs [draft]*?.csv"
    _crash_while_staged(out, b"child_id\nc-9\n")
    _crash_while_staged(tmp_path / "KPIs d.csv", b"child_id\nc-8\n")
    neighbour = leftover_temporaries(tmp_path / "KPIs d.csv")
    assert len(leftover_temporaries(out)) == 1 and len(neighbour) == 1

    write_and_audit(store, "co-1", out, MADE, DETAIL)

    assert leftover_temporaries(out) == []
    assert leftover_temporaries(tmp_path / "KPIs d.csv") == neighbour
    assert _exports(store) == [{**DETAIL, "leftovers_removed": 1}]


def test_an_export_with_nothing_left_over_records_no_count(store: Store, tmp_path: Path) -> None:
    write_and_audit(store, "co-1", tmp_path / "kpis.csv", MADE, DETAIL)

    assert _exports(store) == [DETAIL]


def test_the_copy_an_export_cut_short_left_is_removed_whatever_is_exported_next(
    tmp_path: Path,
) -> None:
    """Killed between writing its copy and putting it in place, an export left a hidden
    full copy that only another export to the very same file would remove: the store now
    notes where each export is going, and the next unlock or export clears it."""
    dek = os.urandom(32)
    db = tmp_path / "rhi.db"
    Store.create(db, dek).close()
    out = tmp_path / "exports" / "list8.csv"
    out.parent.mkdir()
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from rhi_desktop.reports.exports import audited_write\n"
        "from rhi_desktop.reports.exports.export_file import ExportFile\n"
        "from rhi_desktop.store import Store\n"
        "def die(*args, **kwargs):\n"
        "    os._exit(9)  # the copy is written and flushed: the rename never comes\n"
        "audited_write._append_export_event = die\n"
        "store = Store.open(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))\n"
        "made = ExportFile(data=b'case,dob\\nC-1,2012-01-01\\n', rows=1, format='csv')\n"
        "audited_write.write_and_audit(store, 'co-1', Path(sys.argv[3]), made, {})\n"
    )
    died = subprocess.run([sys.executable, "-c", code, str(db), dek.hex(), str(out)], check=False)
    assert died.returncode == 9
    assert len(leftover_temporaries(out)) == 1 and not out.exists()

    store = Store.open(db, dek)
    try:
        assert store.exports_under_way.paths() == [out]
        assert clear_interrupted_exports(store, "co-1") == 1  # as the app does on unlock
        assert leftover_temporaries(out) == []
        assert store.exports_under_way.paths() == []
        write_and_audit(store, "co-1", tmp_path / "kpis.csv", MADE, DETAIL)
        assert _exports(store) == [DETAIL]  # nothing left to count
        assert store.exports_under_way.paths() == []
    finally:
        store.close()


def test_a_relative_name_is_noted_as_the_file_it_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rhi-desktop export --out month.csv` names a file in the folder it was typed in:
    noted as typed, the next unlock looked for its copy in the app's own folder, found
    none, and forgot it."""
    dek = os.urandom(32)
    store = Store.create(tmp_path / "rhi.db", dek)
    typed_in = tmp_path / "exports"
    typed_in.mkdir()
    monkeypatch.chdir(typed_in)
    with store.transaction("co-1") as tx:
        tx.exports_under_way.begin(Path("month.csv"))
    copy = typed_in / ".month.csv.x1y2z3.tmp"
    copy.write_text("case,dob\nC-1,2012-01-01\n")
    monkeypatch.chdir(tmp_path)  # the app, later, in another folder
    try:
        assert store.exports_under_way.paths() == [typed_in / "month.csv"]
        assert clear_interrupted_exports(store, "co-1") == 1
        assert not copy.exists()
    finally:
        store.close()
