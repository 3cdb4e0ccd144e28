"""Form versions: a draft keeps the version it started on until the interviewer moves
it, and moving says exactly which answers could not come along."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import Review, ReviewDecision
from rhi_desktop.forms import FieldKey, Form, FormSession, load_form
from rhi_desktop.forms.loader import BUNDLED_FORMS_DIR
from rhi_desktop.forms.versions import (
    FormNotInstalledError,
    FormRef,
    FormRegistry,
    FormVersionConflictError,
    Migration,
    NotCarried,
    Reason,
    migrate_draft,
    plan_migration,
)
from rhi_desktop.store import StaleEditError
from tests.ui.conftest import Heard
from tests.ui.driving import active_modal
from tests.ui.forms.conftest import ACTOR, Draft, editor_for
from tests.ui.forms.keyboard import Keyboard
from ui.forms import editor as editor_module
from ui.forms.editor import InterviewFormEditor
from ui.forms.field_view import ISSUE_MARK
from ui.forms.renderer import FormRenderer
from ui.forms.version_banner import summarise
from ui.interview_editor import InterviewWindow

DRAFT: dict[str, Any] = {
    "offer_outcome": "accepted",
    "interpreter_used": "yes",
    "interpreter_language": "Polish",
    "interpreter_service": "Language Line",
    "missing_before": "yes",
    "people": [
        {"person_name": "A", "person_relationship": "adult_known", "person_age": 30},
        {"person_name": "B", "person_relationship": "friend", "person_age": 15},
    ],
    "travel": ["walked", "bus", "other"],
    "travel_other": "Scooter",
    "reflection_notes": "Kept",
}
CARRIED: dict[str, Any] = {
    "offer_outcome": "accepted",
    "interpreter_used": "yes",
    "interpreter_language": "Polish",
    "people": [
        {"person_name": "A", "person_age": 30.0},
        {"person_name": "B", "person_relationship": "friend", "person_age": 15.0},
    ],
    "travel": ["walked", "other"],
    "travel_other": "Scooter",
    "reflection_notes": "Kept",
}
LEFT_BEHIND = (
    NotCarried("interpreter_service", Reason.REMOVED),
    NotCarried("missing_before", Reason.TYPE_CHANGED),
    NotCarried("person_relationship", Reason.CHOICES_REMOVED, rows=(0,), values=("adult_known",)),
    NotCarried("travel", Reason.CHOICES_REMOVED, values=("bus",)),
)


def _questions(container: dict[str, Any]) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = container["questions"]
    return questions


def _find(definition: dict[str, Any], question_id: str) -> tuple[list[dict[str, Any]], int]:
    for section in definition["sections"]:
        for holder in [section, *[q for q in _questions(section) if q["type"] == "repeat"]]:
            for index, question in enumerate(_questions(holder)):
                if question["id"] == question_id:
                    return _questions(holder), index
    raise KeyError(question_id)


def rhi_v2() -> dict[str, Any]:
    """Version 2, as the service might publish it: one question gone, one retyped, one
    widened (integer to decimal, which carries over), and two choices withdrawn."""
    v1 = json.loads((BUNDLED_FORMS_DIR / "rhi-v1.json").read_text(encoding="utf-8"))
    v2: dict[str, Any] = copy.deepcopy(v1)
    v2["version"] = 2
    questions, index = _find(v2, "interpreter_service")
    del questions[index]
    questions, index = _find(v2, "missing_before")
    questions[index]["type"] = "text"
    questions, index = _find(v2, "person_age")
    questions[index]["type"] = "decimal"
    for list_id, value in (("travel_modes", "bus"), ("relationships", "adult_known")):
        v2["choice_lists"][list_id] = [
            c for c in v2["choice_lists"][list_id] if c["value"] != value
        ]
    return v2


def _save(draft: Draft, answers: dict[str, Any]) -> int:
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction(ACTOR) as tx:
        return tx.interviews.save_answers(
            draft.interview_id, answers, expected_version=stored.version
        ).version


def test_registry_finds_bundled_and_installed_versions(tmp_path: Path) -> None:
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "installed")
    assert registry.refs() == [FormRef("rhi", 1)]
    assert registry.install(rhi_v2()) == FormRef("rhi", 2)
    assert registry.install(json.dumps(rhi_v2())) == FormRef("rhi", 2)  # same again: no-op
    assert (tmp_path / "installed" / "rhi-v2.json").is_file()
    again = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "installed")
    assert again.versions("rhi") == [1, 2]
    assert again.latest("rhi") == FormRef("rhi", 2)
    assert again.newer_than("rhi", 1) == FormRef("rhi", 2)
    assert again.newer_than("rhi", 2) is None
    assert again.load("rhi", 1).version == 1
    assert "interpreter_service" not in again.load("rhi", 2).fields


def test_a_changed_definition_needs_a_new_version_number(tmp_path: Path) -> None:
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "installed")
    changed = rhi_v2()
    changed["version"] = 1
    with pytest.raises(FormVersionConflictError, match="new version number"):
        registry.install(changed)
    installed = tmp_path / "installed"
    installed.mkdir()
    (installed / "impostor.json").write_text(json.dumps(changed), encoding="utf-8")
    (installed / "broken.json").write_text("{not json", encoding="utf-8")
    scanned = FormRegistry(BUNDLED_FORMS_DIR, installed)
    assert "interpreter_service" in scanned.load("rhi", 1).fields  # the bundled one wins
    assert sorted(u.file_name for u in scanned.unusable) == ["broken.json", "impostor.json"]
    with pytest.raises(FormNotInstalledError, match="version 7 is not installed"):
        scanned.load("rhi", 7)


def test_migration_reports_exactly_what_it_cannot_carry(tmp_path: Path) -> None:
    registry = FormRegistry(BUNDLED_FORMS_DIR, tmp_path / "installed")
    registry.install(rhi_v2())
    v1, v2 = registry.load("rhi", 1), registry.load("rhi", 2)
    migration = plan_migration(DRAFT, v1, v2)
    assert migration.not_carried == LEFT_BEHIND
    assert migration.answers == CARRIED
    assert FormSession(v2, migration.answers).record() == CARRIED
    assert migration.held is None
    with pytest.raises(ValueError, match="not newer"):  # nor to the same version
        plan_migration(CARRIED, v2, v2)


def test_a_draft_pinned_to_v1_still_opens_on_v1(
    open_editor: Callable[..., InterviewFormEditor], registry: FormRegistry, draft: Draft
) -> None:
    _save(draft, DRAFT)
    registry.install(rhi_v2())
    editor = open_editor()
    assert editor.form.version == 1
    assert editor.renderer.session.record() == DRAFT
    assert editor.renderer.field_view("interpreter_service") is not None
    assert editor.banner.isVisible()
    assert "Version 2 of this form is installed" in editor.banner.text.text()


def test_the_summary_says_what_was_worked_out_and_where_there_are_too_many_rows(
    rhi_form: Form,
) -> None:
    migration = Migration(
        FormRef("rhi", 1),
        FormRef("rhi", 2),
        {},
        (NotCarried("venue_type", Reason.NOW_ASKED),),
        (("people", 3, 2),),
    )
    lines = summarise(rhi_form, rhi_form, migration).text.splitlines()
    assert lines[1].endswith(
        ": the old version worked this out; the new version asks it, so answer it there"
    )
    assert lines[2] == (
        "\u2022 People they were with: this draft has 3 rows and version 2 allows 2. "
        "Every row is carried over; remove rows to sign off."
    )


def test_the_summary_words_yes_and_no_and_counts_what_it_cuts_short(rhi_form: Form) -> None:
    """A yes/no answer no longer offered read 'no', as stored; '...and N more' counted
    the headings below the cut as questions."""
    migration = Migration(
        FormRef("rhi", 1),
        FormRef("rhi", 2),
        {},
        (
            NotCarried("interpreter_used", Reason.CHOICES_REMOVED, values=("no",)),
            *(NotCarried(f"gone_{n}", Reason.REMOVED) for n in range(12)),
            *(NotCarried(f"asked_{n}", Reason.NOT_ASKED) for n in range(3)),
        ),
    )
    summary = summarise(rhi_form, rhi_form, migration)
    assert summary.lines[1].endswith(": no longer offered: No")
    assert len(summary.lines) == 2 + 16  # two headings, sixteen questions
    shown_items = editor_module.SUMMARY_LINES - 1  # below the first heading
    assert summary.items_after(editor_module.SUMMARY_LINES) == 16 - shown_items


def test_moving_a_draft_is_explicit_and_lists_what_stays_behind(
    open_editor: Callable[..., InterviewFormEditor],
    registry: FormRegistry,
    draft: Draft,
    keyboard: Keyboard,
    qtbot: QtBot,
) -> None:
    _save(draft, DRAFT)
    registry.install(rhi_v2())
    editor = open_editor()
    keyboard.tab_to(editor.banner.button)
    keyboard.press(Qt.Key.Key_Space)
    box = editor.pending_confirmation
    assert box is not None
    text = box.text()
    assert "cannot be carried over to version 2" in text
    assert "Interpreting service or organisation: the new version no longer asks this" in text
    assert "Have they gone missing before?: the question now takes a different kind" in text
    assert "kind of answer, so answer it again" in text
    assert "Who are they to the young person? (row 1): no longer offered: Adult they know" in text
    assert "How did they travel?: no longer offered: Bus" in text
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    keyboard.press(Qt.Key.Key_Escape)  # staying is the default
    qtbot.waitUntil(lambda: editor.pending_confirmation is None)
    stored = draft.store.interviews.get(draft.interview_id)
    assert (stored.form_version, stored.answers) == (1, DRAFT)

    editor.offer_migration()
    box = editor.pending_confirmation
    assert box is not None
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    keyboard.press(Qt.Key.Key_M)  # "&Move to version 2"
    qtbot.waitUntil(lambda: editor.form.version == 2)
    stored = draft.store.interviews.get(draft.interview_id)
    assert (stored.form_version, stored.answers) == (2, CARRIED)
    assert editor.renderer.session.record() == CARRIED
    assert not editor.banner.isVisible()
    # What was left behind can be read again after the move: it was said only before it.
    assert editor.move_report_button.isVisible()
    editor.move_report_button.click()
    report = active_modal(qtbot, QMessageBox)
    said = report.text()
    assert said.startswith("This draft moved to version 2.\nThese answers were not carried over")
    assert "Interpreting service or organisation: the new version no longer asks this" in said
    report.accept()
    # Typing goes on against the new version.
    editor.activateWindow()  # the window manager hands the focus back
    qtbot.waitUntil(lambda: QApplication.focusWidget() in editor.findChildren(QWidget))
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.fill(editor.renderer.field_view("reflection_notes").controls()[0], "!")
    editor.flush()
    assert draft.answers()["reflection_notes"] == "!Kept"


def test_migration_refuses_a_draft_changed_since_it_was_read(
    registry: FormRegistry, draft: Draft
) -> None:
    version = _save(draft, DRAFT)
    registry.install(rhi_v2())
    _save(draft, {**DRAFT, "reflection_notes": "Changed since"})
    with pytest.raises(StaleEditError), draft.store.transaction(ACTOR) as tx:
        migrate_draft(tx, draft.interview_id, registry, expected_version=version)
    assert draft.store.interviews.get(draft.interview_id).form_version == 1


def _move_by_keyboard(editor: InterviewFormEditor, keyboard: Keyboard, qtbot: QtBot) -> None:
    editor.offer_migration()
    box = editor.pending_confirmation
    assert box is not None
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    keyboard.press(Qt.Key.Key_M)  # "&Move to version 2"
    qtbot.waitUntil(lambda: editor.pending_confirmation is None)


def test_a_move_whose_new_screen_cannot_be_built_leaves_the_draft_as_it_was(
    open_editor: Callable[..., InterviewFormEditor],
    registry: FormRegistry,
    draft: Draft,
    keyboard: Keyboard,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _save(draft, DRAFT)
    registry.install(rhi_v2())
    editor = open_editor()
    build_section = FormRenderer._build_section

    def fails_on_version_2(renderer: FormRenderer, section_id: str) -> None:
        """A fault injected half-way through building version 2's screen."""
        if renderer.session.form.version == 2 and section_id == "reflection":
            raise RuntimeError("the screen could not be built")
        build_section(renderer, section_id)

    monkeypatch.setattr(FormRenderer, "_build_section", fails_on_version_2)
    before = draft.store.interviews.get(draft.interview_id)

    _move_by_keyboard(editor, keyboard, qtbot)

    stored = draft.store.interviews.get(draft.interview_id)
    assert (stored.form_version, stored.version, stored.answers) == (1, before.version, DRAFT)
    assert editor.form.version == 1
    assert editor.renderer.session.form.version == 1
    assert editor.problem.isVisible()
    assert "could not be moved to version 2 and stays on version 1" in editor.problem.text()
    assert editor.banner.isVisible()  # the interviewer may try again once it is fixed
    qtbot.waitUntil(lambda: editor.findChildren(FormRenderer) == [editor.renderer])
    # Typing goes on against version 1, and the draft still opens.
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in editor.findChildren(QWidget))
    keyboard.to_section(editor.renderer, "reflection")
    keyboard.fill(editor.renderer.field_view("reflection_notes").controls()[0], "!")
    editor.flush()
    stored = draft.store.interviews.get(draft.interview_id)
    assert (stored.form_version, stored.answers["reflection_notes"]) == (1, "!Kept")
    assert stored.answers["interpreter_service"] == "Language Line"
    reopened = open_editor()
    assert reopened.form.version == 1
    assert reopened.renderer.session.record()["reflection_notes"] == "!Kept"


