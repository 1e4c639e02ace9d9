"""The ``hometeams`` command.

Subcommands, each in its own module:

- ``hometeams check FILE`` validates an organisation file and lists findings such as needs no
  one in the organisation can meet;
- ``hometeams analyse FILE`` prints the organisation's analysis (span of control, competence
  coverage, key-person risk, ...).

Both take ``--example A`` ... ``--example E`` instead of a file, to look at one of the five
case municipalities. Exit status: 0 success, 1 a run that failed, 2 bad input (a damaged file,
a missing file, a wrong option) -- always with a short message and never a traceback.

Examples
--------
>>> main(["check", "--example", "D"])  # doctest: +ELLIPSIS
OK: built-in example D: Kommune D
...
0
"""

from __future__ import annotations

from hometeams.cli._main import main

__all__ = ["main"]
