"""Every question is laid out in full the first time its page is shown, on the laptop
screens interviewers use: questions an answer brought in while their page was out of
sight are measured like the rest, without the window having to be resized. No page is
wider than the window, down to a 1366x768 laptop at 150% and an 800x600 window."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rhi_desktop.demo_answers import fill
from rhi_desktop.forms import Form, FormSession, load_form
from rhi_desktop.forms.versions import FormRegistry
from tests.ui.forms.conftest import ACTOR, NOW, Draft, add_draft, age_form, fixed_clock
from tests.ui.forms.keyboard import Keyboard
from ui.forms.editor import open_form_editor
from ui.forms.renderer import FormRenderer
from ui.interview_editor import InterviewWindow

LAPTOP = (1366, 768)
SMALL_LAPTOP = (1280, 720)
LAPTOP_AT_150 = (911, 512)
"""A 1366x768 laptop at 150% scaling, in the pixels the window is laid out in."""
NARROW = (800, 600)
PEOPLE: dict[str, object] = {"people": [{"person_name": "Jay", "person_concern": "yes"}]}


def _placed_inputs(renderer: FormRenderer, section_id: str) -> dict[QWidget, QRect]:
    """Where each visible control of a section sits on its page."""
    page = renderer.page(section_id)
    content = page.widget()
    assert content is not None
    return {
        control: QRect(control.mapTo(content, control.rect().topLeft()), control.size())
        for control in renderer.section_controls(section_id)
        if control.isVisibleTo(page)
    }


def _height_wanted(control: QWidget) -> int:
    """Its fixed height where it has one (a long answer's editor, which scrolls through
    what does not fit), else the height it asks for."""
    if control.minimumHeight() == control.maximumHeight():
        return control.maximumHeight()
    return control.sizeHint().height()


def _layout_problems(renderer: FormRenderer, section_id: str) -> list[str]:
    placed = _placed_inputs(renderer, section_id)
    problems = [
        f"{control.accessibleName()!r} is {rect.height()} px tall, needs {_height_wanted(control)}"
        for control, rect in placed.items()
        if rect.height() < _height_wanted(control)
    ]
    problems.extend(
        f"{first.accessibleName()!r} overlaps {second.accessibleName()!r}"
        for (first, a), (second, b) in itertools.combinations(placed.items(), 2)
        if a.intersects(b)
    )
    return problems


@pytest.fixture
def open_window(
    qtbot: QtBot, draft: Draft, registry: FormRegistry
) -> Callable[[tuple[int, int], dict[str, object] | None], InterviewWindow]:
    """Opens an interview's window at a given size, as "Open interview" would (closing
    it, as the test ends, saves and stops the autosave timer)."""

    def open_(size: tuple[int, int], answers: dict[str, object] | None) -> InterviewWindow:
        interview_id = add_draft(draft.store, answers=answers)
        editor = open_form_editor(
            store=lambda: draft.store,
            actor=lambda: ACTOR,
            interview_id=interview_id,
            registry=registry,
            clock=fixed_clock,
        )
        window = InterviewWindow(interview_id, editor)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


@pytest.mark.parametrize("size", [LAPTOP, SMALL_LAPTOP], ids=["1366x768", "1280x720"])
@pytest.mark.parametrize("answers", [None, PEOPLE], ids=["new", "with-a-person"])
def test_a_section_the_offer_brings_in_is_laid_out_when_reached_by_next(
    open_window: Callable[[tuple[int, int], dict[str, object] | None], InterviewWindow],
    keyboard: Keyboard,
    size: tuple[int, int],
    answers: dict[str, object] | None,
) -> None:
    window = open_window(size, answers)
    renderer = window.editor.renderer
    assert not renderer.field_view("travel").shown_within(renderer)
    outcome = renderer.field_view("offer_outcome").controls()[0]
    keyboard.choose(outcome, "Accepted")  # type: ignore[arg-type]
    for section_id in ("venue", "before", "during"):
        keyboard.tab_to(renderer.page(renderer.current_section).next_button)
        keyboard.press(Qt.Key.Key_Space)
        assert renderer.current_section == section_id
    assert renderer.page("during").isVisible()
    QApplication.processEvents()  # the layout requests a frame would handle first
    assert window.size().toTuple() == size
    assert _layout_problems(renderer, "during") == []


ROWS: dict[str, object] = {
    "places": [
        {
            "place_description": "A flat above the takeaway on the high street",
            "place_location": {"description": "High Street", "postcode": "ZZ99 3AA"},
        }
    ],
    "people": [{"person_name": "Siân", "person_age": 19, "person_concern": "yes"}],
    "agreed_actions": [
        {
            "action_what": "Meet after school",
            "action_who": "Key worker",
            "action_by_when": "2026-12-04",
        }
    ],
}


def _accepted_interview(form: Form) -> dict[str, object]:
    """Every relevant question answered, and a row in each repeat group."""
    rng = random.Random(3)
    answers = fill(form, rng, NOW)
    while answers.get("offer_outcome") != "accepted":
        answers = fill(form, rng, NOW)
    return {**answers, **ROWS}


@pytest.mark.parametrize(
    ("size", "points"),
    [
        (LAPTOP_AT_150, 10.0),
        (NARROW, 10.0),
        (LAPTOP_AT_150, 12.0),
        (LAPTOP_AT_150, 16.0),
        (NARROW, 16.0),
    ],
    ids=[
        "1366x768-150pct",
        "800x600",
        "1366x768-150pct-larger-text",
        "1366x768-150pct-16pt",
        "800x600-16pt",
    ],
)
def test_no_page_is_wider_than_the_window(
    open_window: Callable[[tuple[int, int], dict[str, object] | None], InterviewWindow],
    rhi_form: Form,
    system_font: Callable[[float], None],
    size: tuple[int, int],
    points: float,
) -> None:
    """A page wider than its window scrolls sideways, and the right-hand side of every
    question on it (a Show button, the end of each answer) is out of sight. So with text
    larger than the app's own, as a low-vision user may set it: at 16 points, tick boxes
    and radio buttons whose text Qt keeps on one line made half the pages too wide, and
    in an 800x600 window so did the buttons naming the next and previous sections."""
    system_font(points)
    window = open_window(size, _accepted_interview(rhi_form))
    renderer = window.editor.renderer
    too_wide = []
    for section in rhi_form.definition.sections:
        renderer.show_section(section.id)
        QApplication.processEvents()
        page = renderer.page(section.id)
        for button in (page.previous_button, page.next_button):  # cut short, named whole
            assert "\u2026" not in button.accessibleName()
        if page.horizontalScrollBar().maximum() > 0:
            content = page.widget()
            assert content is not None
            too_wide.append(
                f"{section.id}: needs {content.minimumSizeHint().width()} px, "
                f"has {page.viewport().width()}"
            )
    assert too_wide == []


def _columns_of(renderer: FormRenderer, question_id: str) -> list[int]:
    boxes = renderer.field_view(question_id).controls()
    return sorted({box.mapTo(renderer, box.rect().topLeft()).x() for box in boxes})


@pytest.mark.parametrize(("size", "columns"), [(LAPTOP, 2), (NARROW, 1)], ids=["wide", "narrow"])
def test_tick_boxes_take_two_columns_where_they_fit(
    open_window: Callable[[tuple[int, int], dict[str, object] | None], InterviewWindow],
    rhi_form: Form,
    size: tuple[int, int],
    columns: int,
) -> None:
    """Down one column, then the next: Tab goes through them in the form's order."""
    window = open_window(size, _accepted_interview(rhi_form))
    renderer = window.editor.renderer
    renderer.show_section("referrals")
    QApplication.processEvents()
    assert len(_columns_of(renderer, "referrals_made")) == columns
    boxes = renderer.field_view("referrals_made").controls()
    chain = [boxes[0]]
    while len(chain) < len(boxes):
        chain.append(chain[-1].nextInFocusChain())
    assert chain == boxes
    tops = [box.mapTo(renderer, box.rect().topLeft()) for box in boxes]
    first_column = [top for top in tops if top.x() == tops[0].x()]
    assert [top.y() for top in first_column] == sorted(top.y() for top in first_column)