def test_a_move_refused_by_the_store_leaves_the_screen_on_the_old_version(
    open_editor: Callable[..., InterviewFormEditor],
    registry: FormRegistry,
    draft: Draft,
    keyboard: Keyboard,
    qtbot: QtBot,
) -> None:
    _save(draft, DRAFT)
    registry.install(rhi_v2())
    editor = open_editor()
    changed = _save(draft, {**DRAFT, "reflection_notes": "Changed elsewhere"})

    _move_by_keyboard(editor, keyboard, qtbot)

    stored = draft.store.interviews.get(draft.interview_id)
    assert (stored.form_version, stored.version) == (1, changed)
    assert editor.form.version == 1
    assert editor.renderer.session.form.version == 1
    assert editor.renderer.field_view("interpreter_service") is not None
    assert editor.problem.isVisible()


def _registry_with_broken_v2(installed: Path) -> FormRegistry:
    """Version 2 copied onto the device by hand with a rule naming a question it lacks:
    it is listed when the registry scans, and fails its checks when loaded."""
    broken = rhi_v2()
    broken["sections"][0]["questions"][2]["relevant"] = "${no_such_question} = 'x'"
    installed.mkdir(parents=True, exist_ok=True)
    (installed / "rhi-v2.json").write_text(json.dumps(broken), encoding="utf-8")
    return FormRegistry(BUNDLED_FORMS_DIR, installed)


