"""The form renderer: building it, one keystroke through it, and one autosave write.

- `forms.render_vs_plain_widgets`: building the renderer for the whole RHI form holding
  50 filled repeat rows, against building a plain tree of the same input widgets (same
  classes, same count, a label per question, in one layout): what the renderer's own
  machinery costs on top of Qt. Goal: ratio <= 2.
- `forms.tree_floor_vs_plain_widgets` (for information): the renderer's own widget tree
  recorded and built again by plain Qt calls, set up as the renderer sets it up (texts,
  names and descriptions, the answers shown, masking, sizes, event filters, a connection
  per signal listened to, buddies, shortcuts, tab order) with none of its logic, against
  the same plain tree: the least a renderer that builds this tree could take. All three
  are built in the same rounds, against one plain time. See `widget_replay`.
- `forms.relevance_update`: one keystroke through the renderer, each changing the answer
  (the session re-evaluates only what depends on the edited answer; only those widgets
  are touched), against what a renderer without dependency tracking does per keystroke
  (`reevaluate_all` and repaint every question). Goal: ratio <= 0.2.
  `forms.keystroke_ms` is the median keystroke.
- `forms.autosave_write_ms`: the median autosave write (a full record, one SQLCipher
  transaction): under 10 ms keeps autosave on the GUI thread.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rhi_desktop.autosave import DraftWriter
from rhi_desktop.demo_answers import fill
from rhi_desktop.domain.entities import (
    Child,
    EpisodeType,
    InterviewState,
    MissingEpisode,
    ReturnInterview,
    new_id,
)
from rhi_desktop.forms import Form, FormSession, QuestionType, load_bundled_form
from rhi_desktop.store import Store
from tests.benchmarks.harness import BenchResult
from tests.benchmarks.widget_replay import record as record_tree
from ui.forms.renderer import FormRenderer

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
ROWS = 50
GROUP_SHARE = {"places": 0.4, "people": 0.4, "agreed_actions": 0.2}
TYPED_DATE = "27/11/2026"
KEYSTROKES = "\b5\b6" * 5
"""Into the interview date, each one changing what its dependents read: rubbing out the
last digit leaves no date, typing it gives 2025 or 2026 (partial dates change nothing,
and would time keystrokes that do no work)."""
INPUT_CLASSES = (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox, QRadioButton, QPushButton)


def _clock() -> datetime:
    return NOW


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([])


def _row_value(form: Form, question_id: str, row: int) -> object | None:
    info = form.fields[question_id]
    kind = info.question.type
    if kind in (QuestionType.TEXT, QuestionType.LONG_TEXT):
        return f"Row {row} answer for {question_id}"
    if kind is QuestionType.INTEGER:
        return 10 + row % 50
    if kind is QuestionType.DATE:
        return (NOW + timedelta(days=7 + row)).date().isoformat()
    if kind is QuestionType.LOCATION:
        return {"description": f"Place {row}", "postcode": "ZZ99 3AA"}
    if kind in (QuestionType.YES_NO, QuestionType.SINGLE_CHOICE) and info.choices:
        return info.choices[row % len(info.choices)]
    return None


def filled_record(form: Form, rows: int) -> dict[str, Any]:
    """An accepted interview, every relevant question answered, `rows` rows in all."""
    rng = random.Random(72)
    record = fill(form, rng, NOW)
    while record.get("offer_outcome") != "accepted":
        record = fill(form, rng, NOW)
    session = FormSession(form, record, clock=_clock)
    for repeat_id, share in GROUP_SHARE.items():
        while session.row_count(repeat_id):
            session.remove_row(repeat_id, 0)
        for row in range(max(1, round(rows * share))):
            session.add_row(repeat_id)
            for child in form.repeat_children(repeat_id):
                value = _row_value(form, child, row)
                if value is not None:
                    session.set_answer(child, value, row)
    return session.record()


Blueprint = list[tuple[str, list[tuple[type[QWidget], str, list[str]]]]]
"""Per question: its label and its inputs as (plain Qt class, text, drop-down items)."""


def _plain_class(widget: QWidget) -> type[QWidget]:
    return next(kind for kind in INPUT_CLASSES if isinstance(widget, kind))


def _spec(widget: QWidget) -> tuple[type[QWidget], str, list[str]]:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    items = (
        [widget.itemText(i) for i in range(widget.count())] if isinstance(widget, QComboBox) else []
    )
    return _plain_class(widget), text, items


def _blueprint(renderer: FormRenderer) -> Blueprint:
    """The renderer's input widgets question by question, plus its other buttons."""
    found: Blueprint = []
    counted: set[int] = set()
    for view in renderer.field_views():
        parts = [w for part in view.parts() for w in (part, *part.findChildren(QWidget))]
        # a group of options is a part and so is each option in it: count each once
        unique = list({id(w): w for w in parts if id(w) not in counted}.values())
        widgets = [w for w in unique if isinstance(w, INPUT_CLASSES)]
        counted.update(id(w) for w in widgets)
        found.append((view.label.text(), [_spec(w) for w in widgets]))
    others = [w for w in renderer.findChildren(QPushButton) if id(w) not in counted]
    found.append(("", [_spec(w) for w in others]))  # add/remove rows, next/previous section
    return found


