"""The ``hometeams`` command.

Subcommands, each in its own module:

- ``hometeams demo`` runs the 1.4-versus-2 evening comparison with no files and writes its
  scenario file, tables, a figure and the HTML report to a new folder;
- ``hometeams check FILE`` validates an organisation or scenario file and lists findings such
  as needs no one can meet, evenings with more work than rostered minutes and rosters over the
  staff's positions;
- ``hometeams analyse FILE`` prints the organisation's analysis (span of control, competence
  coverage, key-person risk, ...);
- ``hometeams run FILE`` simulates one model of a scenario file;
- ``hometeams compare FILE`` compares its models with intervals and paired differences, and
  writes CSV, JSON and the HTML report;
- ``hometeams erlang ...`` answers staffing questions analytically (queue, Poisson need,
  integer-staffing waste, pooling).
- ``hometeams template -o mal.xlsx`` writes an empty workbook of a district's sheets (staff,
  users, visits, rota, shift times, travel) to fill in;
- ``hometeams import WORKBOOK -o FILE`` turns such a workbook, or a folder of CSV files, into a
  checked scenario file.

``check`` and ``analyse`` take ``--example A`` ... ``--example E`` instead of a file, to look at
one of the five case municipalities. Exit status: 0 success, 1 a run that failed, 2 bad input
(a damaged file, a missing file, a wrong option), 130 stopped with Ctrl-C -- always with a
short message and never a traceback. ``hometeams`` alone prints the help and exits with 2, as
for any missing argument; ``hometeams --help`` imports nothing but the command line itself.

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
