"""The `choices` sheet: rows of list_name, name, label and hint into our shared choice
lists."""

from __future__ import annotations

import re
from typing import Any

from rhi_desktop.forms.model import IDENTIFIER
from rhi_desktop.forms.xlsform.columns import ColumnMap, choices_verdict, map_columns
from rhi_desktop.forms.xlsform.labels import (
    LabelReader,
    listed_rows,
    report_column_values,
    report_date_held,
)
from rhi_desktop.forms.xlsform.origins import Origins
from rhi_desktop.forms.xlsform.reader import Sheet, Workbook
from rhi_desktop.forms.xlsform.report import Cell, ImportReport, quoted
from rhi_desktop.forms.xlsform.translations import Languages
from rhi_desktop.plain_text import plain_text

ChoiceLists = dict[str, list[dict[str, Any]]]
IDENTIFIER_PATTERN = re.compile(IDENTIFIER)
LIST_NAME_RULE = "letters, digits and '_' only, not starting with a digit"


def read_choices(
    workbook: Workbook, languages: Languages, origins: Origins, report: ImportReport
) -> ChoiceLists | None:
    """Choice lists by name, in sheet order; every choice's row is recorded in `origins`.
    None when the sheet's columns cannot be read (reported): no list can be told apart."""
    sheet = workbook.sheet("choices")
    if sheet is None:
        return {}
    columns = map_columns(sheet, languages, report, choices=True)
    report_column_values(columns, report)
    missing = [name for name in ("list_name", "name", "label") if not columns.has(name)]
    for name in missing:
        # A label column whose language could not be read was reported already.
        if not any(choices_verdict(c.header).field == name for c in sheet.columns):
            report.error(Cell(sheet.name, 1), f"the choices sheet has no {name} column")
    if missing:
        return None
    labels = LabelReader(columns, languages, report)
    lists = _lists(sheet, columns, labels, origins, report)
    labels.report_untranslated()
    return lists


def _lists(
    sheet: Sheet,
    columns: ColumnMap,
    labels: LabelReader,
    origins: Origins,
    report: ImportReport,
) -> ChoiceLists:
    misnamed: dict[str, list[int]] = {}
    list_column, name_column = columns.plain["list_name"], columns.plain["name"]
    report_key = columns.plain.get("report_key")
    lists: ChoiceLists = {}
    for row in sheet.rows:
        list_name, value = (_plain(row.text(column)) for column in (list_column, name_column))
        held = [
            report_date_held(sheet.cell(row.number, column), row.value(column), text, report)
            for column, text in ((list_column, list_name), (name_column, value))
            if text is not None
        ]
        if any(held):
            continue
        label = labels.read(row, "label")
        if list_name is None:
            report.error(sheet.cell(row.number, list_column), "this choice has no list_name")
            continue
        if not IDENTIFIER_PATTERN.fullmatch(list_name):
            misnamed.setdefault(list_name, []).append(row.number)
            continue
        if value is None:
            report.error(sheet.cell(row.number, name_column), "this choice has no name")
            continue
        choices = lists.setdefault(list_name, [])
        path = f"choice_lists.{list_name}"
        if not choices:
            origins.record(path, Cell(sheet.name, row.number))
        origin = origins.record(f"{path}[{len(choices)}]", Cell(sheet.name, row.number))
        origin.set("value", sheet.cell(row.number, name_column))
        origin.set_shown("label", labels.cells(row, "label"))
        choice: dict[str, Any] = {"value": value}
        if label is None:
            report.error(labels.cell(row, "label"), f"choice {quoted(value)} has no label")
            label = value
        choice["label"] = label
        hint = labels.read(row, "hint")
        if hint is not None:
            choice["hint"] = hint
            origin.set_shown("hint", labels.cells(row, "hint"))
        key = row.text(report_key)
        if key is not None:
            choice["report_key"] = key
            origin.set("report_key", sheet.cell(row.number, report_key))
        choices.append(choice)
    for list_name, rows in misnamed.items():  # once a list, not once a choice
        report.error(
            sheet.cell(rows[0], list_column),
            f"list name {quoted(list_name)} must be {LIST_NAME_RULE} ({listed_rows(rows)})",
        )
    return lists


def _plain(text: str | None) -> str | None:
    """A name as pasted, made plain (no-break spaces, zero-width marks); None if empty."""
    return None if text is None else plain_text(text) or None