def test_a_newer_version_that_fails_its_checks_is_not_offered(
    qtbot: QtBot, draft: Draft, tmp_path: Path
) -> None:
    _save(draft, DRAFT)
    registry = _registry_with_broken_v2(tmp_path / "hand-copied")
    editor = editor_for(draft, registry)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    try:
        assert not editor.banner.isVisible()
        assert [u.file_name for u in registry.unusable] == ["rhi-v2.json"]
        editor.offer_migration()  # e.g. a banner shown before the file was checked
        assert editor.pending_confirmation is None
        assert editor.problem.isVisible()
        assert "No newer version of this form can be used" in editor.problem.text()
        stored = draft.store.interviews.get(draft.interview_id)
        assert (stored.form_version, stored.answers) == (1, DRAFT)
    finally:
        editor.saver.stop()


def test_the_newest_usable_version_is_offered_past_a_broken_one(tmp_path: Path) -> None:
    registry = _registry_with_broken_v2(tmp_path / "installed")
    assert registry.newer_usable("rhi", 1) is None
    assert registry.newer_than("rhi", 1) == FormRef("rhi", 2)  # listed, but not usable
    usable_v3 = rhi_v2()
    usable_v3["version"] = 3
    registry.install(usable_v3)
    newer = registry.newer_usable("rhi", 1)
    assert newer is not None
    assert newer.version == 3
    assert [u.file_name for u in registry.unusable] == ["rhi-v2.json"]  # told once


