"""`rhi-desktop export KIND ...` as IT and coordinators run it: a real profile unlocked with
its passphrase, the file written, the export audited, one line said."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.reports.exports.command import add_arguments, cmd_export
from rhi_desktop.session import OpenProfile, create_profile, open_profile
from tests.core.reports.casebook import Casebook, london
from tests.core.reports.test_geojson import LOOKUP
from tests.core.reports.test_geojson import build as build_places
from tests.core.reports.test_kpis import build_january
from tests.core.reports.test_ssda903 import EXPECTED as SSDA903_EXPECTED
from tests.core.reports.test_ssda903 import build_year

PASS = "correct horse \u0141\u00f3d\u017a staple"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhi-desktop export")
    add_arguments(parser)
    return parser


def _run(*argv: str, stdin: str = PASS + "\n") -> tuple[int, str, io.StringIO]:
    args = _parser().parse_args(list(argv))
    given, out = io.StringIO(stdin), io.StringIO()
    code = cmd_export(args, given, out)
    return code, out.getvalue(), given


def _open(root: Path) -> OpenProfile:
    paths = ProfilePaths(root)
    return open_profile(paths, PASS, Settings.load(paths), None)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A profile with January 2026's cases, a collection year's episodes, and places."""
    root = tmp_path_factory.mktemp("export") / "profile"
    paths = ProfilePaths(root)
    made = create_profile(paths, PASS, Settings.load(paths), None)
    with made.store as store:
        book = Casebook(store)
        build_january(book)
        build_year(book)
        build_places(Casebook(store))
    yield root


def _last_export(root: Path) -> dict[str, object]:
    opened = _open(root)
    with opened.store as store:
        events = [e for e in store.audit.events() if e.action == "export"]
        assert store.audit.verify().ok
    return dict(events[-1].detail)


def test_kpi_export_writes_the_file_audits_it_and_says_so_in_one_line(
    profile: Path, tmp_path: Path
) -> None:
    out_file = tmp_path / "kpi-2026-01.csv"
    code, said, _ = _run(
        "kpi", "--profile", str(profile), "--passphrase-stdin", "--out", str(out_file),
        "--month", "2026-01",
    )  # fmt: skip
    assert code == 0
    assert said == f"Wrote 1 row to {out_file} (kpi, csv).\n"
    lines = out_file.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("Period start,Period end,Status,Records,Found episodes,")
    # January's seven found episodes, and the two of the places interviews (3, 9 January).
    assert lines[1].startswith("2026-01-01,2026-01-31,provisional,all records,9,")
    assert out_file.stat().st_mode & 0o777 == 0o600  # it holds personal data
    assert _last_export(profile) == {
        "kind": "kpi",
        "format": "csv",
        "rows": 1,
        "first_day": "2026-01-01",
        "last_day": "2026-01-31",
    }


