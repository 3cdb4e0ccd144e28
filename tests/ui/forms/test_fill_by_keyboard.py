"""An interviewer fills in the whole RHI form without touching the mouse, and the
encrypted store ends up holding exactly what they typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from rhi_desktop.forms import Form
from tests.ui.forms.conftest import Draft
from tests.ui.forms.keyboard import Keyboard
from tests.ui.forms.screens import save_screenshot
from ui.forms.editor import InterviewFormEditor
from ui.forms.progress import SectionState
from ui.forms.renderer import FormRenderer
from ui.forms.widgets.choice import CheckList

PERSON = "Siân Łukasz"
INTERVIEWER = "Zoë Brontë-Ørsted"

EXPECTED: dict[str, Any] = {
    "offer_made_at": "2026-11-26T10:15:00+00:00",
    "offer_method": "in_person",
    "offer_outcome": "accepted",
    "child_consulted": "yes",
    "child_choice": "School, after lunch",
    "interview_date": "2026-11-27",
    "interview_start": "13:30:00",
    "interview_end": "14:45:00",
    "venue_type": "school",
    "present": ["teaching_assistant", "other"],
    "present_other": "Sports coach",
    "interpreter_used": "yes",
    "interpreter_language": "Polish",
    "interpreter_service": "Language Line",
    "missing_before": "no",
    "push_factors": ["family_conflict", "other"],
    "push_other": "Argument about a phone",
    "pull_factors": ["friends"],
    "before_story": "Stayed up late, then left",
    "places": [
        {
            "place_description": "Park near the station",
            "place_location": {"description": "Station Road", "postcode": "SW1A 1AA"},
            "place_duration": "6_to_24_hours",
        }
    ],
    "people": [
        {
            "person_name": PERSON,
            "person_relationship": "friend",
            "person_age": 17,
            "person_concern": "yes",
            "person_concern_details": "Older friend with a car",
        }
    ],
    "travel": ["bus", "other"],
    "travel_other": "Lift from a friend",
    "where_slept": ["friend_home"],
    "what_happened": "Watched films",
    "given_items": ["food"],
    "given_details": "Pizza, nothing expected",
    "substances_used": "no",
    "risk_indicators": ["cse"],
    "risk_details": "Older contacts online",
    "harm_disclosed": "no",
    "immediate_concern": "yes",
    "concern_details": "Wants to go back to the older friend",
    "action_taken": "Called the duty team",
    "concern_reported_to": ["police", "childrens_social_care"],
    "concern_reported_at": "2026-11-27T14:50:00+00:00",
    "way_home": "came_back_themselves",
    "feelings": 4,
    "feelings_words": "Tired but okay",
    "support_wanted": ["someone_to_talk_to"],
    "support_notes": "Weekly check-in",
    "safety_information": ["missing_people", "childline"],
    "safety_plan_agreed": "yes",
    "safety_plan": "Text worker before leaving",
    "referrals_made": ["exploitation_team"],
    "referral_details": "Sent to the exploitation team",
    "police_info_shared": "yes",
    "police_consent": "consent_given",
    "police_info_summary": "Places and first names",
    "police_shared_at": "2026-11-27",
    "police_reference": "PR-12345",
    "philomena_update": "yes",
    "agreed_actions": [
        {
            "action_what": "Check in weekly",
            "action_who": "Interviewer",
            "action_by_when": "2026-12-04",
        }
    ],
    "feedback_helpful": 5,
    "feedback_able_to_talk": "yes",
    "feedback_talk_again": "yes",
    "feedback_comments": "Liked the quiet room",
    "reflection_notes": "Good rapport",
    "reflection_for_supervision": "no",
    "interviewer_name": INTERVIEWER,
    "signed_at": "2026-11-27T14:55:00+00:00",
    "declaration": "yes",
}


class Interviewer:
    """Fills questions by keyboard; each method is what a person would press."""

    def __init__(self, editor: InterviewFormEditor, keyboard: Keyboard, form: Form) -> None:
        self.renderer: FormRenderer = editor.renderer
        self.keys = keyboard
        self.form = form

    def controls(self, question_id: str, row: int | None = None) -> list[QWidget]:
        return self.renderer.field_view(question_id, row).controls()

    def text(self, question_id: str, value: str, row: int | None = None) -> None:
        self.keys.fill(self.controls(question_id, row)[0], value)

    def hidden_text(self, question_id: str, value: str, row: int | None = None) -> None:
        """A sensitive long answer not given yet: nothing to cover, so it is typed into as
        any other (it is covered once the section is left)."""
        view = self.renderer.field_view(question_id, row)
        assert view.cover is not None and view.cover.revealed
        self.keys.fill(view.controls()[0], value)

    def choice(self, question_id: str, value: str, row: int | None = None) -> None:
        info = self.form.fields[question_id]
        assert info.question.choices is not None
        labels = {
            c.value: self.form.text(c.label)
            for c in self.form.definition.choice_lists[info.question.choices]
        }
        combo = self.controls(question_id, row)[0]
        assert isinstance(combo, QComboBox)
        self.keys.choose(combo, labels[value])

    def ticks(self, question_id: str, *values: str) -> None:
        view = self.renderer.field_view(question_id)
        assert isinstance(view.answer, CheckList)
        choices = list(self.form.fields[question_id].choices or ())
        boxes = view.controls()
        for value in values:
            box = boxes[choices.index(value)]
            assert isinstance(box, QCheckBox)
            self.keys.tick(box)

    def yes_no(self, question_id: str, answer: str, row: int | None = None) -> None:
        self.keys.pick_radio(self.controls(question_id, row), ["yes", "no"].index(answer))

    def scale(self, question_id: str, point: int) -> None:
        scale = self.form.fields[question_id].question.scale
        assert scale is not None
        self.keys.pick_radio(self.controls(question_id), point - scale.min)

    def next_section(self, expected: str) -> None:
        page = self.renderer.page(self.renderer.current_section)
        self.keys.tab_to(page.next_button)
        self.keys.press(Qt.Key.Key_Space)
        assert self.renderer.current_section == expected


def _masked_everywhere(renderer: FormRenderer, section_id: str) -> None:
    """What a screenshot of the section shows of sensitive answers: nothing. Every answer
    given is covered; a question left open holds nothing to show."""
    for question_id in renderer.session.form.sections[section_id].question_ids:
        info = renderer.session.form.fields[question_id]
        if not info.question.sensitive:
            continue
        rows = (
            [None] if info.repeat_id is None else range(renderer.session.row_count(info.repeat_id))
        )
        for row in rows:
            view = renderer.field_view(question_id, row)
            assert view.cover is not None
            given = renderer.session.entry(question_id, row) is not None
            for control in view.controls()[:-1]:
                if isinstance(control, QLineEdit):
                    assert control.echoMode() is QLineEdit.EchoMode.Password
                    assert not control.text() or control.displayText() != control.text()
                elif given or not view.cover.revealed:
                    assert not view.cover.revealed and not control.isVisible()
                else:
                    assert isinstance(control, QPlainTextEdit) and not control.toPlainText()


def test_whole_form_filled_by_keyboard_is_stored_as_typed(
    open_editor: Callable[..., InterviewFormEditor],
    keyboard: Keyboard,
    rhi_form: Form,
    draft: Draft,
    artifacts_dir: Path,
) -> None:
    editor = open_editor()
    renderer = editor.renderer
    person = Interviewer(editor, keyboard, rhi_form)
    shots = artifacts_dir / "forms"

    def screenshot(section_id: str) -> None:
        renderer.mask_sensitive()
        _masked_everywhere(renderer, section_id)
        QApplication.processEvents()  # laid out as on screen: the page fits its viewport
        viewport = renderer.page(section_id).viewport()
        labels = [  # the questions' labels in sight: each must show its words
            view.label
            for view in renderer.field_views()
            if view.label.isVisibleTo(renderer)
            and viewport.isAncestorOf(view.label)
            and viewport.rect().contains(
                QRect(view.label.mapTo(viewport, QPoint(0, 0)), view.label.size())
            )
        ]
        assert labels, f"no question in sight on {section_id}"
        save_screenshot(editor, shots, f"section-{section_id}", drawn=labels)

    # The offer.
    person.text("offer_made_at", "26/11/2026 10:15")
    person.choice("offer_method", "in_person")
    person.choice("offer_outcome", "accepted")
    person.yes_no("child_consulted", "yes")
    person.text("child_choice", "School, after lunch")
    keyboard.tab_out()
    assert not renderer.field_view("not_consulted_reason").shown_within(renderer)
    assert not renderer.field_view("offer_attempts").shown_within(renderer)
    screenshot("offer")
    person.next_section("venue")

    person.text("interview_date", "27 Nov 26")
    person.text("interview_start", "1.30pm")
    person.text("interview_end", "14:45")
    person.choice("venue_type", "school")
    date_input = renderer.field_view("interview_date").controls()[0]
    assert isinstance(date_input, QLineEdit) and date_input.text() == "27/11/2026"
    person.ticks("present", "teaching_assistant", "other")
    person.text("present_other", "Sports coach")
    person.yes_no("interpreter_used", "yes")
    person.text("interpreter_language", "Polish")
    person.text("interpreter_service", "Language Line")
    screenshot("venue")
    person.next_section("before")

    person.yes_no("missing_before", "no")
    person.ticks("push_factors", "family_conflict", "other")
    person.text("push_other", "Argument about a phone")  # masked while typed
    person.ticks("pull_factors", "friends")
    person.hidden_text("before_story", "Stayed up late, then left")
    screenshot("before")
    person.next_section("during")

    places = renderer.group_view("places")
    keyboard.tab_to(places.add_button)
    keyboard.press(Qt.Key.Key_Space)
    assert keyboard.focus() is person.controls("place_description", 0)[0]
    keyboard.type("Park near the station")
    location = person.controls("place_location", 0)
    keyboard.fill(location[0], "Station Road")
    keyboard.fill(location[1], "sw1a1aa")
    person.choice("place_duration", "6_to_24_hours", row=0)
    people = renderer.group_view("people")
    keyboard.tab_to(people.add_button)
    keyboard.press(
        Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert keyboard.focus() is person.controls("person_name", 0)[0]
    keyboard.type(PERSON)
    person.choice("person_relationship", "friend", row=0)
    person.text("person_age", "17", row=0)
    person.yes_no("person_concern", "yes", row=0)
    person.hidden_text("person_concern_details", "Older friend with a car", row=0)
    person.ticks("travel", "bus", "other")
    person.text("travel_other", "Lift from a friend")
    person.ticks("where_slept", "friend_home")
    person.hidden_text("what_happened", "Watched films")
    person.ticks("given_items", "food")
    person.hidden_text("given_details", "Pizza, nothing expected")
    person.yes_no("substances_used", "no")
    screenshot("during")
    person.next_section("risks")

    person.ticks("risk_indicators", "cse")
    person.hidden_text("risk_details", "Older contacts online")
    person.yes_no("harm_disclosed", "no")
    screenshot("risks")
    person.next_section("safeguarding")

    person.yes_no("immediate_concern", "yes")
    person.hidden_text("concern_details", "Wants to go back to the older friend")
    person.text("action_taken", "Called the duty team")
    person.ticks("concern_reported_to", "police", "childrens_social_care")
    person.text("concern_reported_at", "27/11/2026 2.50pm")
    screenshot("safeguarding")
    person.next_section("after")

    person.choice("way_home", "came_back_themselves")
    person.scale("feelings", 4)
    person.hidden_text("feelings_words", "Tired but okay")
    person.ticks("support_wanted", "someone_to_talk_to")
    person.text("support_notes", "Weekly check-in")
    person.ticks("safety_information", "missing_people", "childline")
    person.yes_no("safety_plan_agreed", "yes")
    person.text("safety_plan", "Text worker before leaving")
    screenshot("after")
    person.next_section("referrals")

    person.ticks("referrals_made", "exploitation_team")
    person.text("referral_details", "Sent to the exploitation team")
    person.yes_no("police_info_shared", "yes")
    person.choice("police_consent", "consent_given")
    person.hidden_text("police_info_summary", "Places and first names")
    person.text("police_shared_at", "27/11/2026")
    person.text("police_reference", "PR-12345")
    person.yes_no("philomena_update", "yes")
    screenshot("referrals")
    person.next_section("actions")

    actions = renderer.group_view("agreed_actions")
    keyboard.tab_to(actions.add_button)
    keyboard.press(Qt.Key.Key_Space)
    keyboard.type("Check in weekly")
    person.text("action_who", "Interviewer", row=0)
    person.text("action_by_when", "4/12/2026", row=0)
    screenshot("actions")
    person.next_section("feedback")

    person.scale("feedback_helpful", 5)
    person.yes_no("feedback_able_to_talk", "yes")
    person.yes_no("feedback_talk_again", "yes")
    person.text("feedback_comments", "Liked the quiet room")
    screenshot("feedback")
    person.next_section("reflection")

    person.text("reflection_notes", "Good rapport")
    person.yes_no("reflection_for_supervision", "no")
    screenshot("reflection")
    person.next_section("sign_off")

    person.text("interviewer_name", INTERVIEWER)
    person.text("signed_at", "27/11/2026 14:55")
    person.yes_no("declaration", "yes")
    screenshot("sign_off")

    keyboard.tab_to(editor.check_button)
    keyboard.press(Qt.Key.Key_Space)
    report = renderer.session.validate()
    assert report.ok, [str(issue.key) for issue in report.issues]
    assert editor.check_result.text().startswith("\u2713")
    for section_id in rhi_form.sections:
        assert renderer.navigator.progress(section_id).state is SectionState.COMPLETE
    assert renderer.session.record() == EXPECTED

    editor.close()  # closing saves what the debounce has not yet written
    assert not editor.saver.pending
    assert draft.answers() == EXPECTED
