"""Telling the interviewer a newer form version exists, and what moving would leave behind.

A draft stays on the version it was started with; moving it is the interviewer's
explicit choice, made after reading, question by question, what cannot be carried over.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from rhi_desktop.forms import Form, QuestionType
from rhi_desktop.forms.versions import Migration, NotCarried, Reason
from ui.form_language import form_language
from ui.forms.buttons import form_button


def _choice_labels(form: Form, item: NotCarried) -> str:
    info = form.fields.get(item.question_id)
    labels = dict[str, str]()
    if info is not None and info.question.choices is not None:
        for choice in form.definition.choice_lists[info.question.choices]:
            labels[choice.value] = form.text(choice.label, form_language(form))
    elif info is not None and info.question.type is QuestionType.YES_NO:
        labels["yes"] = QCoreApplication.translate("FormVersions", "Yes")
        labels["no"] = QCoreApplication.translate("FormVersions", "No")
    return ", ".join(labels.get(value, value) for value in item.values)


def _label(form: Form, question_id: str) -> str:
    """The question as the form shows it, in the language it is shown in."""
    info = form.fields.get(question_id)
    return question_id if info is None else form.text(info.question.label, form_language(form))


def reason_text(form: Form, item: NotCarried, target: Form) -> str:
    """Why one question's answer stays behind, worded for the interviewer. The choices
    no longer offered are named unless either version marks the question sensitive."""
    texts = {
        Reason.REMOVED: QCoreApplication.translate(
            "FormVersions", "the new version no longer asks this"
        ),
        Reason.TYPE_CHANGED: QCoreApplication.translate(
            "FormVersions", "the question now takes a different kind of answer, so answer it again"
        ),
        Reason.CALCULATED: QCoreApplication.translate(
            "FormVersions", "the new version works this out from other answers"
        ),
        Reason.NOW_ASKED: QCoreApplication.translate(
            "FormVersions",
            "the old version worked this out; the new version asks it, so answer it there",
        ),
        Reason.SCALE_CHANGED: QCoreApplication.translate(
            "FormVersions", "the rating scale has other ends now, so rate it again there"
        ),
        Reason.NOT_VALID: QCoreApplication.translate(
            "FormVersions", "the answer no longer fits the question"
        ),
        Reason.NOT_ASKED: QCoreApplication.translate(
            "FormVersions", "not asked by the new version, given the other answers"
        ),
        Reason.TO_CORRECT: QCoreApplication.translate(
            "FormVersions", "carried over as it is, but it no longer fits the question"
        ),
    }
    if item.reason is Reason.MOVED:
        group = target.fields[item.question_id].repeat_id
        if group is not None:
            return QCoreApplication.translate(
                "FormVersions", "the question is now asked in each row of {0}, so answer it there"
            ).format(_label(target, group))
        return QCoreApplication.translate(
            "FormVersions", "the question is now asked once, not in each row, so answer it there"
        )
    if item.reason is Reason.CHOICES_REMOVED:
        info, now = form.fields.get(item.question_id), target.fields.get(item.question_id)
        if info is None or info.sensitive or (now is not None and now.sensitive):
            return QCoreApplication.translate(
                "FormVersions", "an answer given is no longer offered"
            )
        return QCoreApplication.translate("FormVersions", "no longer offered: {0}").format(
            _choice_labels(form, item)
        )
    return texts[item.reason]


@dataclass(frozen=True, slots=True)
class Summary:
    """A move's summary, line by line; `items`: the lines that each name a question (the
    rest are headings)."""

    lines: tuple[str, ...]
    items: frozenset[int]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def items_after(self, shown: int) -> int:
        """How many questions are named after the first `shown` lines."""
        return sum(1 for line in self.items if line >= shown)


def summarise(source: Form, target: Form, migration: Migration, *, done: bool = False) -> Summary:
    """What moving the draft from `source` to `target` would carry, what it would leave
    behind, and which repeat groups have more rows than the new version allows; `done`:
    said of a move made."""
    parts = [*_carried(source, target, migration, done), *_too_many_rows(source, migration)]
    return Summary(
        tuple(line for line, _ in parts),
        frozenset(index for index, (_, item) in enumerate(parts) if item),
    )


def _too_many_rows(source: Form, migration: Migration) -> list[tuple[str, bool]]:
    lines = []
    for repeat_id, rows, most in migration.too_many_rows:
        label = _label(source, repeat_id)
        said = QCoreApplication.translate(
            "FormVersions",
            "\u2022 {0}: this draft has {1} rows and version {2} allows {3}. Every row "
            "is carried over; remove rows to sign off.",
        ).format(label, rows, migration.target.version, most)
        lines.append((said, True))
    return lines


def _carried(
    source: Form, target: Form, migration: Migration, done: bool
) -> list[tuple[str, bool]]:
    """The lines on what is carried, each said to name a question or not."""
    version = migration.target.version
    if migration.complete:
        said = QCoreApplication.translate(
            "FormVersions", "Every answer will be carried over to version {0}."
        ).format(version)
        return [(said, False)]
    left_behind = (
        QCoreApplication.translate(
            "FormVersions", "These answers were not carried over to version {0}:"
        )
        if done
        else QCoreApplication.translate(
            "FormVersions",
            "These answers cannot be carried over to version {0} and will be left behind:",
        )
    )
    kept_aside = QCoreApplication.translate(
        "FormVersions",
        "These answers move with the draft but are not shown, as version {0} does "
        "not ask them given the other answers; each comes back if its question is "
        "asked before the draft is closed:",
    )
    to_correct = QCoreApplication.translate(
        "FormVersions",
        "These answers are carried over as they were, but no longer fit their "
        "questions in version {0} (a text too long now, say): correct them before "
        "signing off:",
    )
    lines: list[tuple[str, bool]] = []
    for items, heading, why_from in (
        (migration.left_behind, left_behind, target),  # each says why it stays behind
        (migration.kept_aside, kept_aside, None),
        (migration.to_correct, to_correct, None),
    ):
        if items:
            lines.append((heading.format(version), False))
            lines += [(_item_line(source, item, why_from), True) for item in items]
    return lines


def _item_line(source: Form, item: NotCarried, target: Form | None) -> str:
    """The question, and why it stays behind if `target` is given."""
    label = _label(source, item.question_id)
    if len(item.rows) == 1:
        label = QCoreApplication.translate("FormVersions", "{0} (row {1})").format(
            label, item.rows[0] + 1
        )
    elif item.rows:
        label = QCoreApplication.translate("FormVersions", "{0} (rows {1})").format(
            label, ", ".join(str(r + 1) for r in item.rows)
        )
    if target is None:
        return QCoreApplication.translate("FormVersions", "\u2022 {0}").format(label)
    return QCoreApplication.translate("FormVersions", "\u2022 {0}: {1}").format(
        label, reason_text(source, item, target)
    )


class VersionBanner(QFrame):
    """'A newer version is installed' with the button that offers to move the draft."""

    moveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.button = form_button(self)
        self.button.clicked.connect(self.moveRequested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def offer(self, current: int, newer: int | None) -> None:
        if newer is None:
            self.hide()
            return
        said = QCoreApplication.translate(
            "FormVersions",
            "Version {1} of this form is installed. This draft stays on version {0} unless "
            "you move it.",
        ).format(current, newer)
        self.text.setText(f"\u2139 {said}")
        label = QCoreApplication.translate("FormVersions", "Move to version {0}\u2026").format(
            newer
        )
        self.button.setText(label)
        self.button.setAccessibleName(label.removesuffix("\u2026"))  # an ellipsis is not read
        self.button.setAccessibleDescription(said)  # the text beside it takes no focus
        self.show()
