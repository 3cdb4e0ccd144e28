"""What the app's data-entry dialogs share: a problem line, Save/Cancel, and saving.

A dialog collects what was typed into a plain value and hands it to its `save` callback
(an operation from `ui.casework`). If the value or the operation has a problem the
person can fix, the dialog stays open with the sentence shown and the field focused;
otherwise it closes. Dialogs are opened with `open()`, never `exec()`, so locking can
hide them without ending them, and unlocking brings them back as they were.

What was typed is not lost to a slip of the Escape key: once anything differs from how
the dialog opened, Escape, Cancel and the window's close button ask "Discard what you
typed?" first, with Keep as the default answer. `reject()` itself closes at once, without
asking: the app calls it when it must end a dialog (locking, quitting).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

from ui.announce import announce
from ui.casework import CaseworkError
from ui.forms.widgets.choice import ADJUST_TO_SHORTEST, COMBO_SHORTEST
from ui.messages import error_text

T = TypeVar("T")


def information_box(parent: QWidget, text: str) -> QMessageBox:
    """A note with one OK button, for the caller to `open()` (never `exec()`)."""
    box = QMessageBox(QMessageBox.Icon.Information, "", text, parent=parent)
    dress_information_box(box)
    return box


def dress_information_box(box: QMessageBox) -> None:
    """The app's title and one OK button on a note."""
    box.setWindowTitle(QCoreApplication.translate("DialogParts", "RHI Desktop"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("DialogParts", "OK"))
    ok.setAccessibleName(ok.text())


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A form row's label whose Alt+letter focuses `field`, for a row holding several
    fields side by side (the label of a row's container would focus nothing)."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


class FieldProblem(ValueError):
    """Something typed into `field` needs changing; `text` says what."""

    def __init__(self, field: QWidget, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


class ShrinkingComboBox(QComboBox):
    """A drop-down that asks for its longest choice's width and, where there is less
    room (large text on a small screen), shrinks to show `COMBO_SHORTEST` characters,
    as a form's drop-down does;
    its open list shows each choice whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(ADJUST_TO_SHORTEST)
        self.setMinimumContentsLength(COMBO_SHORTEST)

    def sizeHint(self) -> QSize:
        short = super().sizeHint()  # COMBO_SHORTEST characters
        metrics = self.fontMetrics()
        frame = short.width() - metrics.horizontalAdvance("x") * COMBO_SHORTEST
        texts = (self.itemText(index) for index in range(self.count()))
        longest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        return QSize(max(short.width(), frame + longest), short.height())


class ScrollingFields(QScrollArea):
    """A dialog's fields, scrolling where the screen is too short for them all (large
    text on a laptop at 150%) but asking for all the room they need, as they would on
    their own: Qt caps a scroll area's wish at a few dozen lines of text."""

    def __init__(self, fields: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: it scrolls to the focus
        self._fields = fields  # before setWidget: from then on its events come here
        self.setWidget(fields)
        fields.installEventFilter(self)
        # Tab scrolls to the field it reaches; a problem's field or an Alt+letter do not.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._fields.isAncestorOf(new):
            self.ensureWidgetVisible(new)

    def sizeHint(self) -> QSize:
        return self._fields.sizeHint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._fields and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # what the fields ask for changed (polished, say)
        return super().eventFilter(watched, event)


GROW_STEP = 80
"""How much wider a dialog grows at a time when the screen is too short for its text."""


class SavingDialog(QDialog, Generic[T]):
    def __init__(self, save: Callable[[T], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(self.tr("&Save"))
        save_button.setAccessibleName(self.tr("Save"))
        save_button.setDefault(True)
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(self.tr("Cancel"))
        cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.cancel)
        self._as_opened: tuple[object, ...] | None = None
        self.discard_question: QMessageBox | None = None

    def entries(self) -> tuple[object, ...]:
        """Everything typed or chosen here, as plain values: what closing would lose."""
        found = (_entry(widget) for widget in self.findChildren(QWidget))
        return tuple(entry for entry in found if entry is not None)

    def has_changes(self) -> bool:
        return self._as_opened is not None and self.entries() != self._as_opened

    def showEvent(self, event: QShowEvent) -> None:
        opening = self._as_opened is None  # else shown again after unlocking, as it was
        if opening:
            self._as_opened = self.entries()
            self.make_save_default()
        super().showEvent(event)
        if opening:
            # Qt sizes a dialog before it has its look, by its text unwrapped: wrapped at
            # the width it opens at, in large text, the last lines were cut off.
            self.grow_to_fit(opening=True)

    def make_save_default(self) -> None:
        """Enter saves. Qt keeps a dialog's main default only for a button already inside
        it: set before the subclass placed the buttons, Save lost Enter to Cancel for good
        the first time Tab passed Cancel."""
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(False)
        save.setDefault(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self.isVisible() and self.has_changes():
            event.ignore()  # the window's close button, pressed by the person
            self.cancel()
            return
        super().closeEvent(event)

    def cancel(self) -> None:
        """The person is closing the dialog: at once if nothing was typed, else ask."""
        if self.discard_question is not None:
            return
        if not self.has_changes():
            self.reject()
            return
        box = ask_first(
            self,
            self.tr("Discard what you typed?"),
            self.tr("Discard what you typed? It has not been saved."),
            (self.tr("&Discard"), self.tr("Discard what you typed")),
            (self.tr("&Keep editing"), self.tr("Keep editing")),
            self._discard_answered,
        )
        box.setObjectName("discardQuestion")
        self.discard_question = box

    def _discard_answered(self, box: QMessageBox, discard: bool) -> None:
        if box is not self.discard_question:
            return  # the question was withdrawn: the dialog was ended meanwhile
        self.discard_question = None
        if discard:
            self.reject()

    def reject(self) -> None:
        """Close now, keeping nothing typed (the person said so, or the app is locking)."""
        box, self.discard_question = self.discard_question, None
        if box is not None:
            box.close()
        super().reject()

    def collect(self) -> T:
        """The typed values as a plain object; FieldProblem when something is wrong."""
        raise NotImplementedError

    def field_for(self, error: CaseworkError) -> QWidget | None:
        """Which field to focus for an operation's problem (None: leave focus)."""
        return None

    def known_problem(self, error: Exception) -> tuple[str, QWidget | None] | None:
        """A problem the save step can meet, worded, with the field to focus; None for
        anything unexpected."""
        if isinstance(error, CaseworkError):
            return error_text(error), self.field_for(error)
        return None

    def try_save(self) -> None:
        try:
            self._save(self.collect())
        except FieldProblem as problem:
            self.show_problem(problem.text, problem.field)
            return
        except Exception as exc:
            known = self.known_problem(exc)
            if known is None:  # shown as an apology with a reference, and logged
                known = error_text(exc), None
            self.show_problem(*known)
            return
        self.accept()

    def show_problem(self, text: str, field: QWidget | None) -> None:
        """Show and read out why it was not saved; the focus goes to the field to mend,
        if any (else it stays where Save was pressed, and only the reading says so)."""
        self.problem.setText(text)
        self.problem.show()
        self.grow_to_fit()
        if field is not None:
            field.setFocus()
        announce(self.problem, text)

    def grow_to_fit(self, *, opening: bool = False) -> None:
        """Make room for what it shows rather than squeezing it: taller for wrapped text
        that just appeared, within the screen, and wider where the screen is not tall
        enough for text that wraps (wider, it takes fewer lines). `opening`: as it opens,
        also as wide as it asks (fields in large text), within the screen, and moved
        back onto the screen where it went past an edge. Grown later, it is moved only up,
        where its foot (and its buttons) went past the screen's: a dialog the person
        placed is otherwise left where and as wide as it is."""
        layout = self.layout()
        if layout is None:
            return
        # What it asks for as it looks now: its parts' layouts, asked again as they were
        # given the look they are shown with, have yet to say.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout.activate()
        room = self.screen().availableGeometry()
        frame = self.frameGeometry().size() - self.size()  # title bar and borders
        room_width, room_height = room.width() - frame.width(), room.height() - frame.height()
        width = self.width()
        if opening:
            width = max(width, min(self.sizeHint().width(), room_width))
        needed = self._height_for(width)
        while self.hasHeightForWidth() and needed > room_height and width < room_width:
            width = min(room_width, width + GROW_STEP)
            needed = self._height_for(width)
        height = max(self.height(), min(needed, room_height))
        if (width, height) == (self.width(), self.height()) and not opening:
            return
        self.resize(min(width, room_width), min(height, room_height))
        placed = self.frameGeometry()
        x = max(room.left(), min(placed.x(), room.right() + 1 - placed.width()))
        y = max(room.top(), min(placed.y(), room.bottom() + 1 - placed.height()))
        if not opening:
            x = placed.x()  # grown taller: only up, if its foot went past the screen's
        if (x, y) != (placed.x(), placed.y()):
            self.move(x, y)

    def _height_for(self, width: int) -> int:
        needed = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        return max(needed, self.sizeHint().height())


def ask_first(
    parent: QWidget,
    title: str,
    text: str,
    act: tuple[str, str],
    stay: tuple[str, str],
    answered: Callable[[QMessageBox, bool], None],
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    act_role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.DestructiveRole,
) -> QMessageBox:
    """The question asked, over `parent`, before something that cannot be taken back
    (throwing away typed work, sending over a newer version).

    `act` and `stay` are each a button's text and accessible name. Stay is the default
    and the Escape answer, so a slip of a key leaves things as they are. `answered` is
    given the box and whether the person chose to act.
    """
    box = QMessageBox(icon, title, text, parent=parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    act_button = box.addButton(act[0], act_role)
    act_button.setAccessibleName(act[1])
    stay_button = box.addButton(stay[0], QMessageBox.ButtonRole.RejectRole)
    stay_button.setAccessibleName(stay[1])
    box.setDefaultButton(stay_button)
    box.setEscapeButton(stay_button)
    box.buttonClicked.connect(lambda button: answered(box, button is act_button))
    box.open()
    return box


def _entry(widget: QWidget) -> object:
    """What a person has typed or chosen in `widget` (None for one they cannot)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QListWidget):
        return tuple(widget.item(row).checkState() for row in range(widget.count()))
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None
