"""Errors reports raise: `str(error)` is fit to show and never holds personal data."""

from __future__ import annotations


class ReportError(Exception):
    """A report or export that cannot be made as asked; the message says what to change."""
