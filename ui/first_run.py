"""First run: choose a passphrase, create the encrypted profile, then enrol or go offline.

A computer that went offline enrols later from the main window (File > Enrol this
computer…) through the same enrolment page, shown on its own in `EnrolWizard`.

The wizard only collects and explains; the controller does the work on the background
worker (Argon2id takes a fraction of a second, enrolment may take seconds) and reports
back through `profile_created`, `creation_failed` and `enrol_finished`. Creating the
profile is the commit point: once it exists the wizard cannot go back to page one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from rhi_desktop.vault import Protection
from rhi_desktop.vault.strength import Finding, Strength, Verdict, estimate
from ui.enrolment import EnrolmentOutcome
from ui.screen_fit import resize_within_screen

PASSPHRASE_PAGE = 0
ENROL_PAGE = 1


class StrengthMeter(QWidget):
    """A bar, a verdict in words, and the reasons: never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, int(Verdict.VERY_STRONG))
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons)
        self.show_strength(estimate(""))

    def show_strength(self, strength: Strength) -> None:
        self.bar.setValue(int(strength.verdict))
        self.bar.setProperty("verdict", strength.verdict.name.lower())
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        words = self._verdict_words()[strength.verdict]
        if strength.acceptable:
            self.verdict.setText(self.tr("Strength: {0}. Good enough to use.").format(words))
        else:
            self.verdict.setText(self.tr("Strength: {0}. Not strong enough yet.").format(words))
        self.reasons.setText("\n".join(self._finding_text(f) for f in strength.findings))

    def _verdict_words(self) -> dict[Verdict, str]:
        return {
            Verdict.VERY_WEAK: self.tr("very weak"),
            Verdict.WEAK: self.tr("weak"),
            Verdict.FAIR: self.tr("fair"),
            Verdict.STRONG: self.tr("strong"),
            Verdict.VERY_STRONG: self.tr("very strong"),
        }

    def _finding_text(self, finding: Finding) -> str:
        texts = {
            Finding.EMPTY: self.tr("Type a passphrase."),
            Finding.COMMON: self.tr("This is one of the passwords attackers try first."),
            Finding.TOO_SHORT: self.tr("It is short: use at least 12 characters."),
            Finding.FEW_WORDS: self.tr("Use three or more random words."),
            Finding.REPEATS_OR_RUNS: self.tr(
                "It repeats characters or uses runs like abc or 123, which are easy to guess."
            ),
            Finding.ONE_KIND_OF_CHARACTER: self.tr("It uses only one kind of character."),
            Finding.LONG: self.tr("Good: it is long."),
            Finding.SEVERAL_WORDS: self.tr("Good: it has several separate words."),
            Finding.MIXED_CHARACTERS: self.tr("Good: it mixes kinds of characters."),
        }
        return "• " + texts[finding]


