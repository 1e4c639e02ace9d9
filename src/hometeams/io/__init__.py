"""Files in and out: organisation files (TOML), staff lists (CSV) and the built-in examples.

Files become objects here, at the edge of the library, and a file that cannot become a valid
object is refused with one message naming the file, the field path and the rule::

    case_d.toml: teams[2].members[0].share: must be > 0 and <= 1, got 1.4

See :func:`read_organisation` for the file layout and :func:`read_staff_csv` for staff lists.
"""

from __future__ import annotations

from hometeams.io._csv import organisation_from_staff_csv, read_staff_csv
from hometeams.io._examples import EXAMPLES, example_organisation, example_text
from hometeams.io._toml import (
    dumps_organisation,
    loads_organisation,
    read_organisation,
    write_organisation,
)

__all__ = [
    "EXAMPLES",
    "dumps_organisation",
    "example_organisation",
    "example_text",
    "loads_organisation",
    "organisation_from_staff_csv",
    "read_organisation",
    "read_staff_csv",
    "write_organisation",
]
