"""The sync layer as the app's windows use it: enrolling from the first-run wizard.

Runs on the app's background worker (the controller calls it there), never on the GUI
thread. Failures the person can act on come back as a sentence; only bugs raise.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from rhi_desktop.config import ConfigError, Settings
from rhi_desktop.config.parsers import InvalidValue
from rhi_desktop.config.parsers import server_url as parse_server_url
from rhi_desktop.session import OpenProfile
from rhi_desktop.vault import detect_keystore
from sync.device import enrol_device
from sync.errors import SyncError
from ui.enrolment import EnrolmentOutcome
from ui.messages import error_text

log = logging.getLogger(__name__)


def enrol_with_service(
    profile: OpenProfile, server_url: str, one_time_code: str
) -> EnrolmentOutcome:
    """Exchange the one-time code for this device's credentials (kept encrypted)."""
    try:
        parse_server_url(server_url.strip(), profile.paths.root)
    except InvalidValue:  # typed by the person: no bug, and nothing to send it to
        return EnrolmentOutcome(
            False,
            QCoreApplication.translate(
                "SyncBridge",
                "The server address must be an https address, like "
                "https://rhi.example.gov.uk. Check it with IT.",
            ),
        )
    try:
        settings = Settings.load(profile.paths)
        enrolment = enrol_device(
            profile,
            detect_keystore(),
            settings,
            server_url=server_url.strip(),
            code=one_time_code.strip(),
        )
    except (SyncError, ConfigError) as exc:
        log.info("enrolment refused or failed: %s", type(exc).__name__)
        return EnrolmentOutcome(False, error_text(exc))
    log.info("device enrolled (role %s)", enrolment.role)
    return EnrolmentOutcome(
        True,
        QCoreApplication.translate(
            "SyncBridge", "This computer is enrolled. Your work will be sent when you are online."
        ),
    )
