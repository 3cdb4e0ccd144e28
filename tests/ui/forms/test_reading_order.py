"""What a screen reader meets walking a page part by part (NVDA's object navigation,
Orca's review) is its widgets in the order they were made, not as they are laid out:
each page, row and group is made, and added to as the interviewer works, so that the
two agree."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLayout, QWidget

from tests.ui.answers import complete_answers
from tests.ui.forms.conftest import NOW, Draft, add_draft
from ui.forms.editor import InterviewFormEditor


def _laid_out(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, nested = item.widget(), item.layout()
        if widget is not None:
            yield widget
        elif nested is not None:
            yield from _laid_out(nested)


def _name(widget: QWidget) -> str:
    spoken = QAccessible.queryAccessibleInterface(widget)
    name = "" if spoken is None else spoken.text(QAccessible.Text.Name)
    return name or type(widget).__name__


def _out_of_order(container: QWidget) -> tuple[list[str], list[str]] | None:
    """The shown parts `container` lays out, as a screen reader meets them and as they
    are laid out, where the two differ."""
    layout = container.layout()
    if layout is None:
        return None
    shown = [
        w for w in _laid_out(layout) if w.parentWidget() is container and w.isVisibleTo(container)
    ]
    spoken = QAccessible.queryAccessibleInterface(container)
    assert spoken is not None
    children = (spoken.child(i) for i in range(spoken.childCount()))
    met = [w for c in children if c is not None and (w := c.object()) in shown]
    if met == shown:
        return None
    return [_name(w) for w in met if isinstance(w, QWidget)], [_name(w) for w in shown]


def test_each_page_row_and_group_is_read_in_the_order_it_is_laid_out(
    open_editor: Callable[..., InterviewFormEditor], draft: Draft
) -> None:
    """Previous and Next were read before every question; each label after its input;
    a question's message at the page's end; a row's Remove before its questions; and
    the Add button before the rows."""
    answers = {**complete_answers(NOW), "interview_date": None}
    editor = open_editor(interview_id=add_draft(draft.store, answers=answers))
    renderer = editor.renderer
    renderer.add_row("places")  # a row added as the interviewer works
    editor.check_button.click()  # messages made under the questions they are about
    assert renderer.field_view("interview_date").message
    wrong: dict[str, tuple[list[str], list[str]]] = {}
    for section_id in renderer.session.form.sections:
        page = renderer.page(section_id)
        renderer.show_section(section_id)
        content = page.widget()
        assert content is not None
        for container in [content, *content.findChildren(QWidget)]:
            found = _out_of_order(container)
            if found is not None:
                wrong[f"{section_id}: {container.objectName() or type(container).__name__}"] = found
    assert wrong == {}
