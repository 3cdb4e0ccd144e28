"""A widget tree recorded from one already built, and built again by plain Qt calls alone.

`record(root)` notes what the tree's own code made: its widgets under their parents, its
layouts and what each holds (with grid places, stretch and alignment), and what was set
on each widget: texts and items, titles, fonts, margins, sizes and size policies, word
wrap, focus policies, echo modes, which are hidden, accessible names and descriptions,
tooltips, the answers shown, event filters, and one connection for each of its signals
that something listens to. Then label buddies, keyboard shortcuts and the tab order. The
inner parts of Qt's own widgets (a text box's scroll bars, a drop-down's list) are not
noted: they come with their owners.

`Recording.build()` makes it all again with nothing in between: no form, no session, no
objects of our own beyond one event filter that passes everything on. Each widget is set
up as soon as it is made, and its layout once its children are made, as the renderer
does. The time it takes is the least a renderer that builds this tree could take.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.forms.widgets.base import (
    ARROWS_IN_ORDER,
    DELETE_KEY_SINK,
    FOCUS_OUT_SINK,
    MASK_GUARD,
    WHEEL_NEEDS_FOCUS,
)

LEAVES = (QComboBox, QPlainTextEdit, QLineEdit, QAbstractButton, QLabel, QListView)
"""Widgets whose children are their own inner parts, made by their constructors."""
SIGNALS = ("textEdited", "editingFinished", "textChanged", "currentIndexChanged", "clicked")
ITEM_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole)

Setting = tuple[str, Any]
"""A setter's name and its argument, or for the few that are not setters, a name below."""


def _stock(obj: QObject) -> type[Any]:
    """The Qt class an object of ours is built on."""
    return next(c for c in type(obj).__mro__ if c.__module__.startswith("PySide6"))


def _stock_layout(layout: QLayout) -> type[QLayout]:
    """The plain Qt layout to make for one of ours: a box layout is made running the way
    it runs now, and one that arranges its items by its own code (the tick boxes'
    columns) as a plain column holding the same items."""
    stock = _stock(layout)
    if stock is QBoxLayout:
        assert isinstance(layout, QBoxLayout)
        across = layout.direction() is QBoxLayout.Direction.LeftToRight
        return QHBoxLayout if across else QVBoxLayout
    return QVBoxLayout if stock is QLayout else cast(type[QLayout], stock)


_FRESH: dict[type[Any], Any] = {}


def _fresh(cls: type[Any]) -> Any:
    """A widget of `cls` as made, to tell what was set on one of ours."""
    if cls not in _FRESH:
        _FRESH[cls] = cls()
    return _FRESH[cls]


def _ignore(*_args: object) -> None:
    """Where the replayed signals and shortcuts go."""


