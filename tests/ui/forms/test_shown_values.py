"""Answers are shown as they would be typed: a decimal in figures, and a worked-out date
or time as a UK date in London time, as the inputs beside them show theirs."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from rhi_desktop.forms import FormSession, load_form
from ui.forms.renderer import FormRenderer

LATE_IN_JUNE = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
"""Half past midnight on 2 June in London."""


def _renderer(qtbot: QtBot, answers: dict[str, object]) -> FormRenderer:
    form = load_form({
        "form_id": "shown", "version": 1, "title": "Shown",
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "dose", "type": "decimal", "label": "Dose"},
            {"id": "seen_at", "type": "datetime", "label": "Seen at", "calculation": "now()"},
            {"id": "seen_on", "type": "date", "label": "Seen on", "calculation": "today()"},
            {"id": "third", "type": "decimal", "label": "A third", "calculation": "1 div 3"},
        ]}],
    })  # fmt: skip
    renderer = FormRenderer(FormSession(form, answers, clock=lambda: LATE_IN_JUNE))
    qtbot.addWidget(renderer)
    renderer.show()
    return renderer


def _text(renderer: FormRenderer, question_id: str) -> str:
    edit = renderer.field_view(question_id).controls()[0]
    assert isinstance(edit, QLineEdit)
    return edit.text()


def test_a_stored_decimal_is_shown_in_figures_and_stays_good_when_typed_on(
    qtbot: QtBot,
) -> None:
    renderer = _renderer(qtbot, {"dose": 5e-05})
    assert _text(renderer, "dose") == "0.00005"
    edit = renderer.field_view("dose").controls()[0]
    edit.setFocus()
    edit.end(False)
    qtbot.keyClick(edit, Qt.Key.Key_1)
    assert renderer.session.answer("dose") == 0.000051


def test_worked_out_dates_and_times_read_as_the_typed_ones_do(qtbot: QtBot) -> None:
    renderer = _renderer(qtbot, {})
    assert _text(renderer, "seen_at") == "02/06/2026 00:30"
    assert _text(renderer, "seen_on") == "02/06/2026"
    assert _text(renderer, "third") == "0.333333333333333"