def _inputs(root: QWidget) -> int:
    return sum(isinstance(widget, INPUT_CLASSES) for widget in root.findChildren(QWidget))


def _plain_tree(blueprint: Blueprint) -> QWidget:
    """The same input widgets, one label per question, in a single plain layout."""
    root = QWidget()
    layout = QVBoxLayout(root)
    for label, specs in blueprint:
        if label:
            layout.addWidget(QLabel(label, root))
        for kind, text, items in specs:
            widget: QWidget
            if issubclass(kind, QComboBox):
                widget = QComboBox(root)
                widget.addItems(items)
            elif issubclass(kind, QAbstractButton):
                widget = kind(root)
                widget.setText(text)
            else:
                widget = kind(root)
            layout.addWidget(widget)
    return root


def _dispose(widgets: list[QWidget]) -> None:
    """Delete what was built, leaving Qt's queue of posted events empty.

    Each widget built posts requests (polish, layout) that no event loop runs here. A
    widget deleted while deferred deletes are being sent leaves its requests behind as
    empty entries, and the queue keeps them: every later build then scans a longer queue
    as it posts, and both sides slow down build after build. The queued requests are
    all for the widgets about to go, so they are dropped first.
    """
    QApplication.removePostedEvents(None, 0)
    for widget in widgets:
        widget.deleteLater()
    widgets.clear()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _in_turn(builds: Sequence[Callable[[], QWidget]], repeats: int) -> list[float]:
    """The least time each build took over `repeats` rounds of making every one of them,
    each round's widgets then deleted. Each goes first in turn: whichever is made first
    after a round's teardown runs a few milliseconds slower (the C library tidies the
    memory the teardown freed as the next build asks for more), a cost that belongs to
    none of them; so does machine noise, which then falls on all alike."""
    built: list[QWidget] = []
    best = [float("inf")] * len(builds)
    for round_ in range(repeats):
        first = round_ % len(builds)
        for side in [*range(first, len(builds)), *range(first)]:
            start = time.perf_counter()
            built.append(builds[side]())
            best[side] = min(best[side], time.perf_counter() - start)
        _dispose(built)
    return best


def _render_vs_plain(form: Form, record: dict[str, Any], repeats: int) -> list[BenchResult]:
    """The renderer's time includes reading the record into its `FormSession`, as opening
    a form does (about a millisecond)."""
    sample = FormRenderer(FormSession(form, record, clock=_clock))
    blueprint = _blueprint(sample)
    plain_sample = _plain_tree(blueprint)
    assert _inputs(plain_sample) == _inputs(sample), "the plain tree's inputs differ"
    recording = record_tree(sample)
    replayed = recording.build()
    assert record_tree(replayed).matches(recording), "the replayed tree differs"
    _dispose([sample, replayed, plain_sample])

    def render() -> QWidget:
        return FormRenderer(FormSession(form, record, clock=_clock))

    def plain() -> QWidget:
        return _plain_tree(blueprint)

    renderer_time, floor_time, plain_time = _in_turn([render, recording.build, plain], repeats)
    return [
        BenchResult.compare(
            "forms.render_vs_plain_widgets", renderer_time, plain_time, "s", goal=2.0
        ),
        BenchResult.compare(
            "forms.tree_floor_vs_plain_widgets", floor_time, plain_time, "s", goal=None
        ),
    ]