def test_moving_after_saving_stopped_keeps_saying_why(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    registry: FormRegistry,
) -> None:
    registry.install(rhi_v2())
    editor = open_editor()
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction("sync") as tx:  # a sync lands while the form is open
        tx.interviews.save_answers(
            draft.interview_id, {"offer_method": "phone"}, expected_version=stored.version
        )
    keyboard.choose(editor.renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
    editor.flush()
    why = editor.problem.text()
    assert "Saving has stopped" in why

    assert editor.migrate(2) is None
    assert editor.problem.isVisible() and editor.problem.text() == why
    assert draft.store.interviews.get(draft.interview_id).form_version == 1


def test_moving_while_saving_waits_on_a_busy_store_says_why_it_cannot_yet(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    draft: Draft,
    registry: FormRegistry,
) -> None:
    """'Still being saved, try again shortly' replaced why saving was failing (a full disk,
    a sync holding the store), which trying again shortly would not change."""
    registry.install(rhi_v2())
    editor = open_editor()
    sync = draft.store.second_handle()
    try:
        with sync.transaction("sync"):  # a long pull holds the store
            keyboard.choose(editor.renderer.field_view("offer_outcome").controls()[0], "Accepted")  # type: ignore[arg-type]
            editor.flush()
            why = editor.problem.text().removeprefix(f"{ISSUE_MARK} ")
            assert "kept busy by other work" in why

            assert editor.migrate(2) is None

            assert editor.problem.text() == (
                f"{ISSUE_MARK} This draft can be moved once your latest answers are saved. {why}"
            )
    finally:
        sync.close()
    assert draft.store.interviews.get(draft.interview_id).form_version == 1


def test_answers_a_change_hid_move_with_the_draft_and_come_back_when_asked(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    registry: FormRegistry,
    draft: Draft,
) -> None:
    # They were left out of the move, and lost with it, whether Undo was offered or not.
    registry.install(rhi_v2())
    editor = open_editor()
    renderer = editor.renderer
    outcome = renderer.field_view("offer_outcome").controls()[0]
    keyboard.choose(outcome, "Accepted")  # type: ignore[arg-type]
    keyboard.to_section(renderer, "venue")
    venue = renderer.field_view("venue_type").controls()[0]
    place = venue.itemText(2)  # type: ignore[attr-defined]
    keyboard.choose(venue, place)  # type: ignore[arg-type]
    keyboard.to_section(renderer, "offer")
    keyboard.choose(outcome, "Declined by the young person")  # type: ignore[arg-type]
    assert renderer.hidden_notice is not None

    editor.offer_migration()

    box = editor.pending_confirmation
    assert box is not None
    said = box.text()
    assert "move with the draft but are not shown" in said
    assert "Moving ends the chance to undo" in said
    box.reject()
    assert editor.migrate(2) is not None
    assert "venue_type" not in draft.answers()  # not asked, so held beside the record
    moved = editor.renderer
    moved.enter("offer_outcome", "accepted")
    assert moved.field_view("venue_type").controls()[0].property("currentText") == place
    editor.flush()
    assert draft.answers()["venue_type"] == moved.session.answer("venue_type")


def test_a_long_list_of_what_a_move_leaves_behind_is_read_in_a_box_that_scrolls(
    qtbot: QtBot, registry: FormRegistry, draft: Draft
) -> None:
    # The question grew with the list, past the screen's foot, its buttons with it.
    asked = [{"id": f"q{n}", "type": "text", "label": f"Question {n}"} for n in range(20)]
    v1 = {
        "form_id": "long", "version": 1, "title": "Long",
        "sections": [{"id": "main", "title": "Main", "questions": asked}],
    }  # fmt: skip
    v2 = {**v1, "version": 2, "sections": [{**v1["sections"][0], "questions": asked[:2]}]}
    registry.install(v1)
    registry.install(v2)
    stored = draft.store.interviews.get(draft.interview_id)
    answers = {question["id"]: "An answer" for question in asked}
    with draft.store.transaction(ACTOR) as tx:
        tx.interviews.update(
            dataclasses.replace(stored, form_id="long", form_version=1, answers=answers)
        )
    editor = editor_for(draft, registry)
    qtbot.addWidget(editor)
    editor.show()
    editor.offer_migration()
    box = editor.pending_confirmation
    assert box is not None
    shown = box.text().splitlines()
    assert len(shown) == editor_module.SUMMARY_LINES + 1  # the lines, and how many more
    left = 18 - (editor_module.SUMMARY_LINES - 1)  # the heading is the first line
    assert shown[-1].startswith(f"\u2026and {left} more")
    assert all(f"Question {n}: " in box.detailedText() for n in range(2, 20))
    box.reject()
    editor.saver.stop()


def test_the_summary_names_no_answer_to_a_sensitive_question() -> None:
    # It listed the choice left behind: "Kinds of harm: no longer offered: Sexual
    # exploitation", on screen for anyone beside the interviewer to read.
    v1: dict[str, Any] = {
        "form_id": "harm", "version": 1, "title": "Harm",
        "choice_lists": {"harms": [
            {"value": "cse", "label": "Sexual exploitation"},
            {"value": "cce", "label": "Criminal exploitation"},
        ]},
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "harm", "type": "multiple_choice", "label": "Kinds of harm",
             "choices": "harms", "sensitive": True},
            {"id": "travel", "type": "single_choice", "label": "Travel", "choices": "harms"},
        ]}],
    }  # fmt: skip
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    v2["choice_lists"]["harms"] = v2["choice_lists"]["harms"][1:]
    source, target = load_form(v1), load_form(v2)
    migration = plan_migration({"harm": ["cse", "cce"], "travel": "cse"}, source, target)

    text = summarise(source, target, migration).text
    assert "Kinds of harm: an answer given is no longer offered" in text
    assert "Travel: no longer offered: Sexual exploitation" in text
    assert text.count("Sexual exploitation") == 1

    # Marked sensitive by the new version only, or by being in a sensitive group's rows
    v2["sections"][0]["questions"][1]["sensitive"] = True
    migration = plan_migration({"travel": "cse"}, source, load_form(v2))
    assert "Sexual exploitation" not in summarise(source, load_form(v2), migration).text
    v1["sections"][0]["questions"] = [
        {"id": "places", "type": "repeat", "label": "Places", "sensitive": True,
         "questions": [v1["sections"][0]["questions"][1]]},
    ]  # fmt: skip
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    v2["choice_lists"]["harms"] = v2["choice_lists"]["harms"][1:]
    source, target = load_form(v1), load_form(v2)
    migration = plan_migration({"places": [{"travel": "cse"}]}, source, target)
    text = summarise(source, target, migration).text
    assert "Travel (row 1): an answer given is no longer offered" in text


