"""From a workbook to a checked form: read each sheet, build the definition, run our loader.

The loader is the one authority on what a valid form is, so every converted definition
goes through `load_form`, even when the sheets already had errors: the designer gets
every problem in one run, and the loader's are located back to their cells. A cell that
already has an error of ours does not get the loader's echo of the same mistake, and a
cell that does not read as the designer sees it (an Excel error, a formula never computed,
a merge across rows) gets that one finding only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rhi_desktop.forms.form import Form
from rhi_desktop.forms.loader import FormDefinitionError, load_form
from rhi_desktop.forms.xlsform.calculations import settle_calculation_types
from rhi_desktop.forms.xlsform.choices import read_choices
from rhi_desktop.forms.xlsform.columns import map_columns
from rhi_desktop.forms.xlsform.field_types import FieldTypes, check_conditions
from rhi_desktop.forms.xlsform.labels import LabelReader
from rhi_desktop.forms.xlsform.origins import Origins
from rhi_desktop.forms.xlsform.reader import Sheet, Workbook, WorkbookError, read_workbook
from rhi_desktop.forms.xlsform.report import Cell, ImportReport
from rhi_desktop.forms.xlsform.same_day import same_day_comparisons
from rhi_desktop.forms.xlsform.settings import FormSettings, read_settings
from rhi_desktop.forms.xlsform.survey import read_survey
from rhi_desktop.forms.xlsform.translations import (
    Languages,
    parse_language,
    plan_languages,
    split_header,
)
from rhi_desktop.reports.report_keys import unread_keys

_SHEETS = ("survey", "choices", "settings")
Place = tuple[str | None, int | None, str | None]
"""(sheet, row, column letter), as `Finding.where` gives it."""


@dataclass(frozen=True)
class Conversion:
    report: ImportReport
    definition: dict[str, Any] | None
    """What was handed to the loader (None if the workbook could not be read)."""
    form: Form | None
    """The checked form; None whenever the report has an error."""


def convert_workbook(path: Path) -> Conversion:
    report = ImportReport()
    try:
        workbook = read_workbook(path)
    except WorkbookError as error:
        report.error(None, str(error))
        return Conversion(report, None, None)
    survey = workbook.sheet("survey")
    if survey is None:
        report.error(
            None,
            f"{path.name} has no 'survey' sheet: an XLSForm needs a sheet named survey "
            "(and choices and settings sheets where it uses them)",
        )
        return Conversion(report, None, None)
    for sheet in workbook.sheets.values():
        if sheet.name.lower() not in _SHEETS:
            report.warning(Cell(sheet.name), "sheet ignored: it is not part of XLSForm")
    unreadable = _report_unreadable_cells(workbook, report)
    sheets_report = ImportReport()
    built = _definition(workbook, survey, path, sheets_report)
    form = None if built is None else _check(*built, report=sheets_report)
    for finding in sheets_report.findings:
        if finding.where not in unreadable:
            report.add(finding)
    definition = None if built is None else built[0]
    return Conversion(report, definition, form if report.ok else None)


def _report_unreadable_cells(workbook: Workbook, report: ImportReport) -> set[Place]:
    """Report cells whose value is not what the designer sees in the spreadsheet, and
    return their places: anything else found there would only echo the same cause."""
    places: set[Place] = set()
    for cells, message in (
        (
            workbook.uncomputed,
            "this formula has no value computed by a spreadsheet, so it would read as "
            "empty: open and save the workbook in Excel or LibreOffice, or type the value",
        ),
        (
            workbook.not_dates,
            "this cell is formatted as a date but holds a number no date can be, so it "
            "reads as an error: format the cell as text and type the value again",
        ),
    ):
        for cell in cells:
            if cell.sheet.lower() in _SHEETS:
                places.add(cell.where)
                report.error(cell, message)
    for cell in workbook.changing:
        # The settings are stamped as saved: =TEXT(NOW(), "yyyymmddhh") is the usual
        # way to give each saved workbook a newer version.
        if cell.sheet.lower() in _SHEETS and cell.sheet.lower() != "settings":
            places.add(cell.where)
            report.error(
                cell,
                "this formula's value changes by the day or the draw (like =TODAY()), but "
                "the form would keep the one it had when the workbook was saved: type the "
                "value, or for today's date use today() in a calculation",
            )
    for shown in workbook.shown_errors:
        if shown.cell.sheet.lower() in _SHEETS:
            places.add(shown.cell.where)
            report.error(
                shown.cell,
                f"this cell shows the Excel error {shown.error}: fix the formula or type the text",
            )
    for merged in workbook.merged:
        if merged.first.sheet.lower() in _SHEETS:
            places |= merged.places
            report.error(
                merged.first,
                f"cells {merged.cells} are merged, so only row {merged.first.row} has the "
                "value: unmerge the cells and repeat the value on each row",
            )
    return places


def render_definition(form: Form) -> str:
    """The JSON we write: exactly what was checked, without fields left at their defaults."""
    data = form.definition.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _definition(
    workbook: Workbook, survey: Sheet, path: Path, report: ImportReport
) -> tuple[dict[str, Any], Origins, bool] | None:
    """The definition, where each part came from, and whether the choices sheet's
    columns could be read (else its lists are not checked)."""
    origins = Origins()
    settings = read_settings(workbook, path, report)
    _record_settings(settings, origins)
    choices_sheet = workbook.sheet("choices")
    translated = [sheet for sheet in (survey, choices_sheet) if sheet is not None]
    languages = plan_languages(
        translated, settings.default_language, settings.cells.get("default_language"), report
    )
    _record_languages(languages, translated, settings, origins)
    read = read_choices(workbook, languages, origins, report)
    choice_lists = {} if read is None else read
    columns = map_columns(survey, languages, report)
    labels = LabelReader(columns, languages, report)
    built = read_survey(
        survey, columns, labels, choice_lists, settings.title, origins, report,
        choices_read=read is not None,
    )  # fmt: skip
    labels.report_untranslated()
    if not built.sections:
        return None
    types = FieldTypes(built.sections, choice_lists)
    settle_calculation_types(built.calculations, types, report)
    check_conditions(built.conditions, types, report)
    definition: dict[str, Any] = {
        "form_id": settings.form_id,
        "version": settings.version,
        "title": settings.title,
    }
    if languages.codes is not None:
        definition["languages"] = list(languages.codes)
    definition["sections"] = built.sections
    definition["choice_lists"] = choice_lists
    return definition, origins, read is not None


def _check(
    definition: dict[str, Any], origins: Origins, choices_read: bool, *, report: ImportReport
) -> Form | None:
    ours = {finding.where for finding in report.errors}
    try:
        form = load_form(definition)
    except FormDefinitionError as error:
        for problem in error.problems:
            if not choices_read and ".choices: unknown choice list" in problem:
                continue  # the choices sheet could not be read, as was reported
            located = origins.locate(problem)
            if any(cell.where in ours for cell in located.candidates):
                continue  # the loader's echo of a mistake already reported at its cell
            report.error(located.cell, located.message)
        return None
    for problem in (*same_day_comparisons(form), *unread_keys(form)):
        located = origins.locate(problem)
        report.warning(located.cell, located.message)
    return form


def _record_settings(settings: FormSettings, origins: Origins) -> None:
    for name in ("form_id", "version", "title"):
        cell = settings.cells.get(name)
        if cell is not None:
            origins.record(name, cell)


def _record_languages(
    languages: Languages, sheets: list[Sheet], settings: FormSettings, origins: Origins
) -> None:
    if languages.codes is None:
        return
    for index, code in enumerate(languages.codes):
        cell = _first_header_in(code, sheets) or settings.cells.get("default_language")
        if cell is not None:
            origins.record(f"languages[{index}]", cell)


def _first_header_in(code: str, sheets: list[Sheet]) -> Cell | None:
    for sheet in sheets:
        for column in sheet.columns:
            header = split_header(column.header)
            language = parse_language(header.language) if header.language else None
            if language is not None and language.code == code:
                return sheet.header_cell(column)
    return None