def test_ssda903_export_writes_the_dfe_table(profile: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "missing.csv"
    code, said, _ = _run(
        "ssda903-missing", "--profile", str(profile), "--passphrase-stdin",
        "--out", str(out_file), "--collection-year", "2026-27",
    )  # fmt: skip
    assert code == 0, said
    assert out_file.read_bytes() == SSDA903_EXPECTED.encode("utf-8")
    assert _last_export(profile) == {
        "kind": "ssda903-missing",
        "format": "csv",
        "rows": 6,
        "collection_year": "2026-27",
    }


def test_annex_a_export_follows_the_xlsx_extension(profile: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "list8.xlsx"
    code, _, _ = _run(
        "annex-a-list8", "--profile", str(profile), "--passphrase-stdin",
        "--out", str(out_file), "--as-at", "2026-11-30",
    )  # fmt: skip
    assert code == 0
    sheet = load_workbook(out_file).active
    assert sheet is not None
    assert sheet["A1"].value == "Child Unique ID"
    # Looked after: A, C, D, F (January) and LAC-001, 003 and 004 (the collection year) =
    # 7. LAC-002 turned 18 on 1 September 2026, and care ended then.
    assert sheet.max_row == 8


def test_geojson_export_says_how_many_places_it_could_not_place(
    profile: Path, tmp_path: Path
) -> None:
    lookup = tmp_path / "postcodes.csv"
    lookup.write_text(LOOKUP, encoding="utf-8")
    out_file = tmp_path / "places.geojson"
    code, said, _ = _run(
        "geojson", "--profile", str(profile), "--passphrase-stdin", "--out", str(out_file),
        "--from", "2026-01-01", "--to", "2026-01-31", "--postcode-lookup", str(lookup),
    )  # fmt: skip
    assert code == 0
    assert said.count("\n") == 1 and "3 mapped places" in said and "2 places not placed" in said
    assert _last_export(profile)["not_placed"] == 2


def test_an_ssda903_export_with_problems_writes_nothing_and_lists_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "profile"
    paths = ProfilePaths(root)
    made = create_profile(paths, PASS, Settings.load(paths), None)
    with made.store as store:
        book = Casebook(store)
        child = book.child("LAC-010", looked_after=True)
        book.episode(child, london(2026, 6, 1, 9), london(2026, 6, 5, 9))
        book.episode(child, london(2026, 6, 3, 9), london(2026, 6, 4, 9))
    out_file = tmp_path / "missing.csv"
    code, said, _ = _run(
        "ssda903-missing", "--profile", str(root), "--passphrase-stdin",
        "--out", str(out_file), "--collection-year", "2026-27",
    )  # fmt: skip
    assert code == 1
    assert not out_file.exists()
    assert said.startswith("LAC-010: the episode overlaps the child's previous episode")
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "was not written" in error
    opened = _open(root)
    with opened.store as store:
        assert not [e for e in store.audit.events() if e.action == "export"]


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (("ssda903-missing",), "needs --collection-year"),
        (("kpi",), "needs --month, or --from and --to"),
        (("kpi", "--month", "2026-13"), "numbered 1 to 12"),
        (("kpi", "--month", "2026-01", "--from", "2026-01-01"), "not both"),
        (("annex-a-list8", "--uasc", "yes"), "takes no filters"),
        (("ssda903-missing", "--collection-year", "2026-27", "--format", "xlsx"), "one format"),
        (("kpi", "--month", "2026-01", "--postcode-lookup", "x.csv"), "geojson only"),
        (("ssda903-missing", "--collection-year", "2026-28"), "runs into the next year"),
        (("annex-a-list8", "--as-at", "30/11/2026"), "--as-at needs a date"),
        (("kpi", "--month", "2026-01", "--collection-year", "2026-27"), "ssda903-missing only"),
    ],
)
def test_options_that_do_not_fit_are_refused_before_asking_for_the_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], problem: str
) -> None:
    out_file = tmp_path / "never.csv"
    code, said, stdin = _run(
        argv[0], "--profile", str(tmp_path / "none"), "--passphrase-stdin",
        "--out", str(out_file), *argv[1:],
    )  # fmt: skip
    assert code == 1 and said == ""
    assert stdin.tell() == 0  # the passphrase was never read
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and problem in error
    assert not out_file.exists()


@pytest.mark.parametrize(
    ("argv", "out", "problem"),
    [
        (
            ("ssda903-missing", "--collection-year", "2026-27"),
            "return.xlsx",
            "writes CSV here, but --out is named .xlsx: name it .csv.",
        ),
        (("kpi", "--month", "2026-01", "--format", "csv"), "kpi.xlsx", "or give --format xlsx."),
        (("annex-a-list8", "--format", "xlsx"), "list8.CSV", "writes XLSX here"),
        (("geojson", "--month", "2026-01"), "places.csv", "writes GeoJSON here"),
    ],
)
def test_a_file_named_for_another_format_is_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    out: str,
    problem: str,
) -> None:
    """Excel refuses a CSV named .xlsx: the name and what is written must agree."""
    code, said, stdin = _run(
        argv[0], "--profile", str(tmp_path / "none"), "--passphrase-stdin",
        "--out", str(tmp_path / out), *argv[1:],
    )  # fmt: skip
    assert (code, said, stdin.tell()) == (1, "", 0)
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and problem in error
    assert not (tmp_path / out).exists()


def test_the_audit_says_which_day_an_annex_a_list_was_as_at(profile: Path, tmp_path: Path) -> None:
    code, _, _ = _run(
        "annex-a-list8", "--profile", str(profile), "--passphrase-stdin",
        "--out", str(tmp_path / "list8.csv"), "--as-at", "2026-11-30",
    )  # fmt: skip
    assert code == 0
    assert _last_export(profile)["as_at"] == "2026-11-30"


def test_the_audit_says_which_records_a_filtered_export_covered_by_ids_only(
    profile: Path, tmp_path: Path
) -> None:
    code, _, _ = _run(
        "kpi", "--profile", str(profile), "--passphrase-stdin",
        "--out", str(tmp_path / "kpi.csv"), "--month", "2026-01",
        "--interviewer", "iv-1", "--team-member", "iv-1", "--team-member", "iv-2",
        "--uasc", "yes", "--looked-after", "no", "--type", "A",
    )  # fmt: skip
    assert code == 0
    assert _last_export(profile) == {
        "kind": "kpi",
        "format": "csv",
        "rows": 1,
        "first_day": "2026-01-01",
        "last_day": "2026-01-31",
        "filter_interviewer": "iv-1",
        "filter_team_members": 2,
        "filter_uasc": True,
        "filter_looked_after": False,
        "filter_type": "A",
    }