def test_a_question_moved_into_or_out_of_a_group_is_said_to_be_asked_there() -> None:
    """ "Moved to another part of the form, so answer it there" said not where."""
    where = {"id": "where", "type": "text", "label": "Where"}
    name = {"id": "name", "type": "text", "label": "Name"}

    def form(version: int, top: list[dict[str, Any]], rows: list[dict[str, Any]]) -> Form:
        group = {"id": "friends", "type": "repeat", "label": "Friends", "questions": rows}
        return load_form(
            {"form_id": "f", "version": version, "title": "F",
             "sections": [{"id": "s", "title": "S", "questions": [*top, group]}]}
        )  # fmt: skip

    outside, inside = form(1, [where], [name]), form(2, [], [name, where])
    moved_in = plan_migration({"where": "The park"}, outside, inside)
    assert "Where: the question is now asked in each row of Friends, so answer it there" in (
        summarise(outside, inside, moved_in).text
    )
    again = form(3, [where], [name])
    moved_out = plan_migration({"friends": [{"name": "Jay", "where": "The park"}]}, inside, again)
    assert "Where (row 1): the question is now asked once, not in each row" in (
        summarise(inside, again, moved_out).text
    )


def test_the_offer_to_move_says_what_it_is_about_and_does_not_take_the_first_focus(
    open_editor: Callable[..., InterviewFormEditor], registry: FormRegistry
) -> None:
    """The banner's words sit in a label Tab never reaches: its button carries them."""
    registry.install(rhi_v2())
    editor = open_editor()
    assert editor.banner.isVisible()
    assert QApplication.focusWidget() is editor.renderer.navigator
    said = editor.banner.button.accessibleDescription()
    assert (
        said
        == "Version 2 of this form is installed. This draft stays on version 1 unless you move it."
    )
    assert editor.banner.button.accessibleName() == "Move to version 2"  # no "dot dot dot"


