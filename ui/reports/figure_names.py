"""What the screens and the PDF call each KPI, rate and verification state, translated.

The core names each figure once, in English (`kpi_definitions`); these are the same names
passed through Qt's translation, so a translated app shows translated figures. A figure
the core adds later without a name here falls back to the core's own label.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from rhi_desktop.reports.kpi_definitions import RATES, SPECS
from rhi_desktop.reports.verification import VerificationState
from ui.uk_dates import format_uk_date

translate = QCoreApplication.translate


def _figure_names() -> dict[str, str]:
    return {
        "found_episodes": translate("Kpi", "Found episodes"),
        "children": translate("Kpi", "Children"),
        "repeat_children_period": translate("Kpi", "Repeat missing children (in the period)"),
        "repeat_children_12_months": translate("Kpi", "Repeat missing children (last 12 months)"),
        "uasc_children": translate("Kpi", "UASC children"),
        "rhis_due": translate("Kpi", "RHIs due"),
        "rhis_offered": translate("Kpi", "RHIs offered"),
        "rhis_offered_within_72h": translate("Kpi", "RHIs offered within 72 hours"),
        "rhis_accepted": translate("Kpi", "RHIs accepted"),
        "rhis_declined_by_child": translate("Kpi", "RHIs declined by the child"),
        "rhis_declined_by_parent_carer": translate("Kpi", "RHIs declined by parent or carer"),
        "rhis_not_offered": translate("Kpi", "RHIs not offered (decision recorded)"),
        "rhis_completed": translate("Kpi", "RHIs completed"),
        "rhis_completed_within_72h": translate("Kpi", "RHIs completed within 72 hours"),
        "median_hours_to_interview": translate("Kpi", "Median hours from return to interview"),
        "supervisions_due": translate("Kpi", "Supervisions due"),
        "supervision_on_time": translate("Kpi", "Supervisions held on time"),
    }


def _rate_names() -> dict[str, str]:
    return {
        "offered_rate": translate("Kpi", "RHIs offered (% of due)"),
        "offered_within_72h_rate": translate("Kpi", "Offered within 72 hours (% of due)"),
        "accepted_rate": translate("Kpi", "Accepted (% of offered)"),
        "completed_within_72h_rate": translate("Kpi", "Completed within 72 hours (% of due)"),
        "supervision_on_time_rate": translate("Kpi", "Supervision on time (%)"),
    }


def figure_name(key: str) -> str:
    name = _figure_names().get(key)
    return name if name is not None else SPECS[key].label


def rate_name(key: str) -> str:
    name = _rate_names().get(key)
    return name if name is not None else next(spec.label for spec in RATES if spec.key == key)


def state_name(state: VerificationState) -> str:
    """One word or phrase that says the state without relying on colour."""
    names = {
        VerificationState.PROVISIONAL: translate("Kpi", "Provisional"),
        VerificationState.VERIFIED: translate("Kpi", "Verified"),
        VerificationState.CHANGED: translate("Kpi", "Changed since verified"),
    }
    return names[state]


def incomplete_text(removed_through: date | None, keys: Sequence[str]) -> str:
    """Which figures may be short because records were purged from this computer ('' when
    none)."""
    if removed_through is None or not keys:
        return ""
    return translate(
        "Kpi",
        "Records up to {0} have been removed from this computer under the retention "
        "policy, so these figures may be lower than the true count: {1}.",
    ).format(format_uk_date(removed_through), ", ".join(figure_name(key) for key in keys))


def themes_short_text(removed_through: date) -> str:
    """What themes drawn from a period the retention purge reached may be missing."""
    return translate(
        "ThemeNotes",
        "Approved interviews whose child returned up to {0} have been removed from this "
        "computer under the retention policy, so these themes may be lower than there were.",
    ).format(format_uk_date(removed_through))
