"""Errors that reach the user as one clear line."""

import contextlib
import os
import sys


class ReportlintError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(ReportlintError):
    """A file cannot be read as a report (missing, empty, binary, undecodable...)."""


class UsageError(ReportlintError):
    """The command line or configuration is wrong."""


def quiet_broken_pipe() -> None:
    """Exit 1 without a message when standard output's reader has closed the pipe (``| head``).

    Python's own advice (docs, "Note on SIGPIPE"): point stdout at devnull so the interpreter's final
    flush does not raise again, then exit.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
