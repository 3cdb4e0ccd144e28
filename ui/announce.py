"""Telling a screen reader about something that appears away from where it is reading.

A problem shown under a question the interviewer has just left is not where the focus
is, so a screen reader user would not hear it until they came back. It is announced
instead, politely (after what is being read), through Qt's accessibility bridge.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str, *, urgent: bool = False) -> None:
    """Have assistive technology read `text` out; `source` is the control it concerns.
    `urgent` interrupts what is being read (for what puts work at risk, such as saving
    having stopped); otherwise it waits its turn."""
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
