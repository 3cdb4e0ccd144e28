"""The list of sections beside the form, each with its progress as an icon and words.

Progress is never told by colour alone: every badge is a symbol plus text ("3 to
answer", "1 problem", "Complete"), and the accessible text reads it out in full. Arrow
keys move between sections; the page follows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from ui.forms.progress import SectionProgress, SectionState

ID_ROLE = Qt.ItemDataRole.UserRole


def badge_text(progress: SectionProgress) -> str:
    """The short status under a section's title, symbol first."""
    state = progress.state
    if state is SectionState.NOT_NEEDED:
        return QCoreApplication.translate("SectionNavigator", "\u2013 Not needed")
    if state is SectionState.COMPLETE:
        return QCoreApplication.translate("SectionNavigator", "\u2713 Complete")
    if state is SectionState.NOT_STARTED:  # not "Not started": there may be nothing to do
        return QCoreApplication.translate("SectionNavigator", "\u25e6 Nothing required")
    parts = []
    if progress.problems:
        parts.append(
            QCoreApplication.translate("SectionNavigator", "1 problem")
            if progress.problems == 1
            else QCoreApplication.translate("SectionNavigator", "{0} problems").format(
                progress.problems
            )
        )
    if progress.to_answer:
        parts.append(
            QCoreApplication.translate("SectionNavigator", "{0} to answer").format(
                progress.to_answer
            )
        )
    mark = "\u26a0" if progress.problems else "\u25cb"
    return f"{mark} {', '.join(parts)}"


_ENTERING = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
"""Not Space: it is part of a section's title typed to find it in the list."""


class SectionNavigator(QListWidget):
    """The form's sections, each with its progress. Arrowing through it (or typing a
    title) shows each section (`sectionChosen`); Enter goes into the one shown
    (`sectionEntered`), as Tab does."""

    sectionChosen = Signal(str)
    sectionEntered = Signal(str)

    def __init__(self, sections: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.setAccessibleName(QCoreApplication.translate("SectionNavigator", "Sections"))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._titles: dict[str, str] = {}
        self._rows: dict[str, int] = {}
        self._progress: dict[str, SectionProgress] = {}
        style = self.style()
        self._icons = {
            SectionState.COMPLETE: style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            SectionState.PROBLEMS: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            SectionState.TO_ANSWER: style.standardIcon(
                QStyle.StandardPixmap.SP_FileDialogContentsView
            ),
        }
        for row, (section_id, title) in enumerate(sections):
            item = QListWidgetItem(title, self)
            item.setData(ID_ROLE, section_id)
            self._titles[section_id] = title
            self._rows[section_id] = row
        self.currentRowChanged.connect(self._changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,  # Enter on the number pad
        )
        if plain and event.key() in _ENTERING and row >= 0:
            self.sectionEntered.emit(self.item(row).data(ID_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)

    def _changed(self, row: int) -> None:
        if row >= 0:
            self.sectionChosen.emit(self.item(row).data(ID_ROLE))

    def select(self, section_id: str) -> None:
        """Mark the section shown, without announcing a choice."""
        blocked = self.blockSignals(True)
        try:
            self.setCurrentRow(self._rows[section_id])
        finally:
            self.blockSignals(blocked)

    def set_progress(self, section_id: str, progress: SectionProgress) -> None:
        if self._progress.get(section_id) == progress:
            return
        self._progress[section_id] = progress
        item = self.item(self._rows[section_id])
        title = self._titles[section_id]
        badge = badge_text(progress)
        item.setText(f"{title}\n{badge}")
        item.setIcon(self._icons.get(progress.state, QIcon()))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {badge[2:]}")
        item.setToolTip(badge[2:])

    def progress(self, section_id: str) -> SectionProgress:
        return self._progress[section_id]

    def badge(self, section_id: str) -> str:
        return badge_text(self._progress[section_id])
