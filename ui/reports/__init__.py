"""The coordinator's report screens: KPI dashboard, themes, high-risk panel, exports, PDF.

Figures come from `rhi_desktop.reports` (Qt-free); these modules show them, chart them
and write files. Each screen is a page with `reload()` (read everything again from the
store) and `clear()` (drop every row it holds, when the app locks).
"""