def _keystroke(target: QWidget, character: str) -> None:
    key = int(Qt.Key.Key_Backspace.value) if character == "\b" else 0
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
        )


def _relevance_update(form: Form, record: dict[str, Any], rounds: int) -> list[BenchResult]:
    renderer = FormRenderer(FormSession(form, record, clock=_clock))
    renderer.resize(1100, 800)
    renderer.show()
    renderer.show_section("venue")
    target = renderer.field_view("interview_date").controls()[0]
    assert isinstance(target, QLineEdit)
    target.clear()
    target.setFocus()
    for character in TYPED_DATE:
        _keystroke(target, character)
    assert renderer.session.answer("interview_date") is not None
    incremental: list[float] = []
    everything: list[float] = []
    for _ in range(rounds):
        for character in KEYSTROKES:
            start = time.perf_counter()
            _keystroke(target, character)
            incremental.append(time.perf_counter() - start)
            start = time.perf_counter()
            renderer.session.reevaluate_all()
            renderer.refresh_all()
            everything.append(time.perf_counter() - start)
    _dispose([renderer])
    keystroke = statistics.median(incremental)
    return [
        BenchResult.compare(
            "forms.relevance_update", keystroke, statistics.median(everything), "s", goal=0.2
        ),
        BenchResult.report("forms.keystroke_ms", keystroke * 1000, "ms", goal=16.0),
    ]


def _add_interview(store: Store, record: dict[str, Any]) -> ReturnInterview:
    with store.transaction("bench") as tx:
        child = tx.children.add(
            Child(
                id=new_id(),
                case_reference="BENCH-1",
                name="Bench Child",
                date_of_birth=NOW.date().replace(year=2011),
            )
        )
        episode = tx.episodes.add(
            MissingEpisode(
                id=new_id(),
                child_id=child.id,
                type=EpisodeType.MISSING,
                start=NOW - timedelta(days=2),
                end=NOW - timedelta(days=1),
            )
        )
        interview = tx.interviews.add(
            ReturnInterview(
                id=new_id(),
                child_id=child.id,
                episode_ids=(episode.id,),
                interviewer_id="bench",
                returned_at=NOW - timedelta(days=1),
                form_id="rhi",
                form_version=1,
                answers=record,
            )
        )
        tx.interviews.transition(interview.id, InterviewState.OFFERED)
        return tx.interviews.transition(interview.id, InterviewState.IN_PROGRESS)


def _autosave_write(record: dict[str, Any], writes: int) -> BenchResult:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.create(Path(tmp) / "bench.db", os.urandom(32))
        try:
            interview = _add_interview(store, record)
            writer = DraftWriter(
                interview.id,
                version=interview.version,
                saved_answers=record,
                store=lambda: store,
                actor=lambda: "bench",
            )
            seconds = []
            for n in range(writes):
                result = writer.write({**record, "reflection_notes": f"Typed so far: {'x' * n}"})
                seconds.append(result.seconds)
        finally:
            store.close()
    return BenchResult.report(
        "forms.autosave_write_ms", statistics.median(seconds) * 1000, "ms", goal=10.0
    )


def run(scale: float) -> list[BenchResult]:
    _application()
    form = load_bundled_form("rhi-v1.json")
    record = filled_record(form, max(3, round(ROWS * scale)))
    full = scale >= 1
    results = _render_vs_plain(form, record, repeats=6 if full else 2)
    results.extend(_relevance_update(form, record, rounds=5 if full else 1))
    results.append(_autosave_write(record, writes=50 if full else 5))
    return results