DETAILS = {"id": "details", "type": "long_text", "label": "What happened"}
GATED_V1 = {
    "form_id": "gated", "version": 1, "title": "Gated",
    "sections": [{"id": "main", "title": "Main", "questions": [DETAILS]}],
}  # fmt: skip
GATED_V2 = {
    **GATED_V1,
    "version": 2,
    "sections": [{"id": "main", "title": "Main", "questions": [
        {"id": "disclosed", "type": "yes_no", "label": "Did they talk about it?",
         "default": "no"},
        {**DETAILS, "relevant": "${disclosed} = 'yes'"},
    ]}],
}  # fmt: skip


def test_answers_a_move_kept_aside_are_not_let_go_on_closing_without_asking(
    qtbot: QtBot, draft: Draft, registry: FormRegistry
) -> None:
    """A new question, defaulting to no, stops a disclosure being asked: the move keeps it
    aside, and closing the window let go of it without a word."""
    registry.install(GATED_V1)
    registry.install(GATED_V2)
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction(ACTOR) as tx:
        tx.interviews.update(
            dataclasses.replace(
                stored, form_id="gated", form_version=1, answers={"details": "At a flat"}
            )
        )
    editor = editor_for(draft, registry)
    caseload = QWidget()  # the app's window, whose child each interview window is
    qtbot.addWidget(caseload)
    frame = InterviewWindow(draft.interview_id, editor, caseload)
    frame.show()
    qtbot.waitExposed(frame)
    assert editor.migrate(2) is not None
    assert editor.kept_aside() == {FieldKey("details")}
    # Known as kept aside after a restart too (the app stopped with the window open).
    reopened = editor_for(draft, registry)
    qtbot.addWidget(reopened)
    assert reopened.kept_aside() == {FieldKey("details")}
    reopened.saver.stop()

    frame.close()

    question = active_modal(qtbot, QMessageBox)
    assert question.windowTitle() == "Close without the answers kept aside?"
    QTest.keyClick(question, Qt.Key.Key_Return)  # Keep working: the default
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert frame.isVisible()
    editor.renderer.enter("disclosed", "yes")  # asked again: it comes back
    assert editor.kept_aside() == frozenset()
    frame.close()  # nothing is lost now: no question
    qtbot.waitUntil(lambda: not frame.isVisible())
    assert draft.answers()["details"] == "At a flat"