def test_a_long_choice_or_a_covered_answer_does_not_set_the_pages_width(
    qtbot: QtBot, system_font: Callable[[float], None]
) -> None:
    """A drop-down as wide as its longest choice, or the cover's one line of words, made
    a page wider than a narrow window, larger text more so."""
    system_font(16.0)
    definition = age_form()
    definition["choice_lists"] = {
        "ways": [{"value": "far", "label": "Taken to another town by someone they met " * 3}]
    }
    definition["sections"][0]["questions"] = [
        {"id": "how", "type": "single_choice", "label": "How?", "choices": "ways"},
        {"id": "story", "type": "long_text", "label": "In their words", "sensitive": True},
    ]
    renderer = FormRenderer(FormSession(load_form(definition), clock=fixed_clock))
    qtbot.addWidget(renderer)
    renderer.show()
    content = renderer.page(renderer.current_section).widget()
    assert content is not None
    assert content.minimumSizeHint().width() <= 400


def test_a_question_not_asked_leaves_no_space_between_the_others(
    open_window: Callable[[tuple[int, int], dict[str, object] | None], InterviewWindow],
) -> None:
    """On Harm and risk and on Referrals, a covered answer's row not asked now held the
    page's column to its narrowest: the questions were spread down the page, a message
    60 px below its question, next to Previous and Next."""
    window = open_window(LAPTOP, {"offer_outcome": "accepted"})
    renderer = window.editor.renderer
    spread: dict[str, int] = {}
    for section_id in renderer.session.form.sections:
        renderer.show_section(section_id)
        QApplication.processEvents()  # its layout, as a frame would
        column = renderer.page(section_id).column.layout
        given = column.geometry()
        if given.height() != column.heightForWidth(given.width()):
            spread[section_id] = given.height() - column.heightForWidth(given.width())
    assert spread == {}