class PassphrasePage(QWizardPage):
    create_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose your passphrase"))
        self.setSubTitle(
            self.tr(
                "It protects the case data kept on this computer. You will type it each "
                "time you unlock the app."
            )
        )
        self._protection: Protection | None = None
        self._created = False
        self._busy = False

        advice = QLabel(
            self.tr(
                "Use three random words, as the National Cyber Security Centre advises: "
                "three words that have nothing to do with each other or with you. Add a "
                "fourth word for extra strength. Do not use this passphrase anywhere else."
            )
        )
        advice.setWordWrap(True)
        advice.setObjectName("advice")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.show_text = QCheckBox(self.tr("&Show what I type"))
        self.show_text.setAccessibleName(self.tr("Show passphrase"))
        self.meter = StrengthMeter()
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Confirm passphrase"))
        self.match = QLabel()
        self.protection = QLabel(self.tr("Checking this computer's keystore…"))
        self.protection.setWordWrap(True)
        self.protection.setObjectName("protection")
        self.status = QLabel()
        self.status.setObjectName("problem")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow("", self.show_text)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow(self.tr("&Confirm:"), self.confirm)
        form.addRow("", self.match)
        layout = QVBoxLayout(self)
        layout.addWidget(advice)
        layout.addLayout(form)
        layout.addWidget(self.protection)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setTabOrder(self.passphrase, self.show_text)
        self.setTabOrder(self.show_text, self.confirm)

        self.passphrase.textChanged.connect(self._changed)
        self.confirm.textChanged.connect(self._changed)
        self.show_text.toggled.connect(self._show_text)
        self.setCommitPage(True)
        self._changed()

    @property
    def created(self) -> bool:
        return self._created

    def set_protection(self, protection: Protection) -> None:
        self._protection = protection
        self.protection.setText(
            self.tr("Protected by your passphrase and this computer's keystore.")
            if protection is Protection.PASSPHRASE_AND_KEYSTORE
            else self.tr(
                "Protected by your passphrase only: no system keystore is available on "
                "this computer."
            )
        )
        self.completeChanged.emit()

    def creation_succeeded(self) -> None:
        self._created = True
        self._busy = False
        self.passphrase.clear()
        self.confirm.clear()
        self.status.clear()

    def creation_failed(self, message: str) -> None:
        self._busy = False
        self.status.setText(message)
        self._set_inputs_enabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self._created:
            return True
        strength = estimate(self.passphrase.text())
        return (
            not self._busy
            and self._protection is not None
            and strength.acceptable
            and self.passphrase.text() == self.confirm.text()
        )

    def validatePage(self) -> bool:
        if self._created:
            return True
        if not self.isComplete():
            return False
        self._busy = True
        self._set_inputs_enabled(False)
        self.status.setText(self.tr("Creating your encrypted profile…"))
        self.completeChanged.emit()
        self.create_requested.emit(self.passphrase.text())
        return False

    def _changed(self) -> None:
        text = self.passphrase.text()
        self.meter.show_strength(estimate(text))
        if not self.confirm.text():
            self.match.setText(self.tr("Type it again to confirm."))
        elif self.confirm.text() == text:
            self.match.setText(self.tr("✓ The passphrases match."))
        else:
            self.match.setText(self.tr("✗ The passphrases do not match yet."))
        self.completeChanged.emit()

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.passphrase, self.confirm, self.show_text):
            widget.setEnabled(enabled)


