"""Export…: the KPI table, the SSDA903 missing table, Annex A List 8, places as GeoJSON, or
the monthly PDF report, written to a file the person chooses and audited.

The exporters are the same as `rhi-desktop export` runs, on the background worker; the
PDF is drawn on the GUI thread between the two. The outcome stays in the dialog: where
the file went and how many rows, or why nothing was written (an SSDA903 refusal lists
each child and rule the DfE's validation would reject, so they can be corrected).

For the tables offered as CSV or Excel, the file's name decides, as for the command:
a name ending .csv or .xlsx is written in that format (the drop-down follows it), and a
name with neither gets the drop-down's extension; choosing a format renames the file.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.config import ConfigError, Settings
from rhi_desktop.counted import by_count
from rhi_desktop.domain.deadlines import london_date
from rhi_desktop.reports.exports.audited_write import profile_forms
from rhi_desktop.reports.exports.export_file import FORMAT_NAMES, ExportFile, named_format
from rhi_desktop.reports.exports.ssda903 import Ssda903Refused
from rhi_desktop.reports.filters import Filters
from rhi_desktop.reports.monthly import MonthlyReport, monthly_report
from rhi_desktop.reports.periods import Period
from ui.announce import announce
from ui.dialog_parts import ask_first
from ui.messages import date_problem_text, error_text, file_error_text
from ui.profile_holder import ProfileAccess
from ui.reports.export_jobs import ExportKind, ExportRequest, export, write_report
from ui.reports.pdf_report import render_report
from ui.reports.period_picker import PeriodPicker, PeriodProblem
from ui.reports.ssda903_refusal import refusal_text, violation_text
from ui.screen_fit import resize_within_screen
from ui.uk_dates import InvalidDateText, format_uk_date, parse_uk_date
from ui.workers import SerialWorker

COLLECTION_YEARS = 5
TABLE_FORMATS = ("csv", "xlsx")


def table_format_of(name: str) -> str | None:
    """The table format a file name's extension names (any case), or None."""
    named = named_format(name)
    return named if named in TABLE_FORMATS else None


def with_table_extension(name: str, file_format: str) -> str:
    """`name` ending in `file_format`'s extension: kept if it has it, replacing the other
    table extension, else added (a name like "list8 v2.1" keeps its dot)."""
    named = table_format_of(name)
    if named == file_format:
        return name
    if named is None:
        return f"{name}.{file_format}"
    return f"{name[: -len(Path(name).suffix)]}.{file_format}"


