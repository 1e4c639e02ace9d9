"""Tests for the JSON Schema of scenario files (``hometeams.io._schema``)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from hometeams.io import ScenarioFile, dumps_scenario, scenario_schema
from hometeams.io._durations import DURATION_KINDS
from hometeams.io._layout import FORM_CLASSES, Layout, RawModel
from hometeams.io._spec import ExperimentSettings, ReportSettings
from hometeams.model import (
    Competence,
    Membership,
    Organisation,
    Profession,
    Staff,
    Team,
    Unit,
    User,
    Zone,
)
from scenario_files import BASE, replace_once, scenario_files

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "docs" / "reference" / "scenario.schema.json"
NAMES = {RawModel: "Model", ExperimentSettings: "Experiment", ReportSettings: "Report"}


@pytest.fixture(scope="module")
def validator() -> Any:
    return jsonschema.Draft202012Validator(scenario_schema())


def _errors(validator: Any, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(tomllib.loads(text))]


def test_schema_is_valid_draft_2020_12() -> None:
    """The generated schema is itself a valid JSON Schema of the 2020-12 dialect."""
    schema = scenario_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_shipped_schema_is_the_generated_one() -> None:
    """docs/reference/scenario.schema.json is exactly what the code generates (no drift).

    To update it: ``python -c "import json; from hometeams.io import scenario_schema;
    print(json.dumps(scenario_schema(), indent=2, ensure_ascii=False))" >
    docs/reference/scenario.schema.json``.
    """
    generated = json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SHIPPED.read_text(encoding="utf-8") == generated


@pytest.mark.parametrize(
    "cls",
    [
        *FORM_CLASSES,
        Organisation,
        Zone,
        Unit,
        Staff,
        User,
        Competence,
        Profession,
        Team,
        Membership,
    ],
    ids=lambda cls: cls.__name__,
)
def test_every_field_the_reader_knows_is_in_the_schema(cls: type) -> None:
    """Each table's keys in the schema are exactly the fields the reader structures."""
    schema = scenario_schema()
    definition = schema if cls is Layout else schema["$defs"][NAMES.get(cls, cls.__name__)]
    fields = {field.name for field in attrs.fields(cls)}
    if cls in DURATION_KINDS.values():
        fields.add("kind")
    assert set(definition["properties"]) == fields
    assert definition["additionalProperties"] is False
    required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    assert set(definition.get("required", [])) - {"kind"} == required


def test_the_base_file_and_every_example_validate(validator: Any) -> None:
    """A valid hand-written file and every example scenario file pass the schema."""
    assert _errors(validator, BASE) == []
    examples = sorted((ROOT / "examples" / "scenarios").glob("*.toml"))
    assert examples
    for path in examples:
        assert _errors(validator, path.read_text(encoding="utf-8")) == [], path.name


def test_every_organisation_file_validates_as_an_inline_organisation() -> None:
    """The case municipalities' files fit the schema's Organisation (what [organisation] holds)."""
    schema = scenario_schema()
    organisation = jsonschema.Draft202012Validator(
        {"$ref": "#/$defs/Organisation", "$defs": schema["$defs"]}
    )
    for path in sorted((ROOT / "examples" / "organisations").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert [e.message for e in organisation.iter_errors(data)] == [], path.name


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('horizon = "2 weeks"', 'horizn = "2 weeks"'),
        ('horizon = "2 weeks"', 'horizon = "two weeks"'),
        ("rate = 0.2", 'rate = "0.2"'),
        ('policy = "fixed-teams"', 'policy = "fixed_teams"'),
        ('policy = "fixed-teams"', 'policy = { kind = "overflow" }'),
        ('shift = "day", days = "weekdays"', 'shift = "day", days = "workdays"'),
        ('times = ["08:00", "20:00"]', 'times = ["25:00"]'),
        ('kind = "lognormal", mean = 40, sd = 10', 'kind = "lognormal", mean = 40, sigma = 1'),
        ("sick_leave = 0.05", "sick_leave = 1.5"),
        ('period = "day"', 'period = "afternoon"'),
        ("seed = 7", 'seed = 7\nwarmup = "1 week"'),
        ('[[models]]\nname = "fixed"', '[[modelz]]\nname = "fixed"'),
    ],
)
def test_the_schema_rejects_damaged_files(validator: Any, old: str, new: str) -> None:
    """Mistakes an editor can see while typing are refused by the schema too."""
    assert _errors(validator, replace_once(BASE, old, new))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_files())
def test_every_written_file_validates(file: ScenarioFile) -> None:
    """What the writer writes, the schema accepts: reader, writer and schema agree."""
    checker = jsonschema.Draft202012Validator(scenario_schema())
    data = tomllib.loads(dumps_scenario(file))
    assert [e.message for e in checker.iter_errors(data)] == []


def test_fields_carry_descriptions_from_the_docstrings() -> None:
    """Editors show what a key means: the descriptions come from the classes' docstrings."""
    schema = scenario_schema()
    visit = schema["$defs"]["VisitPlan"]["properties"]
    assert visit["window"]["description"].startswith(
        "Minutes after the planned start within which the visit is on time."
    )
    assert schema["properties"]["horizon"]["description"].startswith("Length of each simulated run")
