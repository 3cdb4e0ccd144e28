"""`rhi-desktop export KIND --profile DIR --passphrase-stdin --out FILE [options]`.

Kinds:
- `kpi` (`--month YYYY-MM`, or `--from DATE --to DATE`): the KPI table, CSV or XLSX.
- `ssda903-missing --collection-year YYYY-YY`: the DfE table; refused, with the child
  and rule for each problem, if any row would break the DfE's rules.
- `annex-a-list8 [--as-at DATE]`: Ofsted Annex A List 8 columns, CSV or XLSX.
- `geojson` (period as for kpi) `[--postcode-lookup FILE]`: places for the GIS (the lookup
  defaults to the policy's `postcode_lookup`).
- `report --month YYYY-MM`: the monthly PDF report. It draws charts, so the desktop
  app's entry point (`ui.reports.pdf_command`) runs it; this Qt-free command refuses it.

Filters (kpi, geojson): `--interviewer ID`, `--team-member ID` (repeat for each member),
`--uasc yes|no`, `--looked-after yes|no`, `--type M|A`. The CSV/XLSX choice follows
`--format`, else the extension of `--out`.

The passphrase is the first line of standard input, as for every headless command. The
file is written atomically (0600: it holds personal data) and the export is audited
with its kind, format, row count and which records (period or as-at day, filters by
ids; no personal data); if the audit cannot be written the file is removed again
(`audited_write`, shared with the app's Export dialog).
Success prints one line; a failure prints one line on standard error and returns 1
(an SSDA903 refusal first lists its problems on standard output, one per line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TextIO

from rhi_desktop.audit import DetailValue
from rhi_desktop.config import Settings
from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import london_date, utc_now
from rhi_desktop.domain.entities import EpisodeType
from rhi_desktop.profile import ProfilePaths, default_profile_dir
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.exports.annex_a import annex_a_list8
from rhi_desktop.reports.exports.audited_write import audit_detail, profile_forms, write_and_audit
from rhi_desktop.reports.exports.csv_xlsx import kpi_export
from rhi_desktop.reports.exports.export_file import FORMAT_NAMES, ExportFile, named_format
from rhi_desktop.reports.exports.geojson import places_geojson
from rhi_desktop.reports.exports.ssda903 import Ssda903Refused, ssda903_missing
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.periods import Period, PeriodError
from rhi_desktop.session import open_profile
from rhi_desktop.store import Store
from rhi_desktop.vault import detect_keystore

REPORT = "report"  # the monthly PDF: drawn with Qt, so run by the app's entry point
KINDS = ("kpi", "ssda903-missing", "annex-a-list8", "geojson", REPORT)
HELP = (
    "write a report file: kpi, ssda903-missing, annex-a-list8, geojson or report (the monthly PDF)"
)
_PERIOD_KINDS = ("kpi", "geojson")
_TABLE_KINDS = ("kpi", "annex-a-list8")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Everything `export` takes, --profile and --passphrase-stdin included."""
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("--profile", metavar="DIR", help="profile directory (default: per-user)")
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        required=True,
        help="read the passphrase from the first line of standard input",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    parser.add_argument("--format", choices=("csv", "xlsx"), help="default: from --out")
    parser.add_argument("--month", metavar="YYYY-MM")
    parser.add_argument("--from", dest="first_day", metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="last_day", metavar="YYYY-MM-DD")
    parser.add_argument("--collection-year", metavar="YYYY-YY", help="e.g. 2026-27")
    parser.add_argument("--as-at", metavar="YYYY-MM-DD", help="annex-a-list8 (default: today)")
    parser.add_argument("--postcode-lookup", metavar="FILE", help="CSV: postcode,lat,lon")
    parser.add_argument("--interviewer", metavar="ID")
    parser.add_argument("--team-member", action="append", metavar="ID")
    parser.add_argument("--uasc", choices=("yes", "no"))
    parser.add_argument("--looked-after", choices=("yes", "no"))
    parser.add_argument("--type", choices=[t.value for t in EpisodeType], dest="episode_type")


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(f"{option} needs a date as YYYY-MM-DD.") from None


def _period(args: argparse.Namespace) -> Period:
    if args.month and (args.first_day or args.last_day):
        raise PeriodError("Give either --month or --from and --to, not both.")
    if args.month:
        return Period.parse_month(args.month)
    if args.first_day and args.last_day:
        return Period(_day(args.first_day, "--from"), _day(args.last_day, "--to"))
    raise PeriodError(f"export {args.kind} needs --month, or --from and --to.")


