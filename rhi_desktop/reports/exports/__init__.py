"""Files for other systems: KPI tables, the SSDA903 missing table, Annex A List 8, GeoJSON.

Every export is written atomically and audited by `exports.command`; the modules here
only turn figures and records into bytes.
"""
