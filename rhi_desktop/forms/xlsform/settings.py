"""The `settings` sheet: form id, title, version and default language.

Interviews pin a form's id and whole-number version, so a version XLSForm tools write as
text ("2024031501") is read as its digits, and anything else is an error rather than a
guess. Settings that only matter to ODK servers are listed as ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rhi_desktop.forms.loader import INTERVIEW_FORM_ID
from rhi_desktop.forms.model import MAX_VERSION
from rhi_desktop.forms.xlsform.reader import Row, Sheet, Workbook, cell_text
from rhi_desktop.forms.xlsform.report import Cell, ImportReport, quoted

_ALIASES = {"id_string": "form_id", "title": "form_title"}
_USED = ("form_id", "form_title", "version", "default_language")
_IGNORED = {
    "instance_name": "interviews are named by the child and date, not by a formula",
    "public_key": "RHI Desktop encrypts every interview itself",
    "submission_url": "interviews sync to the RHI central service",
    "style": "RHI Desktop lays out forms itself",
}


@dataclass(frozen=True)
class FormSettings:
    form_id: str
    title: str
    version: int
    default_language: str | None
    cells: dict[str, Cell] = field(default_factory=dict)
    """Where each of form_id, title, version and default_language came from."""


def read_settings(workbook: Workbook, source: Path, report: ImportReport) -> FormSettings:
    sheet = workbook.sheet("settings")
    values: dict[str, object] = {}
    cells: dict[str, Cell] = {}
    if sheet is None:
        report.info(Cell("settings"), "no settings sheet: the form id comes from the file name")
    else:
        _read_row(sheet, values, cells, report)
    form_id = cell_text(values.get("form_id"))
    if form_id is None:
        form_id = _id_from_file_name(source)
        if sheet is not None:
            report.info(Cell(sheet.name), f"no form_id: using '{form_id}', from the file name")
    if form_id != INTERVIEW_FORM_ID:
        report.warning(
            cells.get("form_id", Cell(sheet.name if sheet is not None else "settings")),
            f"interviews are started only on form {quoted(INTERVIEW_FORM_ID)}, so devices "
            f"will install form {quoted(form_id)} but never start an interview on it: to "
            f"change the interview form, set form_id to {INTERVIEW_FORM_ID} and version to "
            "one above the newest published",
        )
    title = cell_text(values.get("form_title"))
    if title is None:
        title = form_id
        if sheet is not None:
            report.info(Cell(sheet.name), "no form_title: the form is titled with its form_id")
        cells["title"] = cells.get("form_id", Cell("settings"))
    version = _version(values.get("version"), cells.get("version"), report)
    return FormSettings(
        form_id=form_id,
        title=title,
        version=version,
        default_language=cell_text(values.get("default_language")),
        cells=cells,
    )


def _read_row(
    sheet: Sheet, values: dict[str, object], cells: dict[str, Cell], report: ImportReport
) -> None:
    row = sheet.rows[0] if sheet.rows else Row(2, ())
    for extra in sheet.rows[1:]:
        report.warning(sheet.cell(extra.number, None), "only the first row of settings is read")
    for column in sheet.columns:
        name = column.header.strip().lower()
        name = _ALIASES.get(name, name)
        cell = sheet.cell(row.number, column)
        if name in _USED:
            if name in values:
                report.error(sheet.header_cell(column), f"a second {name} column")
                continue
            values[name] = row.value(column)
            cells["title" if name == "form_title" else name] = cell
        elif row.value(column) is not None:
            reason = _IGNORED.get(name, "RHI Desktop has no such setting")
            report.warning(cell, f"ignored: {reason}")
    for stray in sheet.stray_cells():
        report.warning(stray, "ignored: this value has no column header")


def _version(value: object, cell: Cell | None, report: ImportReport) -> int:
    where = cell or Cell("settings")
    if value is None:
        report.warning(
            where,
            "no version: using 1. Give every changed form a higher version, so interviews "
            "started on the old one keep working",
        )
        return 1
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    text = cell_text(value) or ""
    if number is None and re.fullmatch(r"\d+", text):
        number = int(text)
    if number is not None:
        if 1 <= number <= MAX_VERSION:
            return number
        report.error(
            where,
            f"version {quoted(text)} must be from 1 to {MAX_VERSION}: a date and a count, "
            "like 2024031501, fits",
        )
        return 1
    report.error(
        where,
        f"version {quoted(text)} must be a whole number, like 3 or 2024031501 "
        "(RHI Desktop compares versions as numbers)",
    )
    return 1


def _id_from_file_name(source: Path) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", source.stem.lower()).strip("-_")
    slug = re.sub(r"^[^a-z]+", "", slug)
    return slug[:64] or "form"
