"""The interview form on screen: a Qt renderer for form definitions, with autosave.

    editor = open_form_editor(store=lambda: holder.store, actor=lambda: holder.actor,
                              interview_id=interview_id, registry=FormRegistry.for_profile(root),
                              read_only=False, on_saved=refresh_caseload)

- `renderer.FormRenderer` builds the widgets for a `FormSession` and keeps them in step
  with it edit by edit; `section_nav` shows each section's progress in symbols and words.
- `autosave.AutoSaver` writes through `rhi_desktop.autosave.DraftWriter` within two
  seconds of a change, on section change and on close.
- `uk_input` reads dates and times as typed in the UK; `sensitive` hides sensitive
  answers until revealed; `version_banner` offers a newer form version explicitly.
"""

from ui.forms.autosave import AutoSaver, InlineRunner, Runner
from ui.forms.editor import InterviewFormEditor, open_form_editor
from ui.forms.renderer import FormRenderer

__all__ = [
    "AutoSaver",
    "FormRenderer",
    "InlineRunner",
    "InterviewFormEditor",
    "Runner",
    "open_form_editor",
]
