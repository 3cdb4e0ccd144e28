"""Driving the app like a person: typing (any characters), unlocking, screenshots."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.session import LOCAL_ACTOR
from rhi_desktop.store import Store
from tests.ui.forms.keyboard import Keyboard
from ui.caseload_views import CaseloadView
from ui.controller import AppController
from ui.forms.renderer import FormRenderer
from ui.interview_editor import InterviewWindow
from ui.main_window import MainWindow

PASSPHRASE = "lantern oyster gravel kettle"


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard, any characters at all (qtbot.keyClicks aborts on non-ASCII)."""
    for char in text:
        key = (
            Qt.Key(ord(char.upper()))
            if char.isascii() and char.isprintable()
            else Qt.Key.Key_unknown
        )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def press(
    qtbot: QtBot,
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    QTest.keyClick(widget, key, modifiers)


def active_modal(qtbot: QtBot, kind: type) -> QWidget:
    """The modal dialog of `kind` once it is open and has the keyboard."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    widget = QApplication.activeModalWidget()
    assert widget is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def select_first(window: MainWindow, state: InterviewState) -> str:
    """Select the first caseload row (in the view's order) in `state`; its interview id."""
    for row in range(window.proxy.rowCount()):
        source = window.proxy.mapToSource(window.proxy.index(row, 0)).row()
        if window.caseload.row_at(source).state is state:
            window.table.selectRow(row)
            selected = window.selected_row()
            assert selected is not None
            return selected.interview_id
    raise AssertionError(f"no {state} interview in view")


def open_first_draft(
    qtbot: QtBot,
    window: MainWindow,
    answers: Mapping[str, Any] | None = None,
    store: Store | None = None,
) -> tuple[str, InterviewWindow]:
    """The first interview in progress, opened in its own window; with `answers` saved
    to it in `store` first, as the form saves them."""
    window.show_view(CaseloadView.IN_PROGRESS)
    interview_id = select_first(window, InterviewState.IN_PROGRESS)
    if answers is not None:
        assert store is not None
        draft = store.interviews.get(interview_id)
        with store.transaction(LOCAL_ACTOR) as tx:
            tx.interviews.save_answers(interview_id, answers, expected_version=draft.version)
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.interview_window(interview_id) is not None)
    frame = window.interview_window(interview_id)
    assert frame is not None
    return interview_id, frame


def away_and_back(qtbot: QtBot, window: QWidget) -> None:
    """Another window comes to the front, then `window` again, as with Alt+Tab."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def unlock_with(qtbot: QtBot, controller: AppController, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into whichever unlock panel is showing and wait for the result."""
    if controller.main_window is not None and controller.main_window.covered:
        panel = controller.main_window.cover_panel
    else:
        assert controller.unlock_window is not None
        panel = controller.unlock_window.panel
    with qtbot.waitSignal(controller.unlocked, timeout=20_000):
        type_text(panel.passphrase, passphrase)
        QTest.keyClick(panel.passphrase, Qt.Key.Key_Return)


def visible_widgets(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and not w.isWindow()]


def visible_texts(window: QWidget) -> list[str]:
    """Every piece of text a visible widget of `window` would draw."""
    texts = []
    for widget in visible_widgets(window):
        shown_as_typed = (
            isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal
        )
        if isinstance(widget, QLabel | QAbstractButton) or shown_as_typed:
            texts.append(widget.text())  # type: ignore[attr-defined]
    return texts


def clipped_widgets(window: QWidget) -> list[str]:
    """Visible widgets that stick out of the window or are squeezed below their minimum."""
    bounds = window.rect()
    problems = []
    for widget in visible_widgets(window):
        if _inside_scroll_area(widget, window):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not bounds.contains(rect):
            problems.append(f"{_name(widget)} at {rect.getRect()} outside {bounds.getRect()}")
        if isinstance(widget, QAbstractButton | QLineEdit) or (
            isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()
        ):
            need = widget.minimumSizeHint()
            if widget.width() < need.width() or widget.height() < need.height():
                problems.append(
                    f"{_name(widget)} squeezed to {widget.width()}x{widget.height()}, "
                    f"needs {need.width()}x{need.height()}"
                )
    return problems


def _inside_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    label = widget.accessibleName() or widget.objectName() or ""
    return f"{type(widget).__name__}({label})"


def distinct_colours(image: QImage, step: int = 3) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def screenshot(window: QWidget, name: str, artifacts: Path) -> QImage:
    """Save a PNG of `window` and check it shows something and nothing is clipped."""
    QApplication.processEvents()
    image = window.grab().toImage()
    path = artifacts / f"{name}.png"
    assert image.save(str(path)), f"could not save {path}"
    assert distinct_colours(image) > 8, f"{name}.png is blank"
    assert clipped_widgets(window) == [], f"{name}: {clipped_widgets(window)}"
    return image


class FormFiller:
    """Answers the RHI form's required questions from the keyboard, as an interviewer
    would (Tab, arrows, Space, typing), on the real form renderer."""

    def __init__(self, renderer: FormRenderer) -> None:
        self.renderer = renderer
        self.form = renderer.session.form
        self.keys = Keyboard()

    def controls(self, question_id: str) -> list[QWidget]:
        return self.renderer.field_view(question_id).controls()

    def label(self, question_id: str, value: str) -> str:
        choices = self.form.fields[question_id].question.choices
        assert choices is not None
        for choice in self.form.definition.choice_lists[choices]:
            if choice.value == value:
                return self.form.text(choice.label)
        raise KeyError(value)

    def choose(self, question_id: str, value: str) -> None:
        combo = self.controls(question_id)[0]
        assert isinstance(combo, QComboBox)
        self.keys.choose(combo, self.label(question_id, value))

    def yes_no(self, question_id: str, yes: bool) -> None:
        self.keys.pick_radio(self.controls(question_id), 0 if yes else 1)

    def tick(self, question_id: str, value: str) -> None:
        choices = list(self.form.fields[question_id].choices or ())
        box = self.controls(question_id)[choices.index(value)]
        assert isinstance(box, QCheckBox)
        self.keys.tick(box)

    def section(self, section_id: str) -> None:
        self.keys.to_section(self.renderer, section_id)

    def answer_the_minimum(self, *, made_at: str, held_on: str) -> None:
        """An accepted offer, no harm, no concern, safety information, no referrals."""
        self.keys.fill(self.controls("offer_made_at")[0], made_at)
        self.choose("offer_method", "in_person")
        self.choose("offer_outcome", "accepted")
        self.yes_no("child_consulted", yes=True)
        self.section("venue")
        self.keys.fill(self.controls("interview_date")[0], held_on)
        self.choose("venue_type", "school")
        self.yes_no("interpreter_used", yes=False)
        self.section("risks")
        self.yes_no("harm_disclosed", yes=False)
        self.section("safeguarding")
        self.yes_no("immediate_concern", yes=False)
        self.section("after")
        self.tick("safety_information", "missing_people")
        self.section("referrals")
        self.tick("referrals_made", "none")
        self.yes_no("police_info_shared", yes=False)

    def sign(self, name: str, *, at: str) -> None:
        self.section("sign_off")
        self.keys.fill(self.controls("interviewer_name")[0], name)
        self.keys.fill(self.controls("signed_at")[0], at)
        self.yes_no("declaration", yes=True)