def test_a_move_is_told_to_a_screen_reader_as_a_failed_one_is(
    open_editor: Callable[..., InterviewFormEditor], registry: FormRegistry, heard: Heard
) -> None:
    registry.install(rhi_v2())
    editor = open_editor()
    assert editor.migrate(2) is not None
    assert ("Moved to version 2.", QAccessible.AnnouncementPoliteness.Polite) in heard


ROWS_V1 = {
    "form_id": "rows", "version": 1, "title": "Rows",
    "sections": [{"id": "main", "title": "Main", "questions": [
        {"id": "people", "type": "repeat", "label": "People", "questions": [
            {"id": "name", "type": "text", "label": "Name"},
            {"id": "notes", "type": "long_text", "label": "Notes"},
        ]},
    ]}],
}  # fmt: skip


def test_answers_a_move_kept_aside_in_a_row_stay_marked_when_a_row_above_goes(
    qtbot: QtBot, draft: Draft, registry: FormRegistry
) -> None:
    """Row 2's notes, kept aside, become row 1's when row 1 is removed: the mark went
    with the old number, and closing then let them go without asking."""
    v2 = copy.deepcopy(ROWS_V1)
    v2["version"] = 2
    rows = v2["sections"][0]["questions"][0]["questions"]
    rows.insert(1, {"id": "told", "type": "yes_no", "label": "Told?", "default": "no"})
    rows[2]["relevant"] = "${told} = 'yes'"
    registry.install(ROWS_V1)
    registry.install(v2)
    people = [{"name": "A"}, {"name": "B", "notes": "Stayed at a flat"}]
    stored = draft.store.interviews.get(draft.interview_id)
    with draft.store.transaction(ACTOR) as tx:
        tx.interviews.update(
            dataclasses.replace(stored, form_id="rows", form_version=1, answers={"people": people})
        )
    editor = editor_for(draft, registry)
    qtbot.addWidget(editor)
    assert editor.migrate(2) is not None
    assert editor.kept_aside() == {FieldKey("notes", 1)}

    editor.renderer.remove_row("people", 0)

    assert editor.kept_aside() == {FieldKey("notes", 0)}
    editor.saver.stop()


