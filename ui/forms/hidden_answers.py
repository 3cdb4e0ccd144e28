"""Telling the interviewer when an answer hides questions that were already answered.

Answers to questions that are no longer asked are not kept with the interview (the next
autosave leaves them out), so changing, say, whether the interview was accepted would
quietly drop pages of the young person's account. Rather than ask before every such
click, the form says what the change hid, where, and offers to undo it; the answers are
still in the open form until it closes, so undoing brings every one of them back. Until
then autosave holds them beside the record on this device only (`rhi_desktop.forms.held`),
so a crash or power cut loses nothing the open form still had: reopened, it has the same
answers hidden and offers the same Undo. What was hidden, and by which change, is kept by
`ui.forms.hiding`; this is the notice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.forms.buttons import form_button


def hidden_answers_text(question: str, sections: list[str], count: int) -> str:
    """What the notice says: which answer hid how many, and in which sections."""
    return QCoreApplication.translate(
        "HiddenAnswers",
        "\u26a0 Your answer to \u201c{0}\u201d hides answers already given in: {1} "
        "(answers hidden: {2}). Hidden answers are not kept with the interview. "
        "Choose Undo to bring them back.",
    ).format(question, ", ".join(sections), count)


def timed_answers_text(sections: list[str], count: int) -> str:
    """What the notice says of answers the passing of time hid: no change can be undone."""
    return QCoreApplication.translate(
        "HiddenAnswers",
        "\u26a0 As the date or time changed, questions already answered are no longer "
        "asked in: {0} (answers hidden: {1}). Hidden answers are not kept with the "
        "interview; they come back if the questions are asked again before it closes.",
    ).format(", ".join(sections), count)


def row_hidden_answers_text(sections: list[str], count: int) -> str:
    """What the notice says of answers a row added or removed hid: no change to undo."""
    return QCoreApplication.translate(
        "HiddenAnswers",
        "\u26a0 As rows were added or removed, questions already answered are no longer "
        "asked in: {0} (answers hidden: {1}). Hidden answers are not kept with the "
        "interview; they come back if the questions are asked again before it closes.",
    ).format(", ".join(sections), count)


def untied_answers_text(sections: list[str], count: int) -> str:
    """What the notice says of answers kept aside when the Undo of the change that hid
    them was withdrawn: its own question is no longer asked."""
    return QCoreApplication.translate(
        "HiddenAnswers",
        "\u26a0 Questions already answered are no longer asked in: {0} (answers hidden: "
        "{1}). Hidden answers are not kept with the interview; they come back if the "
        "questions are asked again before it closes.",
    ).format(", ".join(sections), count)


KeptWords = Callable[[list[str], int], str]
"""What a notice says of answers hidden with no Undo, given their sections and count:
`timed_answers_text`, `row_hidden_answers_text` or `untied_answers_text`."""


class HiddenAnswersNotice(QFrame):
    """The notice above the form: what was hidden, Undo, and Dismiss.

    It never takes the focus: the interviewer goes on where they were, and a screen
    reader is told the same words (the renderer announces them).
    """

    undoRequested = Signal()
    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hiddenAnswersNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # it names sections as the form does
        self.text.setWordWrap(True)
        self.undo_button = form_button(self, QCoreApplication.translate("HiddenAnswers", "&Undo"))
        self.undo_button.setAccessibleName(
            QCoreApplication.translate("HiddenAnswers", "Undo the answer that hid them")
        )
        self.dismiss_button = form_button(
            self, QCoreApplication.translate("HiddenAnswers", "&Dismiss")
        )
        self.dismiss_button.setAccessibleName(
            QCoreApplication.translate("HiddenAnswers", "Dismiss this notice")
        )
        self.undo_button.clicked.connect(self.undoRequested)
        self.dismiss_button.clicked.connect(self.dismissRequested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def controls(self) -> list[QWidget]:
        """Its buttons, in tab order."""
        return [self.undo_button, self.dismiss_button]

    def tell(self, question: str, sections: list[str], count: int) -> str:
        """Show the notice of a change that hid answers; returns what it says."""
        self.undo_button.show()
        return self._show(hidden_answers_text(question, sections, count))

    def tell_kept(self, words: KeptWords, sections: list[str], count: int) -> str:
        """Show the notice of answers hidden with no Undo (by the date, a row, or an Undo
        withdrawn), worded by `words`; returns what it says."""
        self.undo_button.hide()
        return self._show(words(sections, count))

    def _show(self, said: str) -> str:
        self.text.setText(said)
        self.setAccessibleName(QCoreApplication.translate("HiddenAnswers", "Answers hidden"))
        self.setAccessibleDescription(said)
        for button in self.controls():  # the text beside them takes no focus
            button.setAccessibleDescription(said)
        self.show()
        return said
