"""A small real translation for a test: a Qt catalogue written here, compiled by Qt's own
lrelease, and installed in the application for the length of a `with` block."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QTranslator

from ui import translation_catalogue


def compile_catalogue(
    directory: Path, name: str, language: str, contexts: Mapping[str, Mapping[str, str]]
) -> Path:
    """`directory/name.qm` translating each context's source texts."""
    body = "".join(
        f"<context><name>{escape(context)}</name>"
        + "".join(
            f"<message><source>{escape(source)}</source>"
            f"<translation>{escape(text)}</translation></message>"
            for source, text in texts.items()
        )
        + "</context>"
        for context, texts in contexts.items()
    )
    catalogue = directory / f"{name}.ts"
    catalogue.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
        f'<TS version="2.1" language="{language}">{body}</TS>',
        encoding="utf-8",
    )
    compiled = catalogue.with_suffix(".qm")
    lrelease = Path(translation_catalogue.lupdate()).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(catalogue), "-qm", str(compiled)], check=True)
    return compiled


@contextmanager
def translated(
    directory: Path, contexts: Mapping[str, Mapping[str, str]], language: str = "cy"
) -> Iterator[None]:
    """The application translates `contexts` as given while the block runs."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(compile_catalogue(directory, "test", language, contexts)))
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
