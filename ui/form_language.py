"""The language a form is shown in: the one closest to the app's (machine policy or the
user's `language` setting, made Qt's default locale when the app starts)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from rhi_desktop.forms import Form


def form_language(form: Form) -> str | None:
    return form.language_for(QLocale().bcp47Name())
