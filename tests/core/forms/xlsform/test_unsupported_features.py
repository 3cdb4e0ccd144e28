"""An ODK form full of features we cannot run is refused with one complete, located report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rhi_desktop.forms.xlsform import Severity
from rhi_desktop.forms.xlsform.command import run_import
from tests.core.forms.xlsform import xlsforms

Write = Callable[..., Path]

S = "survey"
EXPECTED_ERRORS = {
    ("settings", 2, "C"),  # version 'v2'
    (S, 3, "A"),  # geopoint
    (S, 4, "A"),  # image
    (S, 5, "A"),  # barcode
    (S, 7, "F"),  # choice_filter
    (S, 8, "H"),  # read_only without a calculation
    (S, 9, "I"),  # parameters on an integer
    (S, 10, "J"),  # trigger
    (S, 10, "K"),  # media::image
    (S, 11, "E"),  # jr:choice-name()
    (S, 12, "E"),  # pulldata()
    (S, 13, "D"),  # once()
    (S, 14, "D"),  # position()
    (S, 15, "E"),  # concat()
    (S, 16, "D"),  # indexed-repeat()
    (S, 17, "G"),  # repeat_count from an answer
    (S, 20, "I"),  # range with a step of 0.5
    (S, 21, "A"),  # or_other
    (S, 22, "A"),  # acknowledge
    (S, 23, "A"),  # hidden
    (S, 24, "D"),  # relevance reads the geopoint that was not imported
}
EXPECTED_WARNINGS = {
    (S, 6, "A"),  # start metadata
    (S, 11, "A"),  # calculations are shown read-only
    (S, 12, "A"),
    (S, 18, "L"),  # appearance w2
    ("choices", 1, "D"),  # a choice_filter column on the choices sheet
    ("settings", 2, "B"),  # not the form interviews are started on
}
EXPECTED_INFOS: set[tuple[str, int, str]] = set()


def test_unsupported_types_columns_and_functions_are_each_reported_at_their_cell(
    workbook: Write, tmp_path: Path
) -> None:
    out = tmp_path / "odk.json"
    result = run_import(workbook(xlsforms.UNSUPPORTED), out)

    report = result.report
    assert not result.ok
    assert not out.exists()
    assert {f.where for f in report.errors} == EXPECTED_ERRORS
    assert len(report.errors) == len(EXPECTED_ERRORS)  # one clear line each, no echoes
    assert {f.where for f in report.warnings} == EXPECTED_WARNINGS
    assert {f.where for f in report.infos} == EXPECTED_INFOS


def test_unsupported_report_names_the_feature_and_the_column_header(workbook: Write) -> None:
    report = run_import(workbook(xlsforms.UNSUPPORTED), Path("unused.json")).report
    lines = report.render().splitlines()

    def line_at(row: int, column: str) -> str:
        (found,) = [f for f in report.findings if f.where == (S, row, column)]
        return found.render()

    assert line_at(3, "A").startswith("error: survey row 3, column A (type): type 'geopoint'")
    assert "column F (choice_filter): choice filters" in line_at(7, "F")
    assert "column K (media::image)" in line_at(10, "K")
    assert "pulldata() is not supported" in line_at(12, "E")
    assert "jr:choice-name() is not supported" in line_at(11, "E")
    assert "concat() is not supported" in line_at(15, "E")
    assert (
        "${where_found} is the 'geopoint' question in survey row 3, which is not imported"
        in line_at(24, "D")
    )
    assert line_at(6, "A").startswith("warning: survey row 6, column A (type): not imported")
    assert "'v2' must be a whole number" in lines[0]
    assert [f.severity for f in report.findings] == sorted(
        (f.severity for f in report.findings),
        key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index,
    )


def test_appearances_that_decide_the_answer_are_refused_not_called_layout(
    workbook: Write, tmp_path: Path
) -> None:
    # They were 'ignored: RHI Desktop lays out questions itself', and the import went on:
    # a search() list offered only its placeholder choice, 'name_label'.
    sheets = {
        S: [
            ["type", "name", "label", "appearance"],
            ["select_one la", "la", "Local authority", "search('local_authorities')"],
            ["select_one la", "la2", "Area", "minimal search('areas', 'matches', 'la', ${la})"],
            ["text", "ref", "Case reference", "ex:uk.gov.scanner(mode='case')"],
            ["text", "code", "Door code", "masked"],
        ],
        "choices": [["list_name", "name", "label"], ["la", "name_key", "name_label"]],
    }
    result = run_import(workbook(sheets), tmp_path / "out.json")
    assert not result.ok and not (tmp_path / "out.json").exists()
    report = result.report
    errors = {f.where: f.message for f in report.errors}
    assert set(errors) == {(S, 2, "D"), (S, 3, "D"), (S, 4, "D")}
    assert "takes the choices from a file" in errors[S, 2, "D"]
    assert "takes the choices from a file" in errors[S, 3, "D"]
    assert "has another app fill in the answer" in errors[S, 4, "D"]
    warnings = {f.where: f.message for f in report.warnings}
    assert "'minimal' ignored" in warnings[S, 3, "D"]
    assert "put yes in the sensitive column" in warnings[S, 5, "D"]


def test_rows_marked_disabled_are_refused_with_advice_that_keeps_them_out(
    workbook: Write,
) -> None:
    """pyxform leaves out rows marked disabled. Called an unknown column whose notes
    could be deleted, deleting it would have imported the retired questions."""
    sheets = {
        "survey": [
            ["type", "name", "label", "disabled"],
            ["text", "now", "Asked now"],
            ["text", "retired", "No longer asked", "yes"],
        ],
        "settings": [["form_id", "version"], ["disabled", 1]],
    }
    report = run_import(workbook(sheets), Path("unused.json")).report
    (error,) = report.errors
    assert error.where == (S, 3, "D")
    assert "delete the rows marked yes (deleting the column instead would import them)" in (
        error.message
    )