class _PassOn(QObject):
    """The replay's event filter: it sees each event, as the renderer's does, and keeps
    none."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return False


@dataclass
class Recording:
    steps: list[tuple[Any, ...]] = field(default_factory=list)
    """Widgets (each with what was set on it) in the order they were made, each widget's
    layout after its children, and what each layout holds."""
    finish: list[tuple[Any, ...]] = field(default_factory=list)
    """Once the tree is made: label buddies, shortcuts and the tab order."""

    def matches(self, other: Recording) -> bool:
        """Whether `other` records the same tree, set up the same way. Event filters are
        left out: Qt cannot say which a widget has, so they are read from the renderer's
        own marks, which a replayed tree does not carry."""
        return _unfiltered(self.steps) == _unfiltered(other.steps) and self.finish == other.finish

    def build(self) -> QWidget:
        made: dict[int, Any] = {}
        events = _PassOn()
        for step in self.steps:
            kind, index = step[0], step[1]
            if kind == "widget":
                _, _, cls, parent, settings = step
                widget = cls() if parent is None else cls(made[parent])
                made[index] = widget
                for name, value in settings:
                    _apply(widget, name, value, events)
            elif kind == "layout":
                _, _, cls, owner, margins, spacing = step
                layout = cls() if owner is None else cls(made[owner])
                layout.setContentsMargins(*margins)
                layout.setSpacing(spacing)
                made[index] = layout
            elif kind == "add_widget":
                _, _, widget, place, stretch, alignment = step
                if place is not None:
                    made[index].addWidget(made[widget], *place, alignment)
                else:
                    made[index].addWidget(made[widget], stretch, alignment)
            elif kind == "add_layout":
                made[index].addLayout(made[step[2]], step[3])
            elif kind == "add_stretch":
                made[index].addStretch(step[2])
            elif kind == "add_space":
                made[index].addSpacing(step[2])
            elif kind == "scrolled":
                made[index].setWidget(made[step[2]])
            elif kind == "stacked":
                made[index].addWidget(made[step[2]])
        for step in self.finish:
            kind = step[0]
            if kind == "buddy":
                made[step[1]].setBuddy(made[step[2]])
            elif kind == "shortcut":
                _, parent, keys, context = step
                shortcut = QShortcut(QKeySequence(keys), made[parent], context=context)
                shortcut.activated.connect(_ignore)
            elif kind == "tab_order":
                chain = [made[index] for index in step[1]]
                for before, after in itertools.pairwise(chain):
                    QWidget.setTabOrder(before, after)
        root: QWidget = made[0]
        events.setParent(root)  # the filter lives as long as the tree
        return root


def _unfiltered(steps: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [
        (*step[:4], [s for s in step[4] if s[0] != "filter"]) if step[0] == "widget" else step
        for step in steps
    ]


def _apply(widget: Any, name: str, value: Any, events: QObject) -> None:
    if name == "connect":
        getattr(widget, value).connect(partial(_ignore, value))
    elif name == "filter":
        widget.installEventFilter(events)
    elif name == "items":
        widget.addItems(value)
    elif name == "itemData":
        for item, role, data in value:
            widget.setItemData(item, data, role)
    elif name == "setContentsMargins":
        widget.setContentsMargins(*value)
    elif name == "setSizePolicy":
        widget.setSizePolicy(*value)
    else:
        getattr(widget, name)(value)


def _settings(widget: QWidget, parent: int | None, placed: bool) -> list[Setting]:
    """What was set on `widget`, in about the order the renderer sets it."""
    fresh = _fresh(_stock(widget))
    found: list[Setting] = []
    if widget.objectName():
        found.append(("setObjectName", widget.objectName()))
    if isinstance(widget, QAbstractButton | QLabel) and widget.text():
        found.append(("setText", widget.text()))
    if isinstance(widget, QGroupBox) and widget.title():
        found.append(("setTitle", widget.title()))
    if isinstance(widget, QComboBox | QListWidget):
        if isinstance(widget, QComboBox):
            texts = [widget.itemText(i) for i in range(widget.count())]
            found.append(("items", texts))
            data = [
                (i, role, widget.itemData(i, role))
                for i in range(widget.count())
                for role in ITEM_ROLES
                if widget.itemData(i, role)
            ]
            if data:
                found.append(("itemData", data))
        else:
            items = [widget.item(i) for i in range(widget.count())]
            found.append(("items", [item.text() for item in items if item is not None]))
    if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
        found.append(("setFont", widget.font()))
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            found.append(("setWordWrap", True))
        if widget.frameShape() != QFrame.Shape.NoFrame:
            found.append(("setFrameShape", widget.frameShape()))
        if widget.alignment() != fresh.alignment():
            found.append(("setAlignment", widget.alignment()))
    margins = widget.contentsMargins()
    edges = (margins.left(), margins.top(), margins.right(), margins.bottom())
    framed = isinstance(widget, QFrame) and edges == (widget.frameWidth(),) * 4  # by its frame
    if margins != fresh.contentsMargins() and not framed:
        found.append(("setContentsMargins", edges))
    policy, usual = widget.sizePolicy(), fresh.sizePolicy()
    policies = (policy.horizontalPolicy(), policy.verticalPolicy())
    if policies != (usual.horizontalPolicy(), usual.verticalPolicy()):  # not word wrap's
        found.append(("setSizePolicy", policies))
    if widget.minimumHeight() == widget.maximumHeight():
        found.append(("setFixedHeight", widget.maximumHeight()))
    elif widget.minimumHeight() != fresh.minimumHeight():
        found.append(("setMinimumHeight", widget.minimumHeight()))
    if widget.maximumWidth() != fresh.maximumWidth():
        found.append(("setMaximumWidth", widget.maximumWidth()))
    if widget.focusPolicy() != fresh.focusPolicy():
        found.append(("setFocusPolicy", widget.focusPolicy()))
    if widget.contextMenuPolicy() != fresh.contextMenuPolicy():
        found.append(("setContextMenuPolicy", widget.contextMenuPolicy()))
    found.extend(_input_settings(widget))
    if widget.accessibleName():
        found.append(("setAccessibleName", widget.accessibleName()))
    if widget.accessibleDescription():
        found.append(("setAccessibleDescription", widget.accessibleDescription()))
    if widget.toolTip():
        found.append(("setToolTip", widget.toolTip()))
    if parent is not None and not placed and widget.isHidden():
        found.append(("setVisible", False))
    for mark in (FOCUS_OUT_SINK, DELETE_KEY_SINK, WHEEL_NEEDS_FOCUS, MASK_GUARD, ARROWS_IN_ORDER):
        if getattr(widget, mark, None):
            found.append(("filter", None))
    signals = (*SIGNALS, "toggled") if isinstance(widget, QAbstractButton) else SIGNALS
    for signal in signals:
        if hasattr(widget, signal) and widget.receivers("2" + _signature(widget, signal)) > 0:
            found.append(("connect", signal))
    return found


def _input_settings(widget: QWidget) -> list[Setting]:
    found: list[Setting] = []
    if isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            found.append(("setEchoMode", widget.echoMode()))
        if widget.isReadOnly():
            found.append(("setReadOnly", True))
        if widget.placeholderText():
            found.append(("setPlaceholderText", widget.placeholderText()))
        if widget.text():
            found.append(("setText", widget.text()))
    elif isinstance(widget, QPlainTextEdit):
        if widget.tabChangesFocus():
            found.append(("setTabChangesFocus", True))
        if widget.toPlainText():
            found.append(("setPlainText", widget.toPlainText()))
    elif isinstance(widget, QComboBox) and widget.currentIndex() > 0:
        found.append(("setCurrentIndex", widget.currentIndex()))
    elif isinstance(widget, QAbstractButton):
        if isinstance(widget, QPushButton) and widget.isCheckable():
            found.append(("setCheckable", True))
        if widget.isChecked():
            found.append(("setChecked", True))
    return found


def _signature(widget: QWidget, signal: str) -> str:
    """The signal's C++ signature, e.g. `textEdited(QString)`."""
    meta = widget.metaObject()
    for index in range(meta.methodCount()):
        method = meta.method(index)
        if method.methodType() == method.MethodType.Signal and method.name() == signal:
            return bytes(method.methodSignature().data()).decode()
    raise KeyError(signal)


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
        """`placed`: how a scroll area (`scrolled`) or a stack (`stacked`) holds it: a
        scroll area takes its page as soon as it is made, a stack once it is filled."""
        number = self._next(widget)
        settings = _settings(widget, parent, bool(placed))
        self.recording.steps.append(("widget", number, _stock(widget), parent, settings))
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            self.buddies.append((number, widget.buddy()))
        if placed == "scrolled":
            self.recording.steps.append((placed, parent, number))
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
        if placed == "stacked":
            self.recording.steps.append((placed, parent, number))
        return number

    def layout(self, layout: QLayout, owner: int | None) -> int:
        number = self._next(layout)
        steps = self.recording.steps
        margins = layout.contentsMargins()
        edges = (margins.left(), margins.top(), margins.right(), margins.bottom())
        steps.append(("layout", number, _stock_layout(layout), owner, edges, layout.spacing()))
        for position in range(layout.count()):
            item = layout.itemAt(position)
            assert item is not None
            placed, nested = item.widget(), item.layout()
            stretch = layout.stretch(position) if hasattr(layout, "stretch") else 0
            if placed is not None:
                place = None
                if isinstance(layout, QGridLayout):
                    place = cast(tuple[int, int, int, int], layout.getItemPosition(position))
                alignment = item.alignment()
                steps.append(
                    ("add_widget", number, self.index[id(placed)], place, stretch, alignment)
                )
            elif nested is not None:
                steps.append(("add_layout", number, self.layout(nested, None), stretch))
            else:
                spacer = item.spacerItem()
                expanding = spacer is not None and bool(
                    spacer.expandingDirections() & Qt.Orientation.Vertical
                    or spacer.expandingDirections() & Qt.Orientation.Horizontal
                )
                if expanding:
                    steps.append(("add_stretch", number, stretch))
                else:  # spacing: one of its sides is 0, whichever way the layout runs
                    size = item.sizeHint()
                    steps.append(("add_space", number, max(size.width(), size.height())))
        return number

    def finish(self, root: QWidget) -> Recording:
        steps = self.recording.finish
        for label, buddy in self.buddies:
            steps.append(("buddy", label, self.index[id(buddy)]))
        for shortcut in root.findChildren(QShortcut):
            parent = shortcut.parent()
            if id(parent) in self.index:
                keys = shortcut.key().toString()
                steps.append(("shortcut", self.index[id(parent)], keys, shortcut.context()))
        chain: list[int] = []
        widget = root.nextInFocusChain()
        for _ in range(len(root.findChildren(QWidget))):  # round the chain to the root
            if widget is None or widget is root:
                break
            number = self.index.get(id(widget))
            if number is not None and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                chain.append(number)
            widget = widget.nextInFocusChain()
        steps.append(("tab_order", chain))
        return self.recording


def record(root: QWidget) -> Recording:
    recorder = _Recorder()
    recorder.widget(root, None)
    return recorder.finish(root)
