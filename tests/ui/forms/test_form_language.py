"""A form published in more than one language is shown in the one closest to the app's
(the `language` setting): the interview editor and the sign-off check alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from rhi_desktop.domain.entities import Review, ReviewDecision
from rhi_desktop.forms import Form, load_form
from rhi_desktop.forms.versions import FormRef, Migration, NotCarried, Reason
from rhi_desktop.review import answer_summary
from tests.ui.forms.conftest import ACTOR, Draft, fixed_clock
from ui.appearance import install_translations
from ui.forms.editor import InterviewFormEditor
from ui.forms.version_banner import summarise
from ui.review.words import review_words
from ui.review_comments import ReviewCommentsPanel
from ui.sign_off_check import check_for_sign_off

BILINGUAL = load_form(
    {
        "form_id": "bilingual",
        "version": 1,
        "title": {"en": "Return interview", "cy": "Cyfweliad dychwelyd"},
        "languages": ["en", "cy"],
        "sections": [
            {
                "id": "during",
                "title": {"en": "During", "cy": "Yn ystod"},
                "questions": [
                    {
                        "id": "where_went",
                        "type": "text",
                        "required": True,
                        "label": {"en": "Where did you go?", "cy": "Ble aethoch chi?"},
                    }
                ],
            }
        ],
    }
)


@pytest.fixture
def app_language(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("cy-GB", "cy"), ("cy", "cy"), ("CY_gb", "cy"), ("en-GB", "en"), ("pl", "en"), (None, "en")],
)
def test_the_forms_language_closest_to_the_apps_is_chosen(tag: str | None, expected: str) -> None:
    assert BILINGUAL.language_for(tag) == expected


def test_text_missing_in_a_language_is_shown_in_the_default_not_another() -> None:
    # It fell back to whichever language the text listed first: Polish, on a Welsh form.
    form = load_form({
        "form_id": "three", "version": 1, "title": "Three", "languages": ["en", "cy", "pl"],
        "sections": [{"id": "main", "title": "Main", "questions": [
            {"id": "age", "type": "integer", "label": {"pl": "Wiek", "en": "Age"}},
        ]}],
    })  # fmt: skip
    label = form.field("age").question.label
    assert form.text(label, "cy") == "Age"
    assert form.text(label, "pl") == "Wiek"
    assert form.text("Plain", "cy") == "Plain"


def test_a_form_in_one_language_is_shown_in_it(rhi_form: Form) -> None:
    assert rhi_form.language_for("cy-GB") == rhi_form.default_language == "en"


@pytest.mark.usefixtures("app_language")
def test_with_the_app_in_welsh_the_editor_and_sign_off_use_the_welsh_labels(
    qtbot: QtBot, qapp: QApplication, draft: Draft
) -> None:
    install_translations(qapp, "cy-GB")
    interview = replace(
        draft.store.interviews.get(draft.interview_id), form_id="bilingual", form_version=1
    )
    editor = InterviewFormEditor(
        interview, BILINGUAL, store=lambda: draft.store, actor=lambda: ACTOR, clock=fixed_clock
    )
    qtbot.addWidget(editor)
    editor.show()

    shown = {label.text() for label in editor.findChildren(QLabel) if label.isVisible()}
    assert any(text.startswith("Ble aethoch chi?") for text in shown)
    assert "Yn ystod" in shown
    assert not any(text.startswith("Where did you go?") for text in shown)

    class Forms:
        def load(self, form_id: str, version: int) -> Form:
            return BILINGUAL

    check = check_for_sign_off(interview, fixed_clock, Forms(), QLocale().bcp47Name())
    assert [(issue.section, issue.question) for issue in check.issues] == [
        ("Yn ystod", "Ble aethoch chi?")
    ]


@pytest.mark.usefixtures("app_language")
def test_with_the_app_in_welsh_the_coordinators_comments_and_review_use_welsh(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # The comments beside a Welsh form, and the review screens, named every question in
    # the form's default language.
    install_translations(qapp, "cy-GB")
    review = Review(
        id="r", interview_id="i", revision=1, reviewer_id="c", decided_at=fixed_clock(),
        decision=ReviewDecision.RETURNED, question_comments={"where_went": "Pa dref?"},
    )  # fmt: skip
    panel = ReviewCommentsPanel(review, lambda: BILINGUAL, lambda _question: None)
    qtbot.addWidget(panel)
    assert panel.comment_texts() == ["Ble aethoch chi?: Pa dref?"]

    [section] = answer_summary(BILINGUAL, {"where_went": "Abertawe"}, review_words())
    assert section.title == "Yn ystod"
    assert [line.label for line in section.lines] == ["Ble aethoch chi?"]


def test_what_a_move_would_leave_behind_is_named_in_the_forms_language(
    app_language: None,
) -> None:
    QLocale.setDefault(QLocale("cy_GB"))
    migration = Migration(
        FormRef("bilingual", 1),
        FormRef("bilingual", 2),
        {},
        (NotCarried("where_went", Reason.REMOVED),),
    )
    summary = summarise(BILINGUAL, BILINGUAL, migration).text
    assert "Ble aethoch chi?" in summary and "Where did you go?" not in summary
