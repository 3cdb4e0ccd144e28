"""`rhi-desktop export report --month YYYY-MM --profile DIR --passphrase-stdin --out FILE`.

The monthly PDF report, headless. It takes the same options as the other exports
(`rhi_desktop.reports.exports.command`) and opens the profile the same way; the report
is of one month (`--month`), optionally filtered as `export kpi` is. Charts are Qt
graphics, so this needs a Qt application: it makes one on the offscreen platform when
there is no display. The PDF is written atomically (0600) and the export audited like
every other; success prints one line, a failure one line on standard error and exit 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rhi_desktop import cli
from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths, default_profile_dir
from rhi_desktop.reports.errors import ReportError
from rhi_desktop.reports.exports import command as export_command
from rhi_desktop.reports.exports.audited_write import audit_detail, profile_forms, write_and_audit
from rhi_desktop.reports.exports.export_file import ExportFile
from rhi_desktop.reports.periods import Period
from rhi_desktop.session import open_profile
from rhi_desktop.vault import detect_keystore
from ui.display import has_display


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhi-desktop export", description=export_command.HELP)
    export_command.add_arguments(parser)
    return parser


def check_options(args: argparse.Namespace) -> Period:
    """The report's month; ReportError for options the report does not take."""
    if not args.month:
        raise ReportError("export report needs --month, e.g. --month 2026-01.")
    if args.first_day or args.last_day:
        raise ReportError("export report is of one month: give --month, not --from and --to.")
    for given, option in (
        (args.collection_year, "--collection-year"),
        (args.as_at, "--as-at"),
        (args.postcode_lookup, "--postcode-lookup"),
        (args.format, "--format"),
    ):
        if given:
            raise ReportError(f"export report takes no {option}.")
    return Period.parse_month(args.month)


def _qt_application() -> object:
    """The running Qt application, or a new one (offscreen when there is no display)."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(["rhi-desktop"])


def cmd_report(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    month = check_options(args)
    filters = export_command.filters_from_args(args)
    out_path = Path(args.out)
    passphrase = cli.read_line(stdin, "the passphrase")
    paths = ProfilePaths(Path(args.profile) if args.profile else default_profile_dir())
    profile = open_profile(paths, passphrase, Settings.load(paths), detect_keystore())
    app = _qt_application()
    from rhi_desktop.reports.monthly import monthly_report
    from ui.reports.pdf_report import render_report

    with profile.store as store:
        report = monthly_report(store, month, filters, forms=profile_forms(paths.root))
        pdf, pages = render_report(report)
        made = ExportFile(pdf, pages, "pdf")
        detail = audit_detail(export_command.REPORT, made, period=month)
        write_and_audit(store, profile.actor, out_path, made, detail)
    del app
    print(f"Wrote the {pages}-page monthly report for {month.label} to {out_path} (pdf).", file=out)
    return 0


def main(argv: Sequence[str], stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    """`argv` starts with "export report"."""
    args = build_parser().parse_args(list(argv[1:]))
    return cli.run_command(
        cmd_report, args, stdin or sys.stdin, out or sys.stdout, failures=(ReportError,)
    )
