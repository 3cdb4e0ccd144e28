"""A widget tree recorded from one already built, and built again by plain Qt calls alone.

`record(root)` notes what the tree's own code made: its widgets under their parents, their
texts and drop-down items, which are hidden, its layouts and what each holds. The inner
parts of Qt's own widgets (a text box's scroll bars, a drop-down's list) are not noted:
they come with their owners. It also notes what any renderer of the same form must set
on top: accessible names and descriptions, the answers shown, a signal connection per
input, label buddies and the tab order.

`Recording.build(settings=...)` makes it all again with nothing in between: no form,
no session, no objects of our own. It measures how much of the renderer's time the tree
itself costs, and how much its own logic adds.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

LEAVES = (QComboBox, QPlainTextEdit, QLineEdit, QAbstractButton, QLabel, QListView)
"""Widgets whose children are their own inner parts, made by their constructors."""
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)


def _stock(obj: QObject) -> type[Any]:
    """The Qt class an object of ours is built on."""
    return next(c for c in type(obj).__mro__ if c.__module__.startswith("PySide6"))


def _ignore(*_args: object) -> None:
    """Where the replayed inputs' signals go."""


@dataclass
class Recording:
    steps: list[tuple[Any, ...]] = field(default_factory=list)
    """What was made, in the order it was made: widgets, layouts and what each holds."""
    settings: list[tuple[Any, ...]] = field(default_factory=list)
    """What any renderer must set on top, done once the tree is made."""

    def build(self, *, settings: bool) -> QWidget:
        """The recorded tree, made afresh; with `settings`, everything it had set too."""
        made: dict[int, Any] = {}
        for step in self.steps:
            kind, index = step[0], step[1]
            if kind == "widget":
                _, _, cls, parent, text, items, hidden = step
                widget = cls() if parent is None else cls(made[parent])
                if items:
                    widget.addItems(items)
                elif text:
                    widget.setText(text)
                if hidden:
                    widget.setVisible(False)
                made[index] = widget
            elif kind == "layout":
                _, _, cls, owner = step
                made[index] = cls() if owner is None else cls(made[owner])
            elif kind == "add_widget":
                made[index].addWidget(made[step[2]])
            elif kind == "add_layout":
                made[index].addLayout(made[step[2]])
            elif kind == "add_space":
                made[index].addSpacing(step[2])
            elif kind == "scrolled":
                made[index].setWidget(made[step[2]])
            elif kind == "stacked":
                made[index].addWidget(made[step[2]])
        if settings:
            self._set(made)
        return made[0]  # type: ignore[no-any-return]

    def _set(self, made: dict[int, Any]) -> None:
        for step in self.settings:
            kind = step[0]
            if kind == "input":
                _, index, name, description, value = step
                widget = made[index]
                if name:
                    widget.setAccessibleName(name)
                if description:
                    widget.setAccessibleDescription(description)
                _show(widget, value)
                _signal(widget).connect(partial(_ignore, index))
            elif kind == "buddy":
                made[step[1]].setBuddy(made[step[2]])
            elif kind == "tab_order":
                chain = [made[index] for index in step[1]]
                for before, after in itertools.pairwise(chain):
                    QWidget.setTabOrder(before, after)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable(), widget.isChecked()
    return None


def _show(widget: QWidget, value: object) -> None:
    if isinstance(widget, QLineEdit) and value:
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit) and value:
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox) and isinstance(value, int) and value > 0:
        widget.setCurrentIndex(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, tuple):
        checkable, checked = value
        if checkable and isinstance(widget, QPushButton):
            widget.setCheckable(True)
        if checked:
            widget.setChecked(True)


def _signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    assert isinstance(widget, QAbstractButton)
    return widget.clicked


class _Recorder:
    def __init__(self) -> None:
        self.recording = Recording()
        self.index: dict[int, int] = {}
        self.buddies: list[tuple[int, QWidget]] = []

    def _next(self, obj: QObject) -> int:
        number = len(self.index)
        self.index[id(obj)] = number
        return number

    def widget(self, widget: QWidget, parent: int | None, placed: str = "") -> int:
        """`placed`: how a scroll area (`scrolled`) or a stack (`stacked`) holds it, done
        as soon as it is made, before anything is put in it (as the renderer does)."""
        number = self._next(widget)
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        items: list[str] = []
        if isinstance(widget, QComboBox):
            items = [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            items = [widget.item(i).text() for i in range(widget.count())]
        hidden = parent is not None and not placed and widget.isHidden()
        self.recording.steps.append(("widget", number, _stock(widget), parent, text, items, hidden))
        if placed:
            self.recording.steps.append((placed, parent, number))
        self._note_settings(widget, number)
        if isinstance(widget, QScrollArea):
            inner = widget.widget()
            assert inner is not None
            self.widget(inner, number, "scrolled")
        elif isinstance(widget, QStackedWidget):
            for position in range(widget.count()):
                page = widget.widget(position)
                assert page is not None
                self.widget(page, number, "stacked")
        elif not isinstance(widget, LEAVES):
            for child in widget.children():
                if isinstance(child, QWidget) and id(child) not in self.index:
                    self.widget(child, number)
            own = widget.layout()
            if own is not None:
                self.layout(own, number)
        return number

    def layout(self, layout: QLayout, owner: int | None) -> int:
        number = self._next(layout)
        steps = self.recording.steps
        steps.append(("layout", number, _stock(layout), owner))
        for position in range(layout.count()):
            item = layout.itemAt(position)
            assert item is not None
            placed, nested = item.widget(), item.layout()
            if placed is not None:
                steps.append(("add_widget", number, self.index[id(placed)]))
            elif nested is not None:
                steps.append(("add_layout", number, self.layout(nested, None)))
            else:
                steps.append(("add_space", number, item.sizeHint().height()))
        return number

    def _note_settings(self, widget: QWidget, number: int) -> None:
        if isinstance(widget, INPUTS):
            self.recording.settings.append(
                (
                    "input",
                    number,
                    widget.accessibleName(),
                    widget.accessibleDescription(),
                    _value(widget),
                )
            )
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            self.buddies.append((number, widget.buddy()))

    def finish(self, root: QWidget) -> Recording:
        settings = self.recording.settings
        for label, buddy in self.buddies:
            settings.append(("buddy", label, self.index[id(buddy)]))
        chain: list[int] = []
        widget = root.nextInFocusChain()
        for _ in range(len(root.findChildren(QWidget))):  # round the chain to the root
            if widget is None or widget is root:
                break
            number = self.index.get(id(widget))
            if number is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                chain.append(number)
            widget = widget.nextInFocusChain()
        settings.append(("tab_order", chain))
        return self.recording


def record(root: QWidget) -> Recording:
    recorder = _Recorder()
    recorder.widget(root, None)
    return recorder.finish(root)