class EnrolPage(QWizardPage):
    enrol_requested = Signal(str, str)
    enrolled_now = Signal()  # the central service accepted the code

    def __init__(
        self,
        server_url: str | None,
        server_url_fixed: bool,
        can_enrol: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect to your central service"))
        self.setSubTitle(
            self.tr(
                "Enrolling lets this computer send finished interviews for review and "
                "receive new assignments. You can also work offline and enrol later."
            )
        )
        self._can_enrol = can_enrol
        self._busy = False
        self.enrolled = False
        self.server = QLineEdit(server_url or "")
        self.server.setAccessibleName(self.tr("Server address"))
        self.server.setPlaceholderText("https://rhi.example.gov.uk")
        self.server.setReadOnly(server_url_fixed)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("One-time enrolment code"))
        self.enrol_button = QPushButton(self.tr("&Enrol this computer"))
        self.enrol_button.setAccessibleName(self.tr("Enrol this computer"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.server)
        form.addRow(self.tr("One-time &code:"), self.code)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if server_url_fixed:
            layout.addWidget(QLabel(self.tr("The server address is set by your organisation.")))
        layout.addWidget(self.enrol_button)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.enrol_button.clicked.connect(self._enrol)
        for box in (self.server, self.code):
            box.installEventFilter(self)  # Enter here enrols, not the wizard's Finish
        if not can_enrol:
            for widget in (self.server, self.code, self.enrol_button):
                widget.setEnabled(False)
            self.note.setText(
                self.tr(
                    "Enrolling is not available in this version of the app yet. Choose "
                    "Continue offline: your work stays encrypted on this computer and "
                    "you can enrol later."
                )
            )

    @property
    def can_enrol(self) -> bool:
        return self._can_enrol

    @property
    def busy(self) -> bool:
        return self._busy

    def isComplete(self) -> bool:
        return not self._busy

    def enrol_finished(self, outcome: EnrolmentOutcome) -> None:
        self._busy = False
        self.enrolled = outcome.ok
        self.note.setText(outcome.message)
        self._set_enabled(not outcome.ok)
        self.completeChanged.emit()
        if outcome.ok:
            self.enrolled_now.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the address or code box enrols. Left to the wizard, it pressed the
        default button, Finish (continue offline), and the code typed was dropped."""
        if (
            event.type() is QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._can_enrol
            and not self._busy
        ):
            self._enrol()
            return True
        return super().eventFilter(watched, event)

    def _enrol(self) -> None:
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server or not code:
            self.note.setText(self.tr("Enter the server address and your one-time code."))
            return
        self._busy = True
        self._set_enabled(False)
        self.note.setText(self.tr("Enrolling…"))
        self.completeChanged.emit()
        self.enrol_requested.emit(server, code)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.code, self.enrol_button):
            widget.setEnabled(enabled and self._can_enrol)
        self.server.setEnabled(enabled and self._can_enrol)


class FirstRunWizard(QWizard):
    setup_finished = Signal()
    cancelled = Signal()

    def __init__(
        self,
        server_url: str | None,
        server_url_fixed: bool,
        can_enrol: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up RHI Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.passphrase_page = PassphrasePage()
        self.enrol_page = EnrolPage(server_url, server_url_fixed, can_enrol)
        self.setPage(PASSPHRASE_PAGE, self.passphrase_page)
        self.setPage(ENROL_PAGE, self.enrol_page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create &encrypted profile"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Continue &offline"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Quit"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        for which, name in (
            (QWizard.WizardButton.CommitButton, self.tr("Create encrypted profile")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Quit")),
            (QWizard.WizardButton.NextButton, self.tr("Next")),
            (QWizard.WizardButton.BackButton, self.tr("Back")),
        ):
            self.button(which).setAccessibleName(name)
        self.enrol_page.enrolled_now.connect(
            lambda: self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Open caseload"))
        )
        resize_within_screen(self, 720, 600)
        self.accepted.connect(self.setup_finished)
        self.rejected.connect(self._rejected)

    def profile_created(self) -> None:
        self.passphrase_page.creation_succeeded()
        self.next()

    def creation_failed(self, message: str) -> None:
        self.passphrase_page.creation_failed(message)

    def _rejected(self) -> None:
        if self.passphrase_page.created:
            self.setup_finished.emit()  # the profile exists: closing means "offline"
        else:
            self.cancelled.emit()


class EnrolWizard(QWizard):
    """Enrolling later, from the main window: the first run's enrolment page on its own.
    Closing it before enrolling leaves the computer working offline, as before."""

    def __init__(
        self, server_url: str | None, server_url_fixed: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrol this computer"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.enrol_page = EnrolPage(server_url, server_url_fixed, can_enrol=True)
        self.setPage(ENROL_PAGE, self.enrol_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Not now"))
        self.button(QWizard.WizardButton.FinishButton).setAccessibleName(self.tr("Not now"))
        self.enrol_page.enrolled_now.connect(self._enrolled)
        resize_within_screen(self, 640, 420)

    def first_field(self) -> QLineEdit:
        """Where typing starts: the code, when the server address is already there."""
        page = self.enrol_page
        return page.code if page.server.text() else page.server

    def _enrolled(self) -> None:
        finish = QWizard.WizardButton.FinishButton
        self.setButtonText(finish, self.tr("&Done"))
        self.button(finish).setAccessibleName(self.tr("Done"))
        self.button(finish).setFocus()
