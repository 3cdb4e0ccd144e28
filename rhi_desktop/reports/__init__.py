"""Reports and exports (Qt-free): KPIs, themes, the high-risk panel list, statutory tables.

Figures are computed from the records on this device. Every figure carries the ids of
the records behind it, so a screen can show exactly which episodes, children or
interviews it counts. Charts and the PDF monthly report are drawn by `ui` from
`rhi_desktop.reports.monthly.MonthlyReport`.

Modules are imported directly (`from rhi_desktop.reports.kpi import kpi_table`).
"""
