"""Files in and out: organisation files and scenario files (TOML), staff lists (CSV), examples.

Files become objects here, at the edge of the library, and a file that cannot become a valid
object is refused with one message naming the file, the field path and the rule::

    case_d.toml: teams[2].members[0].share: must be > 0 and <= 1, got 1.4
    evening.toml: demand.visits[4].duration.mean: must be a finite number > 0, got -5

See :func:`read_organisation` for the organisation file layout, :func:`read_staff_csv` for staff
lists, :func:`read_workbook` for a whole district from a planner's workbook or a folder of CSV
files (:func:`write_template` writes one to fill in), and :func:`read_scenario` for scenario
files: a whole comparison of organisation models (organisation, roster, demand, absences, the
models and the experiment) in one file, with a JSON Schema for editors
(:func:`scenario_schema`); :func:`read_file` reads either kind of TOML file, told apart by its
content.

What a file's words mean is here too: :func:`parse_minutes` and :func:`format_minutes` read and
write lengths of time (``"4 weeks"``), :func:`policy_kind` and :func:`planning_kind` give the
``kind`` a file calls a built-in policy or planning by, :func:`file_data` is a scenario file as
the plain data it is written from, and :data:`TEMPLATES` lists the sheets of a workbook
template.
"""

from __future__ import annotations

from hometeams.io._csv import organisation_from_staff_csv, read_staff_csv
from hometeams.io._examples import EXAMPLES, example_organisation, example_text
from hometeams.io._file import ScenarioFile
from hometeams.io._layout import file_data
from hometeams.io._planning import planning_kind
from hometeams.io._policy import policy_kind
from hometeams.io._scenario import (
    dumps_scenario,
    example_scenario,
    loads_scenario,
    read_file,
    read_scenario,
    write_scenario,
)
from hometeams.io._schema import scenario_schema
from hometeams.io._spec import ExperimentSettings, ModelSpec, OrganisationRef, ReportSettings
from hometeams.io._template import TEMPLATES, write_template
from hometeams.io._toml import (
    dumps_organisation,
    loads_organisation,
    read_organisation,
    write_organisation,
)
from hometeams.io._units import format_minutes, parse_minutes
from hometeams.io._workbook import read_workbook

__all__ = [
    "EXAMPLES",
    "TEMPLATES",
    "ExperimentSettings",
    "ModelSpec",
    "OrganisationRef",
    "ReportSettings",
    "ScenarioFile",
    "dumps_organisation",
    "dumps_scenario",
    "example_organisation",
    "example_scenario",
    "example_text",
    "file_data",
    "format_minutes",
    "loads_organisation",
    "loads_scenario",
    "organisation_from_staff_csv",
    "parse_minutes",
    "planning_kind",
    "policy_kind",
    "read_file",
    "read_organisation",
    "read_scenario",
    "read_staff_csv",
    "read_workbook",
    "scenario_schema",
    "write_organisation",
    "write_scenario",
    "write_template",
]
