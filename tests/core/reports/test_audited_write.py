"""An export file and its audit event: the event is committed before the file appears, so
no moment of failure leaves an export on disk that the audit log does not show."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from rhi_desktop.reports.exports.audited_write import write_and_audit
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.store import Store

MADE = ExportFile(data=b"child_id,returned\nc-1,2026-02-01\n", rows=1, format="csv")
DETAIL = {"kind": "kpis", "format": "csv", "rows": 1}


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

    assert _exports(store) == [DETAIL]
    assert _left_behind(out.parent, out.name) == []
    assert (out / "keep").read_text() == "not ours"
