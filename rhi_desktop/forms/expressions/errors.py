"""The one error type the expression engine raises, so callers catch exactly one thing."""

from __future__ import annotations


class ExpressionError(ValueError):
    """A malformed or ill-typed expression, with the 0-based character offset it points at.

    Messages describe the expression, never an answer, so they are safe to log and show.
    """

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at character {position + 1}")
        self.message = message
        self.position = position