def test_a_comment_on_a_question_the_move_left_behind_says_so(
    qtbot: QtBot, registry: FormRegistry, draft: Draft, heard: Heard
) -> None:
    """After the move, the comment still named the question as version 1 asked it, and
    Enter on it did nothing at all."""
    _save(draft, DRAFT)
    registry.install(rhi_v2())
    editor = editor_for(draft, registry)
    review = Review(
        "review-1", draft.interview_id, 1, "coordinator-1", datetime(2026, 11, 27, tzinfo=UTC),
        ReviewDecision.RETURNED, "See comments", {"interpreter_service": "Name the service."},
    )  # fmt: skip
    host = QWidget()
    qtbot.addWidget(host)
    frame = InterviewWindow(draft.interview_id, editor, host, review=review)
    frame.show()
    qtbot.waitExposed(frame)
    panel = frame.comments
    assert panel is not None
    assert panel.comment_texts() == ["Interpreting service or organisation: Name the service."]

    assert editor.migrate(2) is not None

    assert panel.comment_texts() == ["A question not on this form version: Name the service."]
    panel.questions.setFocus()
    panel.questions.setCurrentRow(0)
    heard.clear()
    QTest.keyClick(panel.questions, Qt.Key.Key_Return)
    assert [text for text, _ in heard] == [
        "This question is not on the form version the draft is on, so there is no answer "
        "to go to. Answer the comment where the form asks about it now."
    ]
    editor.saver.stop()


def test_a_later_move_that_carries_everything_retires_the_earlier_report(
    open_editor: Callable[..., InterviewFormEditor],
    registry: FormRegistry,
    draft: Draft,
    keyboard: Keyboard,
    qtbot: QtBot,
) -> None:
    """It still read 'This draft moved to version 3' above version 2's list."""
    _save(draft, DRAFT)
    registry.install(rhi_v2())
    editor = open_editor()
    _move_by_keyboard(editor, keyboard, qtbot)
    assert editor.form.version == 2 and editor.move_report_button.isVisible()
    registry.install({**rhi_v2(), "version": 3})
    editor.notice_stored_changes(registry)

    _move_by_keyboard(editor, keyboard, qtbot)

    assert editor.form.version == 3
    assert not editor.move_report_button.isVisible()
    editor.saver.stop()
