"""XLSForm import: an .xlsx survey/choices/settings workbook into our form definition JSON.

`command.run_import(xlsx, out)` converts, checks with the form loader and writes only if
there is no error; `command.add_arguments` and `command.cmd_import_xlsform` make it the
`rhi-desktop import-xlsform` subcommand (import them from `command`: this package does
not, so that `python -m rhi_desktop.forms.xlsform.command` runs cleanly). Every finding
names its sheet, Excel row and column, in `report.ImportReport`.
"""

from rhi_desktop.forms.xlsform.convert import Conversion, convert_workbook, render_definition
from rhi_desktop.forms.xlsform.report import Cell, Finding, ImportReport, Severity

__all__ = [
    "Cell",
    "Conversion",
    "Finding",
    "ImportReport",
    "Severity",
    "convert_workbook",
    "render_definition",
]
