"""Errors raised by the evals package."""


class CaseFormatError(ValueError):
    """A line of an eval dataset is malformed; the message names the file, the line and the fix."""
