"""`rhi-desktop import-xlsform FILE.xlsx --out FORM.json`: turn an XLSForm into our form JSON.

All or nothing: with any error nothing is written (an earlier FORM.json is left as it
was), the whole report goes to stderr and the exit code is 1. Otherwise the checked
definition is written atomically, warnings and notes go to stderr, and one summary line
goes to stdout. FORM.json may replace an earlier form definition, never any other file.
Also runnable as `python -m rhi_desktop.forms.xlsform.command`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rhi_desktop.atomic_file import write_atomically
from rhi_desktop.forms.form import Form
from rhi_desktop.forms.xlsform.convert import convert_workbook, render_definition
from rhi_desktop.forms.xlsform.report import ImportReport, quoted

HELP = "convert an XLSForm workbook (.xlsx) into a form definition (JSON)"


@dataclass(frozen=True)
class ImportResult:
    report: ImportReport
    form: Form | None
    """The checked form that was written; None if the import failed."""
    written: Path | None

    @property
    def ok(self) -> bool:
        return self.written is not None

    def summary(self) -> str:
        if self.form is None or self.written is None:
            return (
                f"Import failed with {_count(len(self.report.errors), 'error')}: nothing written."
            )
        form = self.form
        parts = [
            f"Imported form '{form.form_id}' version {form.version}: "
            f"{_count(len(form.sections), 'section')}",
            _count(len(form.fields), "question"),
            _count(len(form.definition.choice_lists), "choice list"),
        ]
        if form.definition.languages:
            parts.append(f"languages {', '.join(form.definition.languages)}")
        if self.report.warnings:
            parts.append(_count(len(self.report.warnings), "warning"))
        return ", ".join(parts) + f" -> {self.written}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def run_import(xlsx: Path, out: Path) -> ImportResult:
    """Convert `xlsx` and, only if there is no error, write the definition to `out`."""
    conversion = convert_workbook(xlsx)
    report = conversion.report
    form = conversion.form
    if form is None:
        return ImportResult(report, None, None)
    if out.resolve() == xlsx.resolve():
        report.error(None, "--out names the workbook itself; choose a .json file")
        return ImportResult(report, None, None)
    held = _held(out)
    if held is None:
        report.error(
            None,
            f"--out names {out.name}, which is not a form definition: choose another name, "
            "or move that file away first",
        )
        return ImportResult(report, None, None)
    if held and held != (form.form_id, form.version):
        held_id, held_version = held
        report.error(
            None,
            f"--out names {out.name}, which holds form {quoted(str(held_id))} version "
            f"{held_version}: write {quoted(form.form_id)} version {form.version} to another "
            "file (interviews started on a version need its definition kept), or move that "
            "file away first",
        )
        return ImportResult(report, None, None)
    if not out.parent.is_dir():
        report.error(None, f"cannot write {out.name}: there is no folder {out.parent}")
        return ImportResult(report, None, None)
    try:
        write_atomically(out, render_definition(form).encode("utf-8"))
    except OSError as error:
        report.error(None, f"cannot write {out.name}: {error.strerror or type(error).__name__}")
        return ImportResult(report, None, None)
    return ImportResult(report, form, out)


LARGEST_FORM = 16 * 1024 * 1024
"""Bytes: far more than any form definition takes."""


def _held(out: Path) -> tuple[object, object] | tuple[()] | None:
    """The form id and version of the definition `out` holds; () if there is no file;
    None if it holds something else, which writing it would lose."""
    try:
        if not out.exists():
            return ()
        if not out.is_file() or out.stat().st_size > LARGEST_FORM:
            return None
        found = json.loads(out.read_bytes())
    except (OSError, ValueError):  # unreadable, not JSON, not text
        return None
    if not isinstance(found, dict) or "form_id" not in found:
        return None
    return found["form_id"], found.get("version")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("xlsx", type=Path, metavar="FILE.xlsx", help="the XLSForm workbook")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="FORM.json", help="where to write the form"
    )


def cmd_import_xlsform(
    args: argparse.Namespace,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """The subcommand handler: (args, stdin, stdout) like the other `rhi-desktop` commands."""
    del stdin  # nothing is read from standard input
    out = out or sys.stdout
    err = err or sys.stderr
    result = run_import(args.xlsx, args.out)
    if result.report.findings:
        print(result.report.render(), file=err)
    if not result.ok:
        print(result.summary(), file=err)
        return 1
    print(result.summary(), file=out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhi-desktop import-xlsform", description=HELP)
    add_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return cmd_import_xlsform(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
