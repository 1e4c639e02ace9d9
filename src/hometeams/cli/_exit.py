"""The exit statuses of the ``hometeams`` command (a module light enough for ``--help``)."""

from __future__ import annotations

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK"]

EXIT_OK = 0
EXIT_FAILED = 1
"""A run that failed (e.g. an unstable system)."""
EXIT_BAD_INPUT = 2
"""A damaged or missing file, a wrong option: the user's input, not the run, is at fault."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl-C (128 + SIGINT, as shells report it)."""
