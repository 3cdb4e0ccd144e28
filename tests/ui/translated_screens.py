"""Run in a child process: load a pseudo-translation in which every catalogue string is
wrapped in ‹…›, open every screen (and word every core and sync error, and an SSDA903
refusal), and print each piece of visible text that came out unwrapped (so never went
through Qt's translation). Exit 1 if there is any.

    python -m tests.ui.translated_screens QM_FILE PROFILE_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from rhi_desktop.config import Settings
from rhi_desktop.profile import ProfilePaths
from rhi_desktop.reports.exports.ssda903 import Ssda903Refused, Violation
from tests.ui.driving import PASSPHRASE, visible_widgets
from tests.ui.error_samples import SAMPLES, SYNC_SAMPLES
from ui.controller import AppController
from ui.first_run import FirstRunWizard
from ui.main_window import MainWindow
from ui.messages import error_text
from ui.new_case_dialog import NewCaseDialog
from ui.offer_dialog import OfferDialog
from ui.quarantine_view import kind_label
from ui.reports.ssda903_refusal import refusal_text, rule_texts, violation_text
from ui.sign_off_dialogs import LateReasonDialog, SignOffDialog
from ui.window import application

_DECORATION = " •✓✗●○()0123456789<>-"


def _wait(condition: object) -> None:
    loop = QEventLoop()
    for _ in range(1000):
        if condition():  # type: ignore[operator]
            return
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    raise TimeoutError("the app did not get there in time")


def untranslated(where: str, texts: list[str]) -> list[str]:
    problems = []
    for text in texts:
        for line in text.replace("&", "").splitlines():
            core = line.strip(_DECORATION)
            if core and not core.startswith("‹"):
                problems.append(f"{where}: {line!r}")
    return problems


def _screen(widget: QWidget, where: str) -> list[str]:
    """Labels, buttons, titles and actions: what the app writes (typed values aside)."""
    shown = [w for w in visible_widgets(widget) if isinstance(w, QLabel | QAbstractButton)]
    texts = [widget.windowTitle(), *(w.text() for w in shown)]
    texts += [a.text() for a in widget.findChildren(QAction) if a.isVisible()]
    return untranslated(where, texts)


def _main_window_texts(window: MainWindow) -> list[str]:
    model = window.caseload
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    views = window.views_model
    sidebar = [str(views.index(r).data()) for r in range(views.rowCount())]
    menus = [action.text() for action in window.menuBar().actions()]
    return headers + sidebar + menus


def main(qm_file: Path, profile: Path) -> int:
    app = application()
    translator = QTranslator(app)
    assert translator.load(str(qm_file)), "the pseudo-translation did not load"
    app.installTranslator(translator)
    problems: list[str] = []

    wizard = FirstRunWizard(None, False, False)
    wizard.show()
    problems += _screen(wizard, "first run, passphrase")
    wizard.passphrase_page.creation_succeeded()
    wizard.next()
    problems += _screen(wizard, "first run, enrolment")
    wizard.close()

    paths = ProfilePaths(profile)
    controller = AppController(app, paths, Settings.load(paths), find_keystore=lambda: None)
    controller.start()
    assert controller.unlock_window is not None
    problems += _screen(controller.unlock_window, "unlock")
    panel = controller.unlock_window.panel
    panel.passphrase.setText("not the passphrase")
    panel.unlock_button.click()
    _wait(panel.passphrase.isEnabled)
    problems += _screen(controller.unlock_window, "unlock, wrong passphrase")
    panel.passphrase.setText(PASSPHRASE)
    panel.unlock_button.click()
    _wait(lambda: controller.main_window is not None)
    window = controller.main_window
    assert window is not None
    problems += _screen(window, "caseload")
    problems += untranslated("caseload columns, views", _main_window_texts(window))
    window.table.selectRow(0)
    for opener, kind in ((window.new_case, NewCaseDialog), (window.record_offer, OfferDialog)):
        opener()
        _wait(lambda kind=kind: isinstance(QApplication.activeModalWidget(), kind))
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        problems += _screen(dialog, kind.__name__)
        dialog.close()
    now = controller._clock()
    for dialog in (
        SignOffDialog(lambda _: None, window, case_reference="DEMO-00001"),
        LateReasonDialog(lambda _: None, now, now, window),
    ):
        dialog.show()
        problems += _screen(dialog, type(dialog).__name__)
        dialog.close()
    controller.show_attention()
    _wait(lambda: controller.attention is not None and controller.attention.isVisible())
    attention = controller.attention
    assert attention is not None
    problems += _screen(attention, "changes needing attention")
    columns = attention.table.model()
    problems += untranslated(
        "changes needing attention, columns",
        [str(columns.headerData(c, Qt.Orientation.Horizontal)) for c in range(3)],
    )
    problems += untranslated(
        "changes needing attention, kinds",
        [kind_label(kind) for kind in ("child", "episode", "interview", "offer", "review")],
    )
    attention.close()
    controller.lock("test")
    problems += _screen(window, "locked")
    controller.shutdown()
    errors = [*SAMPLES, *SYNC_SAMPLES]
    problems += untranslated("core and sync errors", [error_text(error) for error in errors])
    refused = Ssda903Refused([Violation("C-1", "e-1", rule) for rule in rule_texts()])
    refusal = [refusal_text(refused), *(violation_text(v) for v in refused.violations)]
    problems += untranslated("SSDA903 refusal", refusal)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