def _flag(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def filters_from_args(args: argparse.Namespace) -> Filters:
    return Filters(
        interviewer_id=args.interviewer,
        team=None if args.team_member is None else frozenset(args.team_member),
        uasc=_flag(args.uasc),
        looked_after=_flag(args.looked_after),
        episode_type=None if args.episode_type is None else EpisodeType(args.episode_type),
    )


def _file_format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    return "xlsx" if named_format(args.out) == "xlsx" else "csv"


_ONE_FORMAT = {"ssda903-missing": "csv", "geojson": "geojson"}


def _check_file_name(args: argparse.Namespace) -> None:
    """A file named .xlsx holds a workbook, and so on: a name saying another format than
    the export writes is refused (a spreadsheet program refuses to open such a file)."""
    named = named_format(args.out)
    writes = _ONE_FORMAT.get(args.kind) or _file_format(args)
    if named is not None and named != writes:
        choose = f", or give --format {named}" if args.kind in _TABLE_KINDS else ""
        raise ReportError(
            f"export {args.kind} writes {FORMAT_NAMES[writes]} here, but --out is named .{named}: "
            f"name it .{writes}{choose}."
        )


def _check_options(args: argparse.Namespace) -> None:
    """Refuse options that do not fit the kind before asking for the passphrase."""
    if args.kind == REPORT:
        raise ReportError("export report draws charts: run it as rhi-desktop export report.")
    if args.kind == "ssda903-missing":
        if not args.collection_year:
            raise ReportError("export ssda903-missing needs --collection-year, e.g. 2026-27.")
        Period.collection_year(args.collection_year)
    elif args.collection_year:
        raise ReportError("--collection-year applies to export ssda903-missing only.")
    if args.as_at:
        if args.kind != "annex-a-list8":
            raise ReportError("--as-at applies to export annex-a-list8 only.")
        _day(args.as_at, "--as-at")
    if args.kind not in _PERIOD_KINDS and (args.month or args.first_day or args.last_day):
        raise ReportError(f"export {args.kind} takes no --month, --from or --to.")
    if args.kind not in _PERIOD_KINDS and filters_from_args(args) != Filters():
        raise ReportError(
            f"export {args.kind} covers every looked-after child; it takes no filters."
        )
    if args.kind not in _TABLE_KINDS and args.format:
        raise ReportError(f"export {args.kind} has one format; --format does not apply.")
    if args.postcode_lookup and args.kind != "geojson":
        raise ReportError("--postcode-lookup applies to export geojson only.")
    if args.kind in _PERIOD_KINDS:
        _period(args)
    _check_file_name(args)


def _produce(args: argparse.Namespace, store: Store, paths: ProfilePaths) -> ExportFile:
    if args.kind == "kpi":
        return kpi_export(
            store, _period(args), filters_from_args(args), file_format=_file_format(args)
        )
    if args.kind == "ssda903-missing":
        return ssda903_missing(store, Period.collection_year(args.collection_year))
    if args.kind == "annex-a-list8":
        return annex_a_list8(store, _day(args.as_at, "--as-at"), file_format=_file_format(args))
    # The lookup named here, else IT's from machine policy (`postcode_lookup`).
    lookup = (
        Path(args.postcode_lookup) if args.postcode_lookup else Settings.load(paths).postcode_lookup
    )
    return places_geojson(
        store,
        _period(args),
        filters_from_args(args),
        lookup_file=lookup,
        forms=profile_forms(paths.root),
    )


def _fix_as_at(args: argparse.Namespace) -> None:
    """Annex A is as at today unless --as-at says: fixed once, so the list and its audit
    event name the same day even across midnight."""
    if args.kind == "annex-a-list8" and not args.as_at:
        args.as_at = london_date(utc_now()).isoformat()


def _audit_detail(args: argparse.Namespace, made: ExportFile) -> Mapping[str, DetailValue]:
    return audit_detail(
        args.kind,
        made,
        period=_period(args) if args.kind in _PERIOD_KINDS else None,
        collection_year=args.collection_year if args.kind == "ssda903-missing" else None,
        as_at=_day(args.as_at, "--as-at") if args.kind == "annex-a-list8" else None,
        filters=filters_from_args(args) if args.kind in _PERIOD_KINDS else None,
    )


def _summary(args: argparse.Namespace, made: ExportFile, out_path: Path) -> str:
    if args.kind == "geojson":
        mapped = by_count(made.rows, "1 mapped place", "{0} mapped places")
        not_placed = by_count(made.not_placed, "1 place", "{0} places")
        return (
            f"Wrote {mapped} to {out_path} (geojson); {not_placed} not placed (no position, "
            "or postcode not in the lookup)."
        )
    rows = by_count(made.rows, "1 row", "{0} rows")
    return f"Wrote {rows} to {out_path} ({args.kind}, {made.format})."


def _fail(message: str) -> int:
    print(f"rhi-desktop: {message}", file=sys.stderr)
    return 1


def cmd_export(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    out_path = Path(args.out)
    try:
        _check_options(args)
    except ReportError as error:
        return _fail(str(error))
    _fix_as_at(args)
    line = stdin.readline()
    if not line:
        return _fail("expected the passphrase on standard input, got nothing")
    passphrase = line.removesuffix("\n").removesuffix("\r")
    paths = ProfilePaths(Path(args.profile) if args.profile else default_profile_dir())
    profile = open_profile(paths, passphrase, Settings.load(paths), detect_keystore())
    with profile.store as store:
        try:
            made = _produce(args, store, paths)
        except Ssda903Refused as refused:
            for violation in refused.violations:
                print(str(violation), file=out)
            return _fail(str(refused))
        except ReportError as error:
            return _fail(str(error))
        write_and_audit(store, profile.actor, out_path, made, _audit_detail(args, made))
    print(_summary(args, made, out_path), file=out)
    return 0