def collection_year_of(day: date) -> str:
    """The DfE collection year (1 April to 31 March) `day` falls in, e.g. '2025-26'."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


class ExportDialog(QDialog):
    finished_export = Signal(bool)
    """True when a file was written, False when it was refused or failed."""

    def __init__(
        self,
        holder: ProfileAccess,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        worker: SerialWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._holder = holder
        self._clock = clock
        self._worker = worker if worker is not None else SerialWorker(self)
        self._exporting = False
        """An export is under way: a second press of Export is ignored. The button is not
        disabled, which would throw the keyboard focus on to Close."""
        today = london_date(clock())

        self.kind = QComboBox()
        self.kind.setObjectName("exportKind")
        self.kind.setAccessibleName(self.tr("What to export"))
        for text, kind in (
            (self.tr("KPI table"), ExportKind.KPI),
            (self.tr("SSDA903 missing table (DfE)"), ExportKind.SSDA903),
            (self.tr("Annex A List 8 missing columns (Ofsted)"), ExportKind.ANNEX_A),
            (self.tr("Places for the GIS map (GeoJSON)"), ExportKind.GEOJSON),
            (self.tr("Monthly report (PDF)"), ExportKind.REPORT),
        ):
            self.kind.addItem(text, kind.value)
        self.picker = PeriodPicker(clock, self)
        self.collection_year = QComboBox()
        self.collection_year.setObjectName("collectionYear")
        self.collection_year.setAccessibleName(self.tr("Collection year"))
        for back in range(COLLECTION_YEARS):
            year = collection_year_of(date(today.year - back, today.month, 1))
            self.collection_year.addItem(year, year)
        self.as_at = QLineEdit(format_uk_date(today))
        self.as_at.setObjectName("asAt")
        self.as_at.setAccessibleName(self.tr("As at (dd/mm/yyyy)"))
        self.file_format = QComboBox()
        self.file_format.setObjectName("fileFormat")
        self.file_format.setAccessibleName(self.tr("File format"))
        self.file_format.addItem(self.tr("CSV"), "csv")
        self.file_format.addItem(self.tr("Excel workbook (XLSX)"), "xlsx")
        self._filters = Filters()
        self._replace_agreed: Path | None = None
        self.records = QLabel(self.tr("All records"))
        self.records.setObjectName("exportRecords")
        self.records.setWordWrap(True)
        self.records.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.records.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.out = QLineEdit()
        self.out.setObjectName("exportFile")
        self.out.setAccessibleName(self.tr("File"))
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose the file"))
        self.choose.clicked.connect(self._choose_file)
        self.choose.setAutoDefault(False)  # Enter exports; it never opens the file chooser
        file_row = QHBoxLayout()
        file_row.addWidget(self.out, 1)
        file_row.addWidget(self.choose)

        form = QFormLayout()
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        for key, text, field in (
            ("kind", self.tr("&Export:"), self.kind),
            ("period", self.tr("Period:"), self.picker),
            ("year", self.tr("Collection &year:"), self.collection_year),
            ("as_at", self.tr("&As at:"), self.as_at),
            ("records", self.tr("Records:"), self.records),
            ("format", self.tr("Fo&rmat:"), self.file_format),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
            self._rows[key] = (label, field)
        file_label = QLabel(self.tr("Fi&le:"))
        file_label.setBuddy(self.out)
        form.addRow(file_label, file_row)

        self.outcome = QLabel()
        self.outcome.setObjectName("exportResult")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.outcome.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop once it says something
        self.problems = QListWidget()
        self.problems.setObjectName("exportProblems")
        self.problems.setAccessibleName(self.tr("Problems to correct"))
        self.problems.setWordWrap(True)  # each problem is read whole, never cut off
        self.problems.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName(self.tr("Export"))
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(self.tr("Close"))
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)  # once inside the dialog, where Qt looks for it
        # Top to bottom, as the form reads; Qt passes over the rows a kind hides.
        order: list[QWidget] = [
            self.kind,
            self.picker.kind,
            self.picker.month,
            self.picker.first,
            self.picker.last,
            self.collection_year,
            self.as_at,
            self.records,
            self.file_format,
            self.out,
            self.choose,
            self.outcome,
            self.problems,
            self.export_button,
            close,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.file_format.currentIndexChanged.connect(self._format_changed)
        self.out.textChanged.connect(self._name_changed)
        self._kind_changed()
        resize_within_screen(self, 640, 420)

    # -- choices ---------------------------------------------------------------------------

    @property
    def chosen_kind(self) -> ExportKind:
        return ExportKind(str(self.kind.currentData()))

    def choose_kind(self, kind: ExportKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def preset_period(self, period: Period) -> None:
        if period.is_whole_month:
            self.picker.show_month(period)
        else:
            self.picker.show_range(period.first_day, period.last_day)

    def preset_filters(self, filters: Filters, described: str) -> None:
        """The dashboard's filters, which narrow the exports they apply to (`described`
        in the dashboard's own words)."""
        self._filters = filters
        self.records.setText(self.tr("All records") if filters.is_empty else described)

    def _kind_changed(self) -> None:
        kind = self.chosen_kind
        shown = {
            "period": kind.has_period,
            "year": kind is ExportKind.SSDA903,
            "as_at": kind is ExportKind.ANNEX_A,
            "records": kind.has_filters,
            "format": kind.has_table_format,
        }
        for key, visible in shown.items():
            label, field = self._rows[key]
            label.setVisible(visible)
            field.setVisible(visible)
        if kind is ExportKind.REPORT:
            self.picker.kind.setCurrentIndex(0)  # the report is of one month
        self.picker.kind.setEnabled(kind is not ExportKind.REPORT)

    def _suggested_name(self) -> str:
        kind = self.chosen_kind
        extension = kind.extension(str(self.file_format.currentData()))
        if kind is ExportKind.SSDA903:
            return f"ssda903-missing-{self.collection_year.currentData()}.csv"
        try:
            stem = self.picker.period().label.replace(" to ", "_") if kind.has_period else ""
        except PeriodProblem:
            stem = ""
        return f"{kind.value}-{stem}.{extension}" if stem else f"{kind.value}.{extension}"

    @property
    def _chosen_format(self) -> str:
        return str(self.file_format.currentData())

    def _name_changed(self, text: str) -> None:
        """A table's name ending .csv or .xlsx sets the format: the name decides."""
        named = table_format_of(text.strip())
        if self.chosen_kind.has_table_format and named not in (None, self._chosen_format):
            self.file_format.setCurrentIndex(self.file_format.findData(named))

    def _format_changed(self) -> None:
        """A format chosen for a table renames the file to its extension."""
        text = self.out.text().strip()
        named = table_format_of(text)
        if self.chosen_kind.has_table_format and named not in (None, self._chosen_format):
            self.out.setText(with_table_extension(text, self._chosen_format))

    def _file_types(self) -> dict[str, str]:
        """The file chooser's types for this kind (its filter text -> the format)."""
        kind = self.chosen_kind
        if kind.has_table_format:
            return {
                self.tr("CSV (*.csv)"): "csv",
                self.tr("Excel workbook (*.xlsx)"): "xlsx",
            }
        if kind is ExportKind.GEOJSON:
            return {self.tr("GeoJSON (*.geojson)"): "geojson"}
        if kind is ExportKind.REPORT:
            return {self.tr("PDF (*.pdf)"): "pdf"}
        return {self.tr("CSV (*.csv)"): "csv"}

    def _choose_file(self) -> None:
        start = self.out.text().strip() or str(Path.home() / self._suggested_name())
        types = self._file_types()
        current = next(
            (text for text, fmt in types.items() if fmt == self._chosen_format), next(iter(types))
        )
        chosen, picked = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), start, ";;".join(types), current
        )
        if not chosen:
            return
        named = chosen
        if self.chosen_kind.has_table_format and table_format_of(chosen) is None:
            # A name typed without an extension: the type picked in the chooser decides.
            picked_format = types.get(picked, self._chosen_format)
            self.file_format.setCurrentIndex(self.file_format.findData(picked_format))
            named = with_table_extension(chosen, picked_format)
        self.out.setText(named)
        if named == chosen:  # the chooser asked already whether to replace it
            self._replace_agreed = Path(chosen).expanduser()

    def _out_and_format(self, text: str) -> tuple[Path, str]:
        """The file to write and its format: for a table, the name's extension decides,
        and a name with neither extension gets the chosen format's. An export of one
        format refuses a name saying another (Excel will not open a CSV named .xlsx), and
        a name without an extension gets its own."""
        kind = self.chosen_kind
        if kind.has_table_format:
            file_format = table_format_of(text) or self._chosen_format
            return Path(with_table_extension(text, file_format)).expanduser(), file_format
        path = Path(text).expanduser()
        writes = kind.extension(self._chosen_format)
        named = named_format(path)
        if named == writes:
            return path, self._chosen_format
        if named is not None:
            raise PeriodProblem(
                self.tr("This export is written as {0}: end the file's name with .{1}.").format(
                    FORMAT_NAMES[writes], writes
                ),
                self.out,
            )
        return path.with_name(f"{path.name}.{writes}"), self._chosen_format

    def request(self) -> ExportRequest:
        """What was chosen; PeriodProblem (with the field to fix) when something is not."""
        kind = self.chosen_kind
        text = self.out.text().strip()
        if not text:
            raise PeriodProblem(self.tr("Choose the file to write."), self.out)
        period = self.picker.period() if kind.has_period else None
        if kind is ExportKind.REPORT and period is not None and not period.is_whole_month:
            raise PeriodProblem(self.tr("The monthly report is of one month."), self.picker.kind)
        as_at = None
        if kind is ExportKind.ANNEX_A:
            try:
                as_at = parse_uk_date(self.as_at.text())
            except InvalidDateText as exc:
                raise PeriodProblem(
                    date_problem_text(exc.problem, self.tr("As at")), self.as_at
                ) from None
        out, file_format = self._out_and_format(text)
        return ExportRequest(
            kind=kind,
            out=out,
            period=period,
            collection_year=str(self.collection_year.currentData()),
            as_at=as_at,
            file_format=file_format,
            filters=self._filters if kind.has_filters else Filters(),
            postcode_lookup=self._postcode_lookup() if kind is ExportKind.GEOJSON else None,
        )

    def _postcode_lookup(self) -> Path | None:
        """IT's lookup from machine policy, read as the export starts (policy was checked
        when the app started; a file changed since then counts as none)."""
        try:
            return Settings.load(self._holder.profile.paths).postcode_lookup
        except ConfigError:
            return None

    # -- exporting ---------------------------------------------------------------------------

    def start_export(self) -> None:
        if self._exporting:
            return
        try:
            request = self.request()
        except PeriodProblem as problem:
            self._show(problem.text)
            problem.field.setFocus()
            return
        if not self._holder.is_open:
            return
        try:
            exists = request.out.exists()
        except OSError as exc:  # a name longer than the file system takes, say
            self._show(file_error_text(exc))
            self.out.setFocus()
            self.out.selectAll()
            return
        if exists and request.out != self._replace_agreed:
            self._ask_to_replace(request.out)
            return
        self._export(request)

    def _ask_to_replace(self, out: Path) -> None:
        def answered(_box: QMessageBox, replace: bool) -> None:
            if replace:
                self._replace_agreed = out
                self.start_export()

        def closed() -> None:
            if self._replace_agreed != out:  # kept: back to the file name, to change it
                self.out.setFocus()
                self.out.selectAll()

        box = ask_first(
            self,
            self.tr("Replace the file?"),
            self.tr("{0} already exists. Replace it with this export?").format(out.name),
            (self.tr("&Replace"), self.tr("Replace the file")),
            (self.tr("&Keep it"), self.tr("Keep the file")),
            answered,
        )
        box.finished.connect(closed)

    def _export(self, request: ExportRequest) -> None:
        store, actor = self._holder.store, self._holder.actor
        root = self._holder.profile.paths.root
        self._exporting = True
        self._show(self.tr("Exporting…"))
        if request.kind is ExportKind.REPORT:
            assert request.period is not None
            month = request.period
            self._worker.submit(
                lambda: monthly_report(store, month, forms=profile_forms(root)),
                lambda report: self._draw_report(request, report),
                self._failed,
            )
            return
        self._worker.submit(
            lambda: export(store, actor, root, request),
            lambda made: self._written(request, made),
            self._failed,
        )

    def _draw_report(self, request: ExportRequest, report: MonthlyReport) -> None:
        if not self._holder.is_open:
            self._exporting = False
            return
        pdf, pages = render_report(report)
        store, actor = self._holder.store, self._holder.actor
        self._worker.submit(
            lambda: write_report(store, actor, request, pdf, pages),
            lambda made: self._written(request, made),
            self._failed,
        )

    def _written(self, request: ExportRequest, made: ExportFile) -> None:
        self._exporting = False
        audited = self.tr("The export is recorded in the audit log.")
        if request.kind is ExportKind.GEOJSON:
            parts = [
                by_count(
                    made.rows,
                    self.tr("Wrote 1 mapped place to {1}."),
                    self.tr("Wrote {0} mapped places to {1}."),
                    request.out,
                )
            ]
            if made.not_placed:
                parts.append(
                    by_count(
                        made.not_placed,
                        self.tr(
                            "1 place could not be placed (no position, or a postcode not in "
                            "the lookup)."
                        ),
                        self.tr(
                            "{0} places could not be placed (no position, or a postcode not "
                            "in the lookup)."
                        ),
                    )
                )
            text = " ".join([*parts, audited])
        elif request.kind is ExportKind.REPORT:
            text = self.tr("Wrote the {0}-page report to {1}.").format(made.rows, request.out)
            text = f"{text} {audited}"
        else:
            text = by_count(
                made.rows,
                self.tr("Wrote 1 row to {1}."),
                self.tr("Wrote {0} rows to {1}."),
                request.out,
            )
            text = f"{text} {audited}"
        self._show(text)
        self.finished_export.emit(True)

    def _failed(self, exc: BaseException) -> None:
        self._exporting = False
        if isinstance(exc, Ssda903Refused):
            self._show(refusal_text(exc), [violation_text(v) for v in exc.violations])
            self.problems.setFocus()  # to read them one by one
        else:
            self._show(error_text(exc))
        self.finished_export.emit(False)

    def _show(self, text: str, problems: list[str] | None = None) -> None:
        """Shown below the form and read out: the focus stays where it was (or moves to
        the field to correct), so a screen reader would not otherwise hear it."""
        self.outcome.setText(text)
        self.outcome.setFocusPolicy(Qt.FocusPolicy.StrongFocus if text else Qt.FocusPolicy.NoFocus)
        announce(self.outcome, text)
        self.problems.clear()
        if problems:
            self.problems.addItems(problems)
            self.problems.show()
            self.problems.setCurrentRow(0)
        else:
            self.problems.hide()
