"""A coordinator reviewing in a shared office: answers the form marks sensitive (the
child's story, who they were with) stay covered in the review dialog, in every place a
person or a screen reader could read them, until the coordinator asks to see them; and
locking the app covers them again."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import InterviewState
from rhi_desktop.review import return_for_amendment
from rhi_desktop.store import Store
from tests.ui.conftest import FakeClock
from tests.ui.driving import unlock_with
from tests.ui.mnemonics import mnemonic_clashes
from tests.ui.review.cases import change_answer, interviewed, send_for_review
from tests.ui.review.reviewing import ALT, go_to_question, open_by_keyboard
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.profile_holder import ProfileHolder
from ui.review.queue_page import ReviewQueuePage
from ui.review.review_dialog import ReviewDialog

IV = "iv-1"
STORY = "Slept at a flat above the takeaway on Sample Road"
NEW_STORY = "Slept at a friend's house near the station"
PERSON = "Rowan Fictional"
NEW_PERSON = "Morgan Fictional"
FEELINGS = "Scared of the men at the flat"
HIDDEN = "Hidden: sensitive answer. Choose Show sensitive answers to read it."
SECRETS = (STORY, NEW_STORY, PERSON, NEW_PERSON, FEELINGS)
TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


def _submitted_with_secrets(store: Store, clock: FakeClock, reference: str) -> str:
    """A complete interview with a story, a feeling and a person's name, sent for review."""
    interview_id = interviewed(store, IV, clock.now, reference)
    change_answer(store, IV, interview_id, "before_story", STORY)
    change_answer(store, IV, interview_id, "feelings_words", FEELINGS)
    people = [{"person_name": PERSON, "person_relationship": "friend", "person_age": 15}]
    change_answer(store, IV, interview_id, "people", people)
    send_for_review(store, IV, interview_id, clock.now)
    return interview_id


def _resubmitted_with_new_secrets(store: Store, clock: FakeClock, interview_id: str) -> None:
    """Returned, then amended: the story and the person's name changed, and the venue."""
    return_for_amendment(store, "coordinator-1", interview_id, 1, clock.now, overall_comment="x")
    with store.transaction(IV) as tx:
        tx.interviews.transition(interview_id, InterviewState.IN_PROGRESS, at=clock.now)
    change_answer(store, IV, interview_id, "venue_type", "home")
    change_answer(store, IV, interview_id, "before_story", NEW_STORY)
    people = [{"person_name": NEW_PERSON, "person_relationship": "friend", "person_age": 15}]
    change_answer(store, IV, interview_id, "people", people)
    send_for_review(store, IV, interview_id, clock.now)


def _page(qtbot: QtBot, holder: ProfileHolder, clock: FakeClock) -> ReviewQueuePage:
    page = ReviewQueuePage(holder, clock)
    qtbot.addWidget(page)
    page.resize(1100, 560)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.reload()
    return page


def _tree_texts(tree: QTreeWidget) -> Iterator[str]:
    items = QTreeWidgetItemIterator(tree)
    while (item := items.value()) is not None:
        for column in range(tree.columnCount()):
            for role in TEXT_ROLES:
                value = item.data(column, role)
                if isinstance(value, str):
                    yield value
        items += 1


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield from (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription())
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QTreeWidget):
        yield from _tree_texts(widget)


def readable(dialog: ReviewDialog) -> str:
    """Everything the dialog shows or tells a screen reader, in one string."""
    texts = [*dialog.answers.answer_texts().values(), dialog.answers.detail.toPlainText()]
    if dialog.changes is not None:
        texts += [text for line in dialog.changes.change_texts() for text in line]
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        texts += _widget_texts(widget)
    return "\n".join(texts)


def _toggle_by_keyboard(qtbot: QtBot, dialog: ReviewDialog, shown: bool) -> None:
    """Alt+H, wherever the focus is, ticks or unticks Show sensitive answers."""
    QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_H, ALT)
    qtbot.waitUntil(lambda: dialog.show_sensitive.isChecked() is shown)  # a mnemonic clicks


