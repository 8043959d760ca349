"""Errors that reach the user as one clear line."""


class ReportlintError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(ReportlintError):
    """A file cannot be read as a report (missing, empty, binary, undecodable...)."""


class UsageError(ReportlintError):
    """The command line or configuration is wrong."""