def test_sensitive_answers_are_hidden_until_shown_by_keyboard_and_hidden_again(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    interview_id = _submitted_with_secrets(holder.store, clock, "SENS-1")
    page = _page(qtbot, holder, clock)
    dialog = open_by_keyboard(qtbot, page, interview_id)

    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    texts = dialog.answers.answer_texts()
    assert texts["before_story"] == HIDDEN and texts["feelings_words"] == HIDDEN
    assert texts["venue_type"] == "School or college"  # not sensitive: always shown
    assert texts["harm_disclosed"] == "No"
    assert "Who are they to the young person?: Friend" in shown  # a row's other answers
    assert "First name or nickname: (hidden: sensitive answer)" in shown
    assert not dialog.show_sensitive.isChecked()
    assert mnemonic_clashes(dialog) == {}

    go_to_question(dialog, "before_story")
    assert dialog.answers.detail.toPlainText().endswith(HIDDEN)
    QTest.keyClick(dialog.answers.tree, Qt.Key.Key_Return)  # write about it
    QTest.keyClicks(dialog.comments.comment, "Ask who owns the flat")
    _toggle_by_keyboard(qtbot, dialog, shown=True)

    texts = dialog.answers.answer_texts()
    assert (texts["before_story"], texts["feelings_words"]) == (STORY, FEELINGS)
    assert dialog.answers.detail.toPlainText().endswith(STORY)
    assert dialog.answers.current_question() == "before_story"  # shown in place
    assert dialog.comments.comment.toPlainText() == "Ask who owns the flat"
    assert f"First name or nickname: {PERSON}" in readable(dialog)
    assert texts["venue_type"] == "School or college"

    _toggle_by_keyboard(qtbot, dialog, shown=False)

    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    assert dialog.answers.answer_texts()["before_story"] == HIDDEN
    assert dialog.answers.detail.toPlainText().endswith(HIDDEN)
    assert dialog.comments.comment.toPlainText() == "Ask who owns the flat"
    dialog.discard()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_what_changed_hides_sensitive_answers_before_and_after_until_shown(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    store = holder.store
    interview_id = _submitted_with_secrets(store, clock, "SENS-2")
    _resubmitted_with_new_secrets(store, clock, interview_id)
    page = _page(qtbot, holder, clock)
    dialog = open_by_keyboard(qtbot, page, interview_id)
    changes = dialog.changes
    assert changes is not None and dialog.tabs.currentWidget() is changes

    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    lines = {line[0]: line[1:] for line in changes.change_texts()}
    assert lines["Where did you meet? (changed)"] == ("School or college", "Their home")
    story_line = next(line for line in lines if line.startswith("What was happening before"))
    assert lines[story_line] == (HIDDEN, HIDDEN)
    assert mnemonic_clashes(dialog) == {}
    QTest.keyClick(changes.tree, Qt.Key.Key_End)  # the people's row change, at the bottom
    current = changes.tree.currentItem()

    _toggle_by_keyboard(qtbot, dialog, shown=True)

    lines = {line[0]: line[1:] for line in changes.change_texts()}
    assert lines[story_line] == (STORY, NEW_STORY)
    shown = readable(dialog)
    assert f"First name or nickname: {PERSON}" in shown
    assert f"First name or nickname: {NEW_PERSON}" in shown
    assert changes.tree.currentItem() is current  # shown in place

    _toggle_by_keyboard(qtbot, dialog, shown=False)

    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    lines = {line[0]: line[1:] for line in changes.change_texts()}
    assert lines[story_line] == (HIDDEN, HIDDEN)
    assert lines["Where did you meet? (changed)"] == ("School or college", "Their home")
    dialog.discard()
    qtbot.waitUntil(lambda: page.dialog is None)


def test_locking_covers_sensitive_answers_shown_in_an_open_review(
    qtbot: QtBot, unlocked: tuple[AppController, MainWindow], clock: FakeClock
) -> None:
    controller, _window = unlocked
    interview_id = _submitted_with_secrets(controller.holder.store, clock, "SENS-3")
    page = _page(qtbot, controller.holder, clock)
    dialog = open_by_keyboard(qtbot, page, interview_id)
    _toggle_by_keyboard(qtbot, dialog, shown=True)
    assert STORY in readable(dialog)

    with qtbot.waitSignal(controller.locked):
        controller.lock("idle")

    assert not dialog.show_sensitive.isChecked()
    shown = readable(dialog)
    assert not [secret for secret in SECRETS if secret in shown]
    unlock_with(qtbot, controller)
    qtbot.waitUntil(dialog.isVisible)  # given back as it was, still covered
    assert not dialog.show_sensitive.isChecked()
    assert dialog.answers.answer_texts()["before_story"] == HIDDEN
    dialog.discard()


def test_an_answer_written_like_html_is_shown_as_written_in_its_tooltip(
    qtbot: QtBot, holder: ProfileHolder, clock: FakeClock
) -> None:
    """Qt reads a tooltip that looks like HTML as HTML: an answer typed as an image tag
    drew a picture from a file on the coordinator's computer, and a very long one made a
    tooltip taller than the screen."""
    store = holder.store
    interview_id = interviewed(store, IV, clock.now, "HTML-1")
    written = '<img src="file:///etc/hostname"><b>APPROVE NOW</b> ' + "more " * 1000
    change_answer(store, IV, interview_id, "support_notes", written)
    send_for_review(store, IV, interview_id, clock.now)
    page = _page(qtbot, holder, clock)
    dialog = open_by_keyboard(qtbot, page, interview_id)
    tips = [
        value
        for value in _tree_texts(dialog.answers.tree)
        if "APPROVE NOW" in value and value != dialog.answers.answer_texts()["support_notes"]
    ]
    assert tips, "no tooltip carries the answer"
    for tip in tips:
        assert "<img" not in tip and "<b>" not in tip
        assert "&lt;img" in tip and len(tip) < 1_200  # as written, and cut short
